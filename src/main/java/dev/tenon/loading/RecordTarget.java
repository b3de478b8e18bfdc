package dev.tenon.loading;

import dev.tenon.exception.TenonException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A projection's rows read into a record, its components matched with the columns by name. The match is made once,
 * when the projection is built or compiled, so that every mistake is told before any SQL: a component no column is
 * named for (with the closest name), a count that differs, a component whose type the column's values do not fit.
 */
final class RecordTarget implements RowTarget {
    private final Class<?> type;
    private final Constructor<?> constructor;
    private final List<ProjectedColumn> columns;
    /** For each component, in the record's order, the position of its column in the row (0-based). */
    private final int[] columnOf;
    private final RecordComponent[] components;

    private RecordTarget(Class<?> type, Constructor<?> constructor, List<ProjectedColumn> columns, int[] columnOf,
                         RecordComponent[] components) {
        this.type = type;
        this.constructor = constructor;
        this.columns = columns;
        this.columnOf = columnOf;
        this.components = components;
    }

    /** Matches {@code type}'s components with {@code columns}, or says what to change. */
    static RecordTarget match(Class<?> type, List<ProjectedColumn> columns) {
        RecordComponent[] components = type.getRecordComponents();
        String record = type.getSimpleName();
        List<String> names = columns.stream().map(ProjectedColumn::name).toList();
        if (components.length != columns.size()) {
            throw new TenonException("into(" + record + ".class): " + record + " has " + components.length + " components "
                    + componentNames(components) + " but the projection has " + columns.size() + " columns " + names
                    + "; a record takes every column, matched by name: add or remove components, or columns");
        }
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Integer twice = byName.put(columns.get(i).name(), i);
            if (twice != null) {
                throw new TenonException("into(" + record + ".class): columns " + twice + " and " + i + " are both named '"
                        + columns.get(i).name() + "'; name one after its component with as, e.g. \"manager.ename as manager\"");
            }
        }
        int[] columnOf = new int[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int c = 0; c < components.length; c++) {
            RecordComponent component = components[c];
            Integer at = byName.get(component.getName());
            if (at == null) {
                throw unmatched(record, component.getName(), columns, components);
            }
            ProjectedColumn column = columns.get(at);
            if (!QueryValues.box(component.getType()).isAssignableFrom(column.javaType())) {
                throw new TenonException("into(" + record + ".class): " + record + "." + component.getName() + " is "
                        + QueryValues.withArticle(component.getType()) + ", but column " + column.describe() + " is "
                        + QueryValues.withArticle(column.javaType()) + "; declare the component as " + column.javaType().getSimpleName()
                        + (column.javaType() == Long.class ? " (or long)" : ""));
            }
            columnOf[c] = at;
            parameterTypes[c] = component.getType();
        }
        return new RecordTarget(type, constructor(type, parameterTypes), List.copyOf(columns), columnOf, components);
    }

    /** A component no column is named for: the closest name, and how to name a column not matched yet after it. */
    private static TenonException unmatched(String record, String name, List<ProjectedColumn> columns, RecordComponent[] components) {
        List<ProjectedColumn> unmatched = new ArrayList<>(columns);
        for (RecordComponent other : components) {
            unmatched.removeIf(column -> column.name().equals(other.getName()));
        }
        List<String> names = unmatched.stream().map(ProjectedColumn::name).toList();
        String rename = unmatched.isEmpty() ? "" : ". Name a column after the component with as, e.g. " + unmatched.get(0).renamed(name);
        return new TenonException("into(" + record + ".class): no column is named '" + name + "'"
                + Names.didYouMean(name, names).replace(" Valid names:", " Columns not matched:") + rename);
    }

    private static Constructor<?> constructor(Class<?> type, Class<?>[] parameterTypes) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);   // a record declared private, inside the class that queries
            return constructor;
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new TenonException("into(" + type.getSimpleName() + ".class): Tenon cannot call the record's constructor ("
                    + e + "); in a named module, open its package to Tenon", e);
        }
    }

    private static String componentNames(RecordComponent[] components) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : components) {
            names.add(component.getName());
        }
        return names.toString();
    }

    @Override
    public Object read(ResultSet row) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).type().read(row, i + 1);
        }
        Object[] arguments = new Object[columnOf.length];
        for (int c = 0; c < columnOf.length; c++) {
            Object value = values[columnOf[c]];
            if (value == null && components[c].getType().isPrimitive()) {
                throw new TenonException("Column " + columns.get(columnOf[c]).describe() + " is null in a row, and " + type.getSimpleName()
                        + "." + components[c].getName() + " is " + QueryValues.withArticle(components[c].getType()) + ": declare it "
                        + QueryValues.box(components[c].getType()).getSimpleName() + " to receive nulls");
            }
            arguments[c] = value;
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new TenonException("The constructor of " + type.getSimpleName() + " refused a row of the projection "
                    + columns.stream().map(ProjectedColumn::name).collect(Collectors.joining(", ", "[", "]")) + " with "
                    + e.getCause().getClass().getSimpleName() + " (the cause)", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new TenonException("Tenon cannot call the constructor of " + type.getSimpleName() + ": " + e, e);
        }
    }
}
