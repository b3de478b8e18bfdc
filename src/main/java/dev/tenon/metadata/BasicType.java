package dev.tenon.metadata;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * The Java types Tenon maps out of the box. Primitive fields read SQL NULL as an error-free default is
 * impossible, so the scanner makes their columns NOT NULL.
 */
enum BasicType implements ColumnType {
    INT(Integer.class, SqlType.INTEGER) {
        @Override
        public Object read(ResultSet row, int index) throws SQLException {
            int value = row.getInt(index);
            return value == 0 && row.wasNull() ? null : value;
        }
    },
    LONG(Long.class, SqlType.BIGINT) {
        @Override
        public Object read(ResultSet row, int index) throws SQLException {
            long value = row.getLong(index);
            return value == 0 && row.wasNull() ? null : value;
        }
    },
    SHORT(Short.class, SqlType.SMALLINT) {
        @Override
        public Object read(ResultSet row, int index) throws SQLException {
            short value = row.getShort(index);
            return value == 0 && row.wasNull() ? null : value;
        }
    },
    BOOL(Boolean.class, SqlType.BOOLEAN) {
        @Override
        public Object read(ResultSet row, int index) throws SQLException {
            boolean value = row.getBoolean(index);
            return !value && row.wasNull() ? null : value;
        }
    },
    DOUBLE(Double.class, SqlType.DOUBLE) {
        @Override
        public Object read(ResultSet row, int index) throws SQLException {
            double value = row.getDouble(index);
            return value == 0 && row.wasNull() ? null : value;
        }
    },
    DECIMAL(BigDecimal.class, SqlType.DECIMAL) {
        @Override
        public Object read(ResultSet row, int index) throws SQLException {
            return row.getBigDecimal(index);
        }
    },
    STRING(String.class, SqlType.VARCHAR) {
        @Override
        public Object read(ResultSet row, int index) throws SQLException {
            return row.getString(index);
        }
    },
    DATE(LocalDate.class, SqlType.DATE),
    TIMESTAMP(LocalDateTime.class, SqlType.TIMESTAMP),
    TIMESTAMP_TZ(OffsetDateTime.class, SqlType.TIMESTAMP_TZ),
    INSTANT(Instant.class, SqlType.TIMESTAMP_TZ) {
        // Neither driver takes an Instant directly: it travels as an OffsetDateTime in UTC.
        @Override
        public Object toJdbc(Object value) {
            return value == null ? null : ((Instant) value).atOffset(ZoneOffset.UTC);
        }

        @Override
        public Object read(ResultSet row, int index) throws SQLException {
            OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    },
    UUID_(UUID.class, SqlType.UUID),
    BYTES(byte[].class, SqlType.BINARY) {
        @Override
        public boolean mutable() {
            return true;
        }

        @Override
        public Object snapshot(Object value) {
            return value == null ? null : ((byte[]) value).clone();
        }

        @Override
        public Object read(ResultSet row, int index) throws SQLException {
            return row.getBytes(index);
        }

        @Override
        public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
            if (value == null) {
                statement.setNull(index, SqlType.BINARY.jdbcType());
            } else {
                statement.setBytes(index, (byte[]) value);
            }
        }
    };

    private static final Map<Class<?>, BasicType> BY_CLASS = Map.ofEntries(
            Map.entry(int.class, INT), Map.entry(Integer.class, INT),
            Map.entry(long.class, LONG), Map.entry(Long.class, LONG),
            Map.entry(short.class, SHORT), Map.entry(Short.class, SHORT),
            Map.entry(boolean.class, BOOL), Map.entry(Boolean.class, BOOL),
            Map.entry(double.class, DOUBLE), Map.entry(Double.class, DOUBLE),
            Map.entry(BigDecimal.class, DECIMAL), Map.entry(String.class, STRING),
            Map.entry(LocalDate.class, DATE), Map.entry(LocalDateTime.class, TIMESTAMP),
            Map.entry(OffsetDateTime.class, TIMESTAMP_TZ), Map.entry(Instant.class, INSTANT),
            Map.entry(UUID.class, UUID_), Map.entry(byte[].class, BYTES));

    private final Class<?> javaType;
    private final SqlType sqlType;

    BasicType(Class<?> javaType, SqlType sqlType) {
        this.javaType = javaType;
        this.sqlType = sqlType;
    }

    static BasicType of(Class<?> type) {
        return BY_CLASS.get(type);
    }

    @Override
    public Class<?> javaType() {
        return javaType;
    }

    @Override
    public SqlType sqlType() {
        return sqlType;
    }

    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType.jdbcType());
        } else {
            statement.setObject(index, toJdbc(value));
        }
    }

    @Override
    public Object read(ResultSet row, int index) throws SQLException {
        return row.getObject(index, javaType);
    }
}
