package dev.tenon.session;

import dev.tenon.exception.MappingException;
import dev.tenon.exception.TenonException;
import dev.tenon.metadata.ColumnType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a hand-written statement as records: each column goes to the record component of its name, matched
 * without regard to case or underscores ({@code dept_name}, {@code DEPTNAME} and {@code deptName} are one name), and
 * is read as the component's type. Every component must find exactly one column and every column a component: the
 * check runs on the statement's first row, before a record is made, and names what is wrong. Records are values: the
 * session does not track them.
 */
final class RecordRows<T> {
    private final Constructor<T> constructor;
    private final RecordComponent[] components;
    private final ColumnType[] types;
    /** For each component, its column in the row. */
    private final int[] positions;

    private RecordRows(Constructor<T> constructor, RecordComponent[] components, int[] positions) {
        this.constructor = constructor;
        this.components = components;
        this.positions = positions;
        this.types = new ColumnType[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = ColumnType.of(components[i].getType());
        }
    }

    /**
     * Matches the row's columns with {@code type}'s components.
     *
     * @throws MappingException naming the components without a column and the columns without a component
     */
    static <T> RecordRows<T> of(Class<T> type, ResultSetMetaData meta, String sql) throws SQLException {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, List<Integer>> byName = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i));
            byName.computeIfAbsent(normal(meta.getColumnLabel(i)), k -> new ArrayList<>()).add(i);
        }
        List<String> problems = new ArrayList<>();
        int[] positions = new int[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            parameterTypes[i] = components[i].getType();
            List<Integer> found = byName.remove(normal(name));
            if (found == null) {
                problems.add("component '" + name + "' has no column named " + name + " (or " + snake(name) + ")");
            } else if (found.size() > 1) {
                problems.add("component '" + name + "' matches " + found.size() + " columns; label them apart with AS");
            } else {
                positions[i] = found.get(0);
            }
        }
        byName.values().forEach(extra -> extra.forEach(position -> problems.add("column " + labels.get(position - 1)
                + " matches no component")));
        if (!problems.isEmpty()) {
            throw new MappingException("session.sql(...).list(" + type.getSimpleName() + ".class): " + String.join("; ", problems)
                    + ". The statement returns " + labels + ", the record has " + java.util.Arrays.stream(components)
                    .map(RecordComponent::getName).toList() + "; label the columns as the components (SELECT d.dname AS dept_name ...)"
                    + "\nSQL: " + sql);
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return new RecordRows<>(constructor, components, positions);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new TenonException("Cannot make " + type.getName() + " records: its canonical constructor is not accessible to"
                    + " Tenon (" + e.getMessage() + "); make the record public, or open its package to dev.tenon", e);
        }
    }

    /** The current row as a record. */
    T read(ResultSet row) throws SQLException {
        Object[] values = new Object[components.length];
        for (int i = 0; i < values.length; i++) {
            Class<?> type = components[i].getType();
            values[i] = types[i] != null ? types[i].read(row, positions[i])
                    : type == Object.class ? row.getObject(positions[i]) : row.getObject(positions[i], type);
            if (values[i] == null && type.isPrimitive()) {
                throw new MappingException(constructor.getDeclaringClass().getSimpleName() + "." + components[i].getName() + " is "
                        + type.getName() + ", but a row's column " + row.getMetaData().getColumnLabel(positions[i]) + " is NULL; make the"
                        + " component " + (type == int.class ? "Integer" : "a wrapper type") + ", or COALESCE the column");
            }
        }
        try {
            return constructor.newInstance(values);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new TenonException("Cannot make a " + constructor.getDeclaringClass().getName() + " record: " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            throw new TenonException("The constructor of " + constructor.getDeclaringClass().getName() + " refused a row ("
                    + e.getCause().getClass().getSimpleName() + ", the cause)", e.getCause());
        }
    }

    private static String normal(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
