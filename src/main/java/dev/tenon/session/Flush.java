package dev.tenon.session;

import dev.tenon.IdentityException;
import dev.tenon.TenonException;
import dev.tenon.engine.Executor;
import dev.tenon.identity.EntityKey;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.identity.Status;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.ForeignKeyModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.TableModel;
import dev.tenon.metadata.TableSorter;
import dev.tenon.sql.Dml;
import dev.tenon.sql.Param;
import dev.tenon.sql.ValueParam;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One flush: inserts table by table in foreign-key order (rows of a self-referencing table level by level,
 * parents first: {@link RowLevels}), each table's rows of the same shape in multi-row INSERTs ({@link InsertRows}),
 * generated keys and server defaults read back; then updates of the changed columns; then association rows
 * ({@link AssociationRows}); then deletes in reverse order.
 * Foreign keys are set from related objects just before the rows holding them are written, so a key generated
 * earlier in the same flush is already known.
 */
final class Flush {
    private final Session session;
    private final UndoLog undo;
    private final RelationshipSync sync;
    private final Map<Object, List<Link>> linksByChild = new IdentityHashMap<>();
    private final Dml dml;
    private final Executor executor;
    private final InsertRows insertRows;
    private Connection connection;

    Flush(Session session, UndoLog undo, RelationshipSync sync) {
        this.session = session;
        this.undo = undo;
        this.sync = sync;
        this.dml = new Dml(session.database().dialect());
        this.executor = session.database().executor();
        this.insertRows = new InsertRows(session.database().dialect(), executor, session.statistics(), this::connection, undo,
                session.options().batchSize());
        for (Link link : sync.links) {
            linksByChild.computeIfAbsent(link.child(), k -> new ArrayList<>()).add(link);
        }
    }

    void run(List<InstanceState> states) {
        Map<TableModel, List<InstanceState>> inserts = new LinkedHashMap<>();
        Map<TableModel, List<InstanceState>> deletes = new LinkedHashMap<>();
        List<InstanceState> persistent = new ArrayList<>();
        for (InstanceState state : states) {
            switch (state.status()) {
                case PENDING -> inserts.computeIfAbsent(state.entity().table(), t -> new ArrayList<>()).add(state);
                case DELETED -> {
                    if (!alreadyDeleted(state)) {
                        deletes.computeIfAbsent(state.entity().table(), t -> new ArrayList<>()).add(state);
                    }
                }
                case PERSISTENT -> persistent.add(state);
                default -> { }
            }
        }
        List<TableModel> order = TableSorter.sort(session.metadata().tables()).tables();
        for (TableModel table : order) {
            List<InstanceState> rows = inserts.get(table);
            if (rows != null) {
                for (List<InstanceState> level : RowLevels.of(rows, linksByChild)) {
                    insert(table, level);
                }
            }
        }
        update(order, persistent);
        new AssociationRows(dml, executor, session.statistics(), this::connection, session.options().batchSize()).write(sync);
        for (int i = order.size() - 1; i >= 0; i--) {
            List<InstanceState> rows = deletes.get(order.get(i));
            if (rows != null) {
                List<List<InstanceState>> levels = RowLevels.of(rows, Map.of());
                for (int l = levels.size() - 1; l >= 0; l--) {
                    delete(order.get(i), levels.get(l));
                }
            }
        }
        rememberRelationships(states);
    }

    // A row deleted by an earlier flush of this transaction stays DELETED until commit, but its key no longer
    // maps to it (see delete below), so it is not deleted twice.
    private boolean alreadyDeleted(InstanceState state) {
        return state.id() != null && session.identityMap().get(state.entity(), state.id()) == null;
    }

    private Connection connection() {
        if (connection == null) {
            connection = session.connection();
        }
        return connection;
    }

    // ---- inserts -------------------------------------------------------------------------------------------

