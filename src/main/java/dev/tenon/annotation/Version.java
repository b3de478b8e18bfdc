package dev.tenon.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the version column of an entity, for optimistic locking: two sessions that read the same row and both change
 * it no longer lose the first one's update without a word. The flush writes every UPDATE and DELETE of the row with
 * the version the object holds in its WHERE clause, and sets the next version in the same UPDATE:
 *
 * <pre>{@code
 * @Table(name = "account")
 * class Account {
 *     @Id Long id;
 *     @Column BigDecimal balance;
 *     @Version long version;           // 1 at insert, then 2, 3, ... one more at each UPDATE of the row
 * }
 *
 * account.balance = account.balance.add(amount);
 * session.commit();
 * // UPDATE account SET balance = ?, version = ? WHERE id = ? AND version = ?
 * }</pre>
 *
 * When the row has been changed (or deleted) by another transaction since the object was read, the statement finds no
 * row, and the flush fails with a {@link dev.tenon.exception.StaleDataException} naming the object: the transaction is
 * rolled back, and the objects are as they were before it, the application's changes kept and the version still the
 * one read. Read the row again and apply the change to what it holds now.
 *
 * <p>The field is an integer ({@code int}, {@code long}, {@code short} or their boxes), or a timestamp
 * ({@link java.time.Instant}, {@link java.time.OffsetDateTime}, {@link java.time.LocalDateTime}) for a table whose
 * version must also say when the row last changed. It is persisted as a column even without {@link Column} (add
 * {@code @Column} to name it), and the column is {@code NOT NULL}. Tenon sets it: a new object whose version is null
 * (or 0) is inserted with 1, or the current time, truncated to microseconds, the precision both databases keep; each
 * UPDATE sets one more, or the current time, always later than the version it replaces. So it takes no
 * {@code serverDefault}, {@code serverOnUpdate}, {@code insertDefault} nor {@code updateValue}, cannot be the
 * {@link Id}, and an entity has at most one.
 *
 * <p>The version checked is the one the object holds: an application that shows a row and takes an edit back later
 * can set the version it showed on the object it applies the edit to, and the flush fails if the row changed in
 * between. A flush that has nothing to write for an object writes no new version for it either.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {
}
