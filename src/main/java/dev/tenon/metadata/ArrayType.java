package dev.tenon.metadata;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A {@code List<E>}, {@code E[]} or primitive array stored in one SQL array column: {@code text[]} or
 * {@code integer[]} on PostgreSQL, {@code VARCHAR ARRAY} or {@code INTEGER ARRAY} on H2. Bound as a JDBC array made
 * by the connection (see {@code dev.tenon.sql.ValueParam}), read with {@code getArray}. A list is read as a mutable
 * {@code ArrayList}; since its elements can change in place, so can every array value ({@link #mutable()}).
 */
final class ArrayType implements ColumnType {
    /** The element types an array column may hold: what both drivers give back as themselves. */
    static final Set<Class<?>> ELEMENTS = Set.of(String.class, Integer.class, Long.class, Short.class, Double.class,
            Boolean.class, BigDecimal.class, UUID.class);
    private static final Map<Class<?>, Class<?>> PRIMITIVES = Map.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, double.class, Double.class, boolean.class, Boolean.class);

    private final Class<?> javaType;
    private final Class<?> element;
    private final ColumnType elementType;

    private ArrayType(Class<?> javaType, Class<?> element) {
        this.javaType = javaType;
        this.element = element;
        this.elementType = BasicType.of(element);
    }

    /**
     * The array type of a field, or null when the field is not a list nor an array. {@code problem} receives what is
     * wrong with a list or array whose elements cannot be stored.
     */
    static ArrayType of(Field field, java.util.function.Consumer<String> problem) {
        Class<?> type = field.getType();
        if (type == List.class) {
            Type generic = field.getGenericType();
            Type argument = generic instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[0] : null;
            if (argument instanceof Class<?> element && ELEMENTS.contains(element)) {
                return new ArrayType(type, element);
            }
            problem.accept("a List column holds " + (argument == null ? "raw elements" : argument.getTypeName()) + "; use "
                    + "List<E> with E one of " + names());
            return null;
        }
        if (type.isArray() && type != byte[].class) {
            Class<?> component = type.getComponentType();
            Class<?> element = PRIMITIVES.getOrDefault(component, component);
            if (ELEMENTS.contains(element) && (!component.isPrimitive() || PRIMITIVES.containsKey(component))) {
                return new ArrayType(type, element);
            }
            problem.accept("an array column holds " + component.getSimpleName() + "; use an array of int, long, short, "
                    + "double, boolean or of " + names());
            return null;
        }
        return null;
    }

    private static String names() {
        return ELEMENTS.stream().map(Class::getSimpleName).sorted().toList().toString();
    }

    @Override
    public Class<?> javaType() {
        return javaType;
    }

    @Override
    public SqlType sqlType() {
        return SqlType.ARRAY;
    }

    @Override
    public ColumnType elementType() {
        return elementType;
    }

    @Override
    public boolean mutable() {
        return true;
    }

    @Override
    public Object snapshot(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof List<?> list ? new ArrayList<>(list) : copyOf(value);
    }

    private static Object copyOf(Object array) {
        int length = Array.getLength(array);
        Object copy = Array.newInstance(array.getClass().getComponentType(), length);
        System.arraycopy(array, 0, copy, 0, length);
        return copy;
    }

    /** The elements, boxed, in an {@code Object[]}: what {@code Connection.createArrayOf} takes. */
    @Override
    public Object toJdbc(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.toArray();
        }
        Object[] elements = new Object[Array.getLength(value)];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = Array.get(value, i);
        }
        return elements;
    }

    // Without the dialect, which names the element type for the connection: ValueParam binds arrays through it.
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.ARRAY);
        } else {
            statement.setArray(index, statement.getConnection().createArrayOf(elementType.sqlType().name(), (Object[]) toJdbc(value)));
        }
    }

    @Override
    public Object read(ResultSet row, int index) throws SQLException {
        java.sql.Array array = row.getArray(index);
        if (array == null) {
            return null;
        }
        Object[] values;
        try {
            values = (Object[]) array.getArray();
        } finally {
            array.free();
        }
        if (javaType == List.class) {
            List<Object> list = new ArrayList<>(values.length);
            for (Object value : values) {
                list.add(element(value));
            }
            return list;
        }
        Class<?> component = javaType.getComponentType();
        Object result = Array.newInstance(component, values.length);
        for (int i = 0; i < values.length; i++) {
            Object value = element(values[i]);
            if (value == null && component.isPrimitive()) {
                throw new dev.tenon.exception.TenonException("An array column read into a " + javaType.getSimpleName()
                        + " field holds a NULL element; map it as " + element.getSimpleName() + "[] or List<"
                        + element.getSimpleName() + ">");
            }
            Array.set(result, i, value);
        }
        return result;
    }

    /** An element as the field's element type: a driver may answer a SMALLINT array with Integers, say. */
    private Object element(Object value) {
        if (value == null || element.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number) {
            if (element == Integer.class) {
                return number.intValue();
            } else if (element == Long.class) {
                return number.longValue();
            } else if (element == Short.class) {
                return number.shortValue();
            } else if (element == Double.class) {
                return number.doubleValue();
            } else if (element == BigDecimal.class) {
                return new BigDecimal(number.toString());
            }
        }
        if (element == UUID.class && value instanceof String text) {
            return UUID.fromString(text);
        }
        return value;
    }

    @Override
    public String toString() {
        return javaType == List.class ? "List<" + element.getSimpleName() + ">" : javaType.getSimpleName();
    }
}
