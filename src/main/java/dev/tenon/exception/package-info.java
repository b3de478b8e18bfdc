/**
 * The exception hierarchy, rooted at {@link dev.tenon.exception.TenonException}, one unchecked subclass per place where
 * something went wrong: the mapping ({@link dev.tenon.exception.MappingException}), a statement
 * ({@link dev.tenon.exception.SqlExecutionException}, {@link dev.tenon.exception.TimeoutException}), the transaction
 * ({@link dev.tenon.exception.TransactionRolledBackException},
 * {@link dev.tenon.exception.CommitOutcomeUnknownException}), a row changed since it was read
 * ({@link dev.tenon.exception.StaleDataException}), a write in a read-only session
 * ({@link dev.tenon.exception.ReadOnlyException}), an object's identity
 * ({@link dev.tenon.exception.IdentityException}), a lazy load ({@link dev.tenon.exception.LazyLoadException}), a
 * result's size ({@link dev.tenon.exception.ResultSizeException}), a feature the database lacks
 * ({@link dev.tenon.exception.UnsupportedFeatureException}). Apart from it, on purpose, an assertion:
 * {@link dev.tenon.exception.StatementBudgetError}, a block of code that ran more statements than its budget. The
 * package depends on nothing else in Tenon, and every other package may use it.
 */
package dev.tenon.exception;
