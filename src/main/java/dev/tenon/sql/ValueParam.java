package dev.tenon.sql;

import dev.tenon.metadata.ColumnType;
import dev.tenon.metadata.SqlType;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A single value, bound through the {@link ColumnType} of the column it is compared with or written to,
 * so that an enum travels as its name and an {@code Instant} as a zoned timestamp. Two kinds of column need the
 * dialect: a JSON column, whose text each database takes in its own way ({@link Dialect#bindJson}), and an array
 * column, whose value the connection makes with the element type the dialect names ({@link ArrayParam}).
 *
 * @param value the value, possibly null
 * @param type  how to bind it; null binds with {@code setObject}
 */
public record ValueParam(Object value, ColumnType type) implements Param {
    @Override
    public void bind(PreparedStatement statement, int index, Dialect dialect) throws SQLException {
        if (type != null && value != null && type.sqlType() == SqlType.JSON) {
            dialect.bindJson(statement, index, (String) type.toJdbc(value));
        } else if (type != null && value != null && type.sqlType() == SqlType.ARRAY) {
            new ArrayParam((Object[]) type.toJdbc(value), type.elementType(), true).bind(statement, index, dialect);
        } else if (type != null) {
            type.bind(statement, index, value);
        } else {
            statement.setObject(index, value);
        }
    }

    @Override
    public Object shown() {
        return value instanceof byte[] bytes ? "<" + bytes.length + " bytes>" : value;
    }
}
