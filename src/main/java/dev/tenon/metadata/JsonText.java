package dev.tenon.metadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * JSON text in a JSON column ({@link SqlType#JSON}): what the JSON converter's values travel as. Read as the column's
 * text, which both drivers give. Bound here as a value of no declared type, which PostgreSQL casts to the column's
 * {@code jsonb}; H2 would store such a string as one JSON string, so its dialect binds the text's bytes instead, which
 * H2 parses as JSON (see {@code dev.tenon.sql.ValueParam}).
 */
enum JsonText implements ColumnType {
    INSTANCE;

    @Override
    public Class<?> javaType() {
        return String.class;
    }

    @Override
    public SqlType sqlType() {
        return SqlType.JSON;
    }

    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value, Types.OTHER);
        }
    }

    @Override
    public Object read(ResultSet row, int index) throws SQLException {
        return row.getString(index);
    }
}
