package dev.tenon.metadata;

import dev.tenon.annotation.AttributeConverter;
import dev.tenon.exception.TenonException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;

/**
 * A field mapped through an {@link AttributeConverter}: values travel as the converter's column values, in the
 * column type of those ({@code database}). Anything bound for the column is converted here, so inserts, updates and
 * query conditions all bind the column value, and anything read is converted back.
 *
 * <p>A value of a type that can change in place is {@link #mutable()}: its snapshot is a copy made through the
 * converter (to the column value and back), and two values are the same when their column values are.
 */
final class ConvertedType implements ColumnType {
    /** Types whose values never change in place: nothing to compare at flush beyond the setters' reports. */
    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Integer.class, Long.class, Short.class, Byte.class,
            Boolean.class, Character.class, Double.class, Float.class, BigDecimal.class, BigInteger.class, UUID.class);

    private final String where;
    private final AttributeConverter<Object, Object> converter;
    private final Class<?> javaType;
    private final ColumnType database;
    private final boolean mutable;

    /**
     * @param where     the field, for messages ("Emp.address")
     * @param javaType  the field's type
     * @param database  how the converter's column values travel
     */
    @SuppressWarnings("unchecked")
    ConvertedType(String where, AttributeConverter<?, ?> converter, Class<?> javaType, ColumnType database) {
        this.where = where;
        this.converter = (AttributeConverter<Object, Object>) converter;
        this.javaType = javaType;
        this.database = database;
        this.mutable = !(javaType.isPrimitive() || javaType.isEnum() || IMMUTABLE.contains(javaType)
                || javaType.getPackageName().equals("java.time"));
    }

    @Override
    public Class<?> javaType() {
        return javaType;
    }

    @Override
    public SqlType sqlType() {
        return database.sqlType();
    }

    @Override
    public boolean mutable() {
        return mutable;
    }

    @Override
    public Object snapshot(Object value) {
        return mutable && value != null ? fromDatabase(toDatabase(value)) : value;
    }

    @Override
    public boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        return database.same(toDatabase(a), toDatabase(b));
    }

    /** The column value, as the driver takes it (JSON text, an enum's name, ...). */
    @Override
    public Object toJdbc(Object value) {
        return database.toJdbc(toDatabase(value));
    }

    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        database.bind(statement, index, toDatabase(value));
    }

    @Override
    public Object read(ResultSet row, int index) throws SQLException {
        return fromDatabase(database.read(row, index));
    }

    /** The column value of a field value; null for null. */
    Object toDatabase(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return converter.toDatabase(value);
        } catch (RuntimeException e) {
            // The value stays out of the message, as row values do everywhere: the cause has the converter's words.
            throw new TenonException(where + ": " + converter.getClass().getSimpleName() + " failed to convert a "
                    + value.getClass().getSimpleName() + " for the column; see the cause", e);
        }
    }

    /** The field value of a column value; null for null. */
    Object fromDatabase(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return converter.fromDatabase(value);
        } catch (RuntimeException e) {
            throw new TenonException(where + ": " + converter.getClass().getSimpleName() + " failed to convert the column's "
                    + "value for the field; see the cause", e);
        }
    }

    @Override
    public String toString() {
        return javaType.getSimpleName() + " via " + converter.getClass().getSimpleName();
    }
}
