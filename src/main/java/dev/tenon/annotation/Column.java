package dev.tenon.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;

/**
 * Persists a field as a column. Fields without {@code @Column} (or {@link Id}) are not persisted:
 * explicit is better than implicit.
 *
 * <pre>{@code
 * @Column(length = 10) String ename;
 * @Column(precision = 7, scale = 2) BigDecimal sal;
 * @Column(serverDefault = "now") Instant created;
 * @Column(serverDefault = "now", serverOnUpdate = "now") Instant updated;
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {
    /** The column name; defaults to the field name. */
    String name() default "";

    /** Maximum length of a {@code String} column; 0 means unbounded. */
    int length() default 0;

    /** Total digits of a {@code BigDecimal} column; 0 lets the database choose. */
    int precision() default 0;

    /** Digits after the decimal point of a {@code BigDecimal} column. */
    int scale() default 0;

    /** Whether the column accepts NULL. Primary-key columns and primitive fields are never nullable. */
    boolean nullable() default true;

    /** Adds a single-column UNIQUE constraint. */
    boolean unique() default false;

    /** Adds a single-column index. */
    boolean index() default false;

    /**
     * A default computed by the database, written into the DDL and read back after insert.
     * {@code "now"} is the portable current timestamp; a quoted literal such as {@code "'draft'"} or a
     * number is used as written; anything else is a raw SQL expression.
     */
    String serverDefault() default "";

    /**
     * A value computed by the database on every update that leaves the column as it was (a value the UPDATE
     * changes itself is kept), in the forms of {@link #serverDefault()} and, like a default, naming no column:
     * {@code "now"} keeps a last-modified timestamp. {@code createAll} makes the database do it (H2: the column's
     * {@code ON UPDATE} clause; PostgreSQL: a {@code BEFORE UPDATE} trigger and its function, dropped by
     * {@code dropAll}), and the session reads the value back with the UPDATE itself, without a statement more.
     * {@link #FETCHED} marks a column changed by means of your own (a trigger you wrote): no DDL, but the value is
     * read back all the same.
     *
     * <pre>{@code
     * @Column(serverDefault = "now", serverOnUpdate = "now") Instant updated;
     * }</pre>
     */
    String serverOnUpdate() default "";

    /**
     * {@code serverOnUpdate = Column.FETCHED}: the database changes the column on update by means Tenon does not
     * create (SQLAlchemy's {@code FetchedValue}); the session reads it back after each UPDATE.
     */
    String FETCHED = "fetched";

    /** A client-side default applied by Tenon when the field is null at insert. */
    Class<? extends Supplier<?>> insertDefault() default NoValue.class;

    /** A client-side value applied by Tenon on every update of the row. */
    Class<? extends Supplier<?>> updateValue() default NoValue.class;

    /** Marker for "no client-side value"; never instantiated. */
    final class NoValue implements Supplier<Object> {
        private NoValue() {
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("marker type");
        }
    }
}
