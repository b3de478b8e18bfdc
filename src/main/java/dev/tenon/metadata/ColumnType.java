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
