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
 * @param values the values (Java objects, converted with the element type)
 * @param type   the element type
 */
public record ArrayParam(Object[] values, ColumnType type) implements Param {
    @Override
    public void bind(PreparedStatement statement, int index, Dialect dialect) throws SQLException {
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            converted[i] = type.toJdbc(values[i]);
        }
        Array array = statement.getConnection().createArrayOf(dialect.arrayElementType(type.sqlType()), converted);
        statement.setArray(index, array);
    }

    @Override
    public Object shown() {
        return Arrays.toString(values);
    }
}
