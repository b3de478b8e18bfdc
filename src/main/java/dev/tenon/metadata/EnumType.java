package dev.tenon.metadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** An enum stored by its constant's name in a VARCHAR column, so reordering constants is harmless. */
final class EnumType implements ColumnType {
    private final Class<?> enumType;

    EnumType(Class<?> enumType) {
        this.enumType = enumType;
    }

    @Override
    public Class<?> javaType() {
        return enumType;
    }

    @Override
    public SqlType sqlType() {
        return SqlType.VARCHAR;
    }

    @Override
    public Object toJdbc(Object value) {
        return value == null ? null : ((Enum<?>) value).name();
    }

    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, ((Enum<?>) value).name());
        }
    }

    @Override
    public Object read(ResultSet row, int index) throws SQLException {
        String name = row.getString(index);
        return name == null ? null : valueOf(name);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object valueOf(String name) {
        return Enum.valueOf((Class) enumType, name);
    }
}
