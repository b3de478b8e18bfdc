package dev.tenon.metadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How values of one Java type travel through JDBC: which {@link SqlType} holds them, how they are bound
 * to a statement and read from a row. Chosen once per column at scan time, so no per-row type lookup.
 *
 * @see BasicType the supported types
 */
public interface ColumnType {
    /** The Java type of the field (for primitives, the primitive class). */
    Class<?> javaType();

    /** The column type this Java type is stored in. */
    SqlType sqlType();

    /** Binds {@code value} (possibly null) as parameter {@code index}. */
    void bind(PreparedStatement statement, int index, Object value) throws SQLException;

    /** Reads column {@code index} of the current row; null for SQL NULL. */
    Object read(ResultSet row, int index) throws SQLException;

    /** Converts a value to what the driver accepts in an array or a parameter (an enum to its name, ...). */
    default Object toJdbc(Object value) {
        return value;
    }

    /** For an {@link SqlType#ARRAY} column, the type of its elements; null for any other. */
    default ColumnType elementType() {
        return null;
    }

    /**
     * Whether a value can change in place, without a write of the field that the enhanced class would report (the
     * bytes of a {@code byte[]}, the elements of a list, the inside of an object stored as JSON): the session keeps a
     * {@link #snapshot} of what was loaded and compares it at every flush.
     */
    default boolean mutable() {
        return false;
    }

    /** A copy of {@code value} that later changes in place do not reach; the value itself when it cannot change. */
    default Object snapshot(Object value) {
        return value;
    }

    /**
     * Whether two values of this type store the same column value, for dirty checking: by content for arrays, by
     * value for {@code BigDecimal} (2850.00 is 2850.0), by equals otherwise.
     */
    default boolean same(Object a, Object b) {
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return java.util.Objects.deepEquals(a, b);
    }

    /**
     * The column type for a Java type, or null when Tenon does not support it.
     *
     * @param javaType a field's declared type
     */
    static ColumnType of(Class<?> javaType) {
        if (javaType.isEnum()) {
            return new EnumType(javaType);
        }
        return BasicType.of(javaType);
    }
}
