package dev.tenon.sql;

import dev.tenon.metadata.ColumnType;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Many values bound as one SQL array, for PostgreSQL's {@code = ANY(?)}: one statement shape for every
 * batch size, so the server and the driver prepare it once.
 *
 * <p>Also the value of an array column ({@code column}), whose element type is named as the column's DDL names it,
 * so that the column and the value compare ({@code text[]} on PostgreSQL, not {@code varchar[]}).
 *
 * @param values the values (Java objects, converted with the element type)
 * @param type   the element type
 * @param column whether the array is the value of an array column, rather than a list of values
 */
public record ArrayParam(Object[] values, ColumnType type, boolean column) implements Param {
    /** A list of values, for {@code = ANY(?)}. */
    public ArrayParam(Object[] values, ColumnType type) {
        this(values, type, false);
    }

    @Override
    public void bind(PreparedStatement statement, int index, Dialect dialect) throws SQLException {
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            converted[i] = type.toJdbc(values[i]);
        }
        String element = column ? dialect.arrayColumnElementType(type.sqlType()) : dialect.arrayElementType(type.sqlType());
        Array array = statement.getConnection().createArrayOf(element, converted);
        statement.setArray(index, array);
    }

    @Override
    public Object shown() {
        return Arrays.toString(values);
    }
}