    private void insert(TableModel table, List<InstanceState> rows) {
        // A table without client defaults or columns the database may fill has one shape: every column, every row.
        boolean defaults = table.columns().stream().anyMatch(column -> column.insertDefault() != null);
        boolean oneShape = table.columns().stream().noneMatch(ColumnModel::generatedOnInsert);
        Map<List<ColumnModel>, List<InstanceState>> byShape = new LinkedHashMap<>();
        for (InstanceState state : rows) {
            undo.save(state);
            applyLinks(state.object());
            for (ColumnModel column : defaults ? table.columns() : List.<ColumnModel>of()) {
                if (column.insertDefault() != null && column.get(state.object()) == null) {
                    undo.set(state.object(), column, column.insertDefault().get());
                }
            }
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
        byShape.forEach((columns, states) -> insertBatch(table, columns, states));
    }

    /**
     * Whether a column the database can fill has a value to write instead: not null, and for an identity key in a
     * primitive field not 0, the field's default, which stands for "not set yet" (no identity generates 0).
     */
    private static boolean isSet(ColumnModel column, Object object) {
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

    private void insertBatch(TableModel table, List<ColumnModel> columns, List<InstanceState> states) {
        insertRows.write(table, columns, states);
        for (InstanceState state : states) {
            EntityModel entity = state.entity();
            Object id = entity.identityOf(state.object());
            if (id == null) {
                throw new TenonException("Inserted a " + entity.name() + " but its key is still null: give it a key or map the key as generated");
            }
            state.key(new EntityKey(entity, id));
            state.status(Status.PERSISTENT);
            state.valuesLoaded();
            session.identityMap().put(state);
        }
    }

    // ---- foreign keys from relationships ----------------------------------------------------------------------

    private void applyLinks(Object child) {
        for (Link link : linksByChild.getOrDefault(child, List.of())) {
            ForeignKeyModel fk = link.foreignKey();
            for (int i = 0; i < fk.columns().size(); i++) {
                Object value = link.parent() == null ? null : fk.targetColumns().get(i).get(link.parent());
                ColumnModel column = fk.columns().get(i);
                if (!InstanceState.sameValue(column.get(child), value)) {
                    undo.set(child, column, value);
                }
            }
        }
    }

    // ---- updates -------------------------------------------------------------------------------------------

    private void update(List<TableModel> order, List<InstanceState> persistent) {
        Map<TableModel, Map<List<ColumnModel>, List<InstanceState>>> byTable = new LinkedHashMap<>();
        for (InstanceState state : persistent) {
            applyLinks(state.object());
            List<ColumnModel> changed = changedColumns(state);
            if (changed.isEmpty()) {
                continue;
            }
            undo.save(state);
            for (ColumnModel column : state.entity().columns()) {
                if (column.updateValue() != null) {
                    undo.set(state.object(), column, column.updateValue().get());
                    if (!changed.contains(column)) {
                        changed.add(column);
                    }
                }
            }
            byTable.computeIfAbsent(state.entity().table(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(changed, c -> new ArrayList<>()).add(state);
        }
        for (TableModel table : order) {
            Map<List<ColumnModel>, List<InstanceState>> shapes = byTable.get(table);
            if (shapes != null) {
                shapes.forEach((columns, states) -> updateBatch(table, columns, states));
            }
        }
    }

    private void updateBatch(TableModel table, List<ColumnModel> columns, List<InstanceState> states) {
        List<List<Param>> params = new ArrayList<>(states.size());
        for (InstanceState state : states) {
            List<Param> row = values(state.object(), columns);
            row.addAll(keyParams(state));
            params.add(row);
        }
        String sql = dml.update(table, columns, table.primaryKey());
        int batchSize = session.options().batchSize();
        List<ColumnModel> serverSide = table.columns().stream().filter(ColumnModel::generatedOnUpdate).toList();
        int[] counts = serverSide.isEmpty() ? executor.batch(connection(), sql, params, batchSize, session.statistics())
                : executor.batch(connection(), sql, params, batchSize, ServerValues.returning(table, serverSide), session.statistics(),
                        new ServerValues(undo, states, serverSide));
        checkCounts(counts, states, "update");
        for (InstanceState state : states) {
            state.valuesLoaded();
        }
    }

    private static List<ColumnModel> changedColumns(InstanceState state) {
        List<ColumnModel> columns = state.entity().columns();
        List<ColumnModel> changed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnModel column = columns.get(i);
            if (!state.valuesKnown()) {
                if (!column.primaryKey()) {
                    changed.add(column);
                }
            } else if (state.isChanged(i)) {
                if (column.primaryKey()) {
                    throw new IdentityException("The key of " + state + " was changed to " + column.get(state.object())
                            + "; a primary key cannot change: delete the row and add a new one");
                }
                changed.add(column);
            }
        }
        return changed;
    }

    // ---- deletes -------------------------------------------------------------------------------------------

    private void delete(TableModel table, List<InstanceState> states) {
        List<List<Param>> params = new ArrayList<>(states.size());
        for (InstanceState state : states) {
            params.add(keyParams(state));
        }
        int[] counts = executor.batch(connection(), dml.delete(table, table.primaryKey()), params, session.options().batchSize(),
                session.statistics());
        checkCounts(counts, states, "delete");
        IdentityMap identityMap = session.identityMap();
        for (InstanceState state : states) {
            undo.save(state);
            identityMap.remove(state);
            identityMap.track(state);
        }
    }

    // ---- after the statements ------------------------------------------------------------------------------------

    /** Records what each relationship holds now, so the next flush sees only later changes. */
    private void rememberRelationships(List<InstanceState> states) {
        for (InstanceState state : states) {
            if (state.status() != Status.PERSISTENT) {
                continue;
            }
            for (RelationshipModel relationship : state.entity().relationships()) {
                Object value = relationship.get(state.object());
                if (state.deferred(relationship) != null || !Members.readable(value)) {
                    continue;
                }
                Object remembered = value instanceof Collection<?> members ? new ArrayList<>(members) : value;
                if (relationship.collection() && value == null) {
                    remembered = List.of();
                }
                Object before = state.loaded(relationship);
                if (!(before instanceof Collection<?> old && remembered instanceof Collection<?> now && sameMembers(old, now)) && before != remembered) {
                    undo.save(state);
                    state.loaded(relationship, remembered);
                }
            }
        }
    }

    private static boolean sameMembers(Collection<?> a, Collection<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        var left = a.iterator();
        var right = b.iterator();
        while (left.hasNext()) {
            if (left.next() != right.next()) {
                return false;
            }
        }
        return true;
    }

    private static List<Param> values(Object object, List<ColumnModel> columns) {
        List<Param> params = new ArrayList<>(columns.size() + 2);
        for (ColumnModel column : columns) {
            params.add(new ValueParam(column.get(object), column.type()));
        }
        return params;
    }

    private static List<Param> keyParams(InstanceState state) {
        List<ColumnModel> key = state.entity().primaryKey();
        List<Param> params = new ArrayList<>(key.size());
        Object id = state.id();
        for (int i = 0; i < key.size(); i++) {
            params.add(new ValueParam(key.size() == 1 ? id : ((List<?>) id).get(i), key.get(i).type()));
        }
        return params;
    }

    private static void checkCounts(int[] counts, List<InstanceState> states, String what) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new IdentityException("Could not " + what + " " + states.get(i) + ": its row no longer exists "
                        + "(deleted by another transaction?); refresh or reload it");
            }
        }
    }
}
