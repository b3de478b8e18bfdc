package dev.tenon.session;

import dev.tenon.exception.IdentityException;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.ForeignKeyModel;
import dev.tenon.metadata.TableModel;
import dev.tenon.sql.Dialect;
import dev.tenon.sql.Dml;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a flush without running anything and without changing any object: a pure function of the changed objects,
 * the foreign keys to set from relationships and the association rows, giving a {@link FlushPlan}. Rows are grouped
 * by table and by shape (the same columns written), because one statement text serves a whole group; tables come
 * in the order the metadata sorted once, at scan time.
 */
final class FlushPlanner {
    private final List<TableModel> order;
    private final Dialect dialect;
    private final Dml dml;
    private final IdentityMap identityMap;
    private final int rowsPerStatement;

    /** A planner for tables in {@code order} (referenced tables first), at most {@code rowsPerStatement} rows a statement. */
    FlushPlanner(List<TableModel> order, Dialect dialect, IdentityMap identityMap, int rowsPerStatement) {
        this.order = order;
        this.dialect = dialect;
        this.dml = new Dml(dialect);
        this.identityMap = identityMap;
        this.rowsPerStatement = rowsPerStatement;
    }

    FlushPlan plan(List<InstanceState> states, List<Link> linkList, List<FlushPlan.Pair> associationDeletes,
                   List<FlushPlan.Pair> associationInserts, List<FlushPlan.Pair> deletedOwners) {
        Map<Object, List<Link>> links = new IdentityHashMap<>();
        for (Link link : linkList) {
            links.computeIfAbsent(link.child(), k -> new ArrayList<>()).add(link);
        }
        Map<TableModel, List<InstanceState>> inserts = new LinkedHashMap<>();
        Map<TableModel, List<InstanceState>> updates = new LinkedHashMap<>();
        Map<TableModel, List<InstanceState>> deletes = new LinkedHashMap<>();
        for (InstanceState state : states) {
            TableModel table = state.entity().table();
            switch (state.status()) {
                case PENDING -> inserts.computeIfAbsent(table, t -> new ArrayList<>()).add(state);
                case PERSISTENT -> updates.computeIfAbsent(table, t -> new ArrayList<>()).add(state);
                case DELETED -> {
                    if (!alreadyDeleted(state)) {
                        deletes.computeIfAbsent(table, t -> new ArrayList<>()).add(state);
                    }
                }
                default -> { }
            }
        }
        List<FlushPlan.Step> steps = new ArrayList<>();
        for (TableModel table : order) {
            List<List<InstanceState>> levels = RowLevels.of(inserts.getOrDefault(table, List.of()), links);
            for (int level = 0; level < levels.size(); level++) {
                insertSteps(table, levels.get(level), level, steps);
            }
        }
        for (TableModel table : order) {
            updateSteps(table, updates.getOrDefault(table, List.of()), links, steps);
        }
        AssociationRows.plan(dml, associationDeletes, false, rowsPerStatement, steps);
        AssociationRows.plan(dml, associationInserts, true, rowsPerStatement, steps);
        AssociationRows.planOwners(dml, deletedOwners, rowsPerStatement, steps);
        for (int i = order.size() - 1; i >= 0; i--) {
            TableModel table = order.get(i);
            List<List<InstanceState>> levels = RowLevels.of(deletes.getOrDefault(table, List.of()), Map.of());
            for (int level = levels.size() - 1; level >= 0; level--) {
                List<InstanceState> rows = levels.get(level);
                ColumnModel version = rows.get(0).entity().version();
                steps.add(new FlushPlan.Delete(table, rows, level, version, dml.delete(table, keyAndVersion(table, version)),
                        statements(rows.size())));
            }
        }
        return new FlushPlan(steps, links);
    }

    // A row deleted by an earlier flush of this transaction stays DELETED until commit, but its key no longer maps
    // to it, so it is not deleted twice.
    private boolean alreadyDeleted(InstanceState state) {
        return state.id() != null && identityMap.get(state.entity(), state.id()) == null;
    }

    /** The statements for {@code rows} rows at the planner's setting. */
    private int statements(int rows) {
        return FlushPlan.statementsFor(rows, rowsPerStatement);
    }

    // ---- inserts -------------------------------------------------------------------------------------------

