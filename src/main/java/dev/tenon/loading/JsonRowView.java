package dev.tenon.loading;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One object of a nested JSON array seen as a row of a {@link ResultSet}, column {@code i} the value of key
 * {@code "c<i>"}: the entity's columns are then read by the very code that reads them from any row (its generated
 * {@link dev.tenon.metadata.ColumnAccess}, each column's type, attribute converters included), and come out as the
 * driver would give them. Only the getters those types call are answered; each converts the JSON value exactly: an
 * integer must be one, a decimal keeps its digits and scale ({@code 1000.00}), a timestamp is parsed from the ISO text
 * both databases write (a zoned one without an offset is in UTC, as PostgreSQL's dialect writes it).
 */
final class JsonRowView {
    private final ResultSet row = (ResultSet) Proxy.newProxyInstance(JsonRowView.class.getClassLoader(),
            new Class<?>[] {ResultSet.class}, (proxy, method, args) -> answer(method, args));
    private Object[] values;
    private boolean wasNull;

    /** The view, showing the values of {@link #show}. */
    ResultSet row() {
        return row;
    }

    /** Makes {@code objectValues} (from {@link JsonRows}) the row's columns. */
    void show(Object[] objectValues) {
        this.values = objectValues;
    }

    private Object answer(Method method, Object[] args) {
        String name = method.getName();
        if (name.equals("wasNull")) {
            return wasNull;
        }
        if (args == null || args.length == 0 || !(args[0] instanceof Integer index) || !name.startsWith("get")) {
            throw new UnsupportedOperationException("a nested JSON row answers getters by position only, not " + name);
        }
        Object value = values[index - 1];
        wasNull = value == null;
        switch (name) {
            case "getInt":
                return value == null ? 0 : (Object) exact(value).intValueExact();
            case "getLong":
                return value == null ? 0L : (Object) exact(value).longValueExact();
            case "getShort":
                return value == null ? (short) 0 : (Object) exact(value).shortValueExact();
            case "getBoolean":
                return value != null && (Boolean) value;
            case "getDouble":
                return value == null ? 0d : (Object) toDouble(value);
            case "getBigDecimal":
                return value == null ? null : exact(value);
            case "getString":
                return value == null ? null : text(value);
            case "getObject":
                return value == null ? null : args.length == 2 ? as(value, (Class<?>) args[1]) : value;
            default:
                throw new UnsupportedOperationException("a nested JSON row cannot answer " + name
                        + "; load the relationship with selectin instead");
        }
    }

    private static BigDecimal exact(Object value) {
        return new BigDecimal(((JsonRows.Number) value).text());
    }

    /** PostgreSQL writes a double's NaN and infinities as strings, which JSON numbers cannot be. */
    private static double toDouble(Object value) {
        return value instanceof String special ? Double.parseDouble(special) : Double.parseDouble(((JsonRows.Number) value).text());
    }

    private static String text(Object value) {
        return value instanceof JsonRows.Number number ? number.text() : value.toString();
    }

    private static Object as(Object value, Class<?> type) {
        if (type == String.class) {
            return text(value);
        }
        if (type == Integer.class) {
            return exact(value).intValueExact();
        }
        if (type == Long.class) {
            return exact(value).longValueExact();
        }
        if (type == Short.class) {
            return exact(value).shortValueExact();
        }
        if (type == Double.class) {
            return toDouble(value);
        }
        if (type == BigDecimal.class) {
            return exact(value);
        }
        if (type == Boolean.class) {
            return (Boolean) value;
        }
        String text = (String) value;
        if (type == LocalDate.class) {
            return LocalDate.parse(text);
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        }
        if (type == OffsetDateTime.class) {
            return offsetDateTime(text.replace(' ', 'T'));
        }
        if (type == UUID.class) {
            return UUID.fromString(text);
        }
        throw new UnsupportedOperationException("a nested JSON row cannot read a " + type.getName()
                + "; load the relationship with selectin instead");
    }

    /** {@code 2009-01-01T10:00:00} (UTC), {@code ...+01:00}, or H2's {@code ...+01}. */
    private static OffsetDateTime offsetDateTime(String text) {
        if (text.endsWith("Z")) {
            return OffsetDateTime.parse(text);
        }
        int offset = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        if (offset < text.indexOf('T')) {
            return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
        }
        return LocalDateTime.parse(text.substring(0, offset)).atOffset(ZoneOffset.of(text.substring(offset)));
    }
}
