package dev.tenon.loading;

import dev.tenon.exception.MappingException;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a hand-written statement found by name for an entity: the row reading of the loader engine reads an
 * entity's columns by position, in the entity's column order, so a row whose columns come in another order (or with
 * other columns around them) is seen through a view that renumbers them. Names match without regard to case, since
 * PostgreSQL folds unquoted labels to lower case and H2 to upper case.
 */
final class ColumnsByName {
    /** For each entity column in order, its position in the statement's row. */
    private final int[] positions;
    private final boolean inOrder;

    private ColumnsByName(int[] positions) {
        this.positions = positions;
        boolean ordered = true;
        for (int i = 0; i < positions.length; i++) {
            ordered &= positions[i] == i + 1;
        }
        this.inOrder = ordered;
    }

    /**
     * Finds each of the entity's columns among the row's labels.
     *
     * @throws MappingException naming every column the statement does not return, or returns twice
     */
    static ColumnsByName of(EntityModel entity, ResultSetMetaData meta, String sql) throws SQLException {
        Map<String, List<Integer>> byLabel = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String label = meta.getColumnLabel(i);
            labels.add(label);
            byLabel.computeIfAbsent(label.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
        }
        List<String> missing = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        int[] positions = new int[entity.columns().size()];
        for (int i = 0; i < positions.length; i++) {
            String name = entity.columns().get(i).name();
            List<Integer> found = byLabel.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
            if (found.isEmpty()) {
                missing.add(name);
            } else if (found.size() > 1) {
                twice.add(name);
            } else {
                positions[i] = found.get(0);
            }
        }
        if (!missing.isEmpty() || !twice.isEmpty()) {
            throw new MappingException("session.sql(...).list(" + entity.name() + ".class): an entity is read from every column "
                    + "it maps, found by name; the statement " + (missing.isEmpty() ? "" : "does not return " + missing
                    + (twice.isEmpty() ? "" : ", and ")) + (twice.isEmpty() ? "" : "returns " + twice + " more than once (label them apart"
                    + " with AS)") + ". It returns " + labels + "; select " + entity.table().name() + ".* or name every column of "
                    + entity.columns().stream().map(ColumnModel::name).toList() + "\nSQL: " + sql);
        }
        return new ColumnsByName(positions);
    }

    /** The row as the loader engine reads an entity's columns: the entity's column {@code i} at position {@code i + 1}. */
    ResultSet view(ResultSet row) {
        if (inOrder) {
            return row;
        }
        return (ResultSet) Proxy.newProxyInstance(ColumnsByName.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> invoke(row, method, args));
    }

    /** A getter by position reads the renumbered column; everything else is the row's own. */
    private Object invoke(ResultSet row, Method method, Object[] args) throws Throwable {
        Object[] actual = args;
        if (args != null && args.length > 0 && args[0] instanceof Integer index && method.getName().startsWith("get")
                && method.getParameterTypes()[0] == int.class) {
            actual = args.clone();
            actual[0] = index >= 1 && index <= positions.length ? positions[index - 1] : index;
        }
        try {
            return method.invoke(row, actual);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
