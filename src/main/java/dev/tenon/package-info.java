/**
 * Tenon, a small ORM on plain JDBC. This package holds only the exception hierarchy, rooted at
 * {@link dev.tenon.TenonException}; it depends on nothing else in Tenon, and every other package may use it.
 *
 * <p>Read the packages in this order: {@code annotation}, {@code metadata}, {@code sql}, {@code engine},
 * {@code ddl} (the core), then {@code session}, {@code query}, {@code loading}, {@code proxy} (the ORM layer).
 */
package dev.tenon;