    /**
     * One step per shape: a table whose columns the database never fills has one shape, every column; otherwise a row
     * writes a generated column only when the application set it, and the rest are read back.
     */
    private void insertSteps(TableModel table, List<InstanceState> rows, int level, List<FlushPlan.Step> steps) {
        boolean oneShape = table.columns().stream().noneMatch(ColumnModel::generatedOnInsert);
        Map<List<ColumnModel>, List<InstanceState>> byShape = new LinkedHashMap<>();
        for (InstanceState state : rows) {
            List<ColumnModel> shape = table.columns();
            if (!oneShape) {
                shape = new ArrayList<>();
                for (ColumnModel column : table.columns()) {
                    if (!column.generatedOnInsert() || isSet(column, state.object())) {
                        shape.add(column);
                    }
                }
            }
            byShape.computeIfAbsent(shape, s -> new ArrayList<>()).add(state);
        }
        byShape.forEach((columns, states) -> {
            List<ColumnModel> readBack = table.columns().stream().filter(c -> !columns.contains(c)).toList();
            int perStatement = InsertRows.rowsPerStatement(dialect, table, columns, readBack, rowsPerStatement);
            steps.add(new FlushPlan.Insert(table, columns, readBack, states, level, dml.insert(table, columns),
                    FlushPlan.statementsFor(states.size(), perStatement)));
        });
    }

    /**
     * Whether a column the database can fill has a value to write instead: not null, and for an identity key in a
     * primitive field not 0, the field's default, which stands for "not set yet" (no identity generates 0).
     */
    static boolean isSet(ColumnModel column, Object object) {
        Object value = column.get(object);
        if (value == null) {
            return false;
        }
        return !(column.identity() && value instanceof Number number && number.longValue() == 0 && primitiveField(object.getClass(), column.attribute()));
    }

    private static boolean primitiveField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return field.getType().isPrimitive();
                }
            }
        }
        return false;
    }

    // ---- updates -------------------------------------------------------------------------------------------

    private void updateSteps(TableModel table, List<InstanceState> rows, Map<Object, List<Link>> links, List<FlushPlan.Step> steps) {
        Map<List<ColumnModel>, List<InstanceState>> byShape = new LinkedHashMap<>();
        for (InstanceState state : rows) {
            List<ColumnModel> changed = changedColumns(state, links.getOrDefault(state.object(), List.of()));
            if (changed.isEmpty()) {
                continue;
            }
            for (ColumnModel column : state.entity().columns()) {
                if ((column.updateValue() != null || column == state.entity().version()) && !changed.contains(column)) {
                    changed.add(column);
                }
            }
            byShape.computeIfAbsent(changed, c -> new ArrayList<>()).add(state);
        }
        if (byShape.isEmpty()) {
            return;
        }
        ColumnModel version = rows.get(0).entity().version();
        List<ColumnModel> serverSide = table.columns().stream().filter(ColumnModel::generatedOnUpdate).toList();
        byShape.forEach((columns, states) -> steps.add(new FlushPlan.Update(table, columns, serverSide, states, version,
                dml.update(table, columns, keyAndVersion(table, version)), statements(states.size()))));
    }

    /** The WHERE columns of a row's UPDATE or DELETE: its key, and its version when the entity has one. */
    private static List<ColumnModel> keyAndVersion(TableModel table, ColumnModel version) {
        if (version == null) {
            return table.primaryKey();
        }
        List<ColumnModel> where = new ArrayList<>(table.primaryKey());
        where.add(version);
        return where;
    }

    /** The columns an UPDATE of this object sets: those changed since loaded, and the foreign keys its links change. */
    private static List<ColumnModel> changedColumns(InstanceState state, List<Link> links) {
        List<ColumnModel> columns = state.entity().columns();
        List<ColumnModel> changed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnModel column = columns.get(i);
            if (!state.valuesKnown()) {
                if (!column.primaryKey()) {
                    changed.add(column);
                }
            } else if (state.isChanged(i) || linked(state.object(), column, links)) {
                if (column.primaryKey()) {
                    throw new IdentityException("The key of " + state + " was changed to " + column.get(state.object())
                            + "; a primary key cannot change: delete the row and add a new one");
                }
                changed.add(column);
            }
        }
        return changed;
    }

    /**
     * Whether a link will give this column a new value: another parent's key, NULL, or the key of a parent inserted by
     * this flush whose key is not known yet.
     */
    private static boolean linked(Object child, ColumnModel column, List<Link> links) {
        for (Link link : links) {
            ForeignKeyModel key = link.foreignKey();
            int position = key.columns().indexOf(column);
            if (position >= 0) {
                Object value = link.parent() == null ? null : key.targetColumns().get(position).get(link.parent());
                boolean unknown = link.parent() != null && value == null;
                if (unknown || !InstanceState.sameValue(column.get(child), value)) {
                    return true;
                }
            }
        }
        return false;
    }
}
