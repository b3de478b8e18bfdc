package dev.tenon.session;

import dev.tenon.api.Status;
import dev.tenon.exception.IdentityException;
import dev.tenon.exception.TenonException;
import dev.tenon.identity.EntityKey;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.identity.Ownership;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.ForeignKeyModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.sql.Param;
import dev.tenon.sql.Upsert;
import dev.tenon.sql.ValueParam;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs {@link Session#upsert}: checks the object and its conflict columns before any SQL, flushes what is pending,
 * sends one {@link Upsert} statement that returns the whole row, and makes the object for that row persistent with
 * exactly the row's values. Every change to an object goes through the {@link UndoLog}, as a flush's do, so that
 * the failure of this statement or of a later one of the transaction puts the objects back.
 * <ul>
 * <li><b>Matching.</b> The attributes name, by attribute, exactly the columns of a unique constraint
 * ({@code @Column(unique = true)}, {@code @Unique}) or unique index, in any order; none names the primary key.
 * Anything else, and a null in those columns (a null matches no row), is refused before any SQL.</li>
 * <li><b>What is written.</b> Every mapped column, but a generated key or a column with a server default the object
 * leaves null (a client-side default fills a null that has one). On conflict, every one of those columns but the
 * primary key and the matched columns is updated, except that a column filled by a default keeps the row's value and a
 * column the database sets on update is left to it. The foreign keys of the many-to-one relationships come from the
 * objects they hold, which must have their key or be pending in this session.</li>
 * <li><b>Which object.</b> The given object becomes persistent, unless the session already holds another object for
 * the row: then the row's values are copied onto that one, which is returned. An object the session holds as pending
 * or deleted, or that another open session holds, is refused.</li>
 * <li><b>What it does not do.</b> Nothing cascades; the object's collections are not written by the upsert (what they
 * hold is added at the next flush, as for a detached object added back); a {@code @Version} is refused.</li>
 * </ul>
 */
final class UpsertRunner {
    private final SessionContext context;
    private final UnitOfWork unitOfWork;
    private final SessionTransaction transaction;
    private final IdentityMap identityMap;

    UpsertRunner(SessionContext context, UnitOfWork unitOfWork, SessionTransaction transaction) {
        this.context = context;
        this.unitOfWork = unitOfWork;
        this.transaction = transaction;
        this.identityMap = context.identityMap();
    }

    /** Upserts {@code object} on the columns named by {@code attributes} (none: the primary key); returns the row's object. */
    Object upsert(Object object, String... attributes) {
        if (object == null) {
            throw new IdentityException("Cannot upsert null: pass the object to write");
        }
        EntityModel entity = context.metadata().entity(object.getClass());
        if (entity.version() != null) {
            // The conflict branch would overwrite the row whatever its version: the lost update @Version exists to stop.
            throw new IdentityException("Cannot upsert " + describe(entity, object) + ": " + entity.name() + " has a @Version ("
                    + entity.version().attribute() + "), which an upsert cannot check; get the row and change it, or merge(object), "
                    + "so that the flush checks the version");
        }
        List<ColumnModel> conflict = ConflictTarget.of(entity, attributes);
        checkPlace(entity, object);
        Map<RelationshipModel, Object> parents = parents(entity, object);
        checkConflictValues(entity, object, conflict, parents);
        build(entity, object, values(entity, object, parents), conflict);      // refuses an object with nothing to write
        return transaction.write(() -> write(entity, object, conflict, parents));
    }

    private Object write(EntityModel entity, Object object, List<ColumnModel> conflict, Map<RelationshipModel, Object> parents) {
        // The autoflush may have inserted the object itself (a save-update cascade from a pending parent).
        InstanceState own = identityMap.state(object);
        Upsert upsert = build(entity, object, values(entity, object, parents), conflict);
        List<Object[]> rows = new ArrayList<>(1);
        int count = context.transaction().insert(upsert.toBoundSql(context.dialect()), 1, row -> {
            Object[] values = new Object[entity.columns().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = entity.columns().get(i).type().read(row, i + 1);
            }
            rows.add(values);
        });
        if (count != 1) {
            throw new TenonException("An upsert into " + entity.table().qualifiedName() + " returned " + count + " rows where it "
                    + "writes one; a trigger that skips or adds rows leaves the object unaccounted for");
        }
        Object[] row = rows.get(0);
        Object id = identity(entity, row);
        InstanceState target = target(entity, object, own, id, conflict);
        Object[] before = values(entity, target.object(), Map.of());
        for (int i = 0; i < row.length; i++) {
            ColumnModel column = entity.columns().get(i);
            if (row[i] == null && column.field().getType().isPrimitive()) {
                continue;
            }
            if (!InstanceState.sameValue(column.get(target.object()), row[i])) {
                unitOfWork.undo().set(target.object(), column, row[i]);
            }
        }
        target.valuesLoaded();
        references(target, object, parents, before);
        return target.object();
    }

    /** Refuses an object the session holds as pending or deleted, or that another open session holds. */
    private void checkPlace(EntityModel entity, Object object) {
        InstanceState state = identityMap.state(object);
        if (state != null && state.status() == Status.PENDING) {
            throw new IdentityException("Cannot upsert " + describe(entity, object) + ": it was added to this session, and the next flush inserts it; "
                    + "expunge it first to upsert it instead, or flush it");
        }
        if (state != null && state.status() == Status.DELETED) {
            throw new IdentityException("Cannot upsert " + describe(entity, object) + ": it is deleted in this session; add it again (session.add) "
                    + "to keep its row, or upsert another object");
        }
        if (state == null && context.ownership().heldElsewhere(object, identityMap)) {
            throw new IdentityException("Cannot upsert " + describe(entity, object) + ": it belongs to another "
                    + "open session; expunge it from that session, or close it, first");
        }
    }

    /**
     * The objects the many-to-one relationships hold, whose keys the foreign key columns take. An upsert cascades
     * nothing: a parent must have its key, or be pending in this session (the autoflush before the upsert inserts it).
     */
    private Map<RelationshipModel, Object> parents(EntityModel entity, Object object) {
        Map<RelationshipModel, Object> parents = new LinkedHashMap<>();
        for (RelationshipModel relationship : entity.relationships()) {
            if (relationship.direction() != RelationshipModel.Direction.MANY_TO_ONE || relationship.viewOnly()) {
                continue;
            }
            Object parent = relationship.get(object);
            if (parent == null) {
                continue;
            }
            InstanceState held = identityMap.state(parent);
            boolean pending = held != null && held.status() == Status.PENDING;
            if (!pending && relationship.foreignKey().targetColumns().stream().anyMatch(column -> column.get(parent) == null)) {
                throw new IdentityException("Cannot upsert " + describe(entity, object) + ": its " + relationship.name() + " ("
                        + relationship.target().name() + ") has no key yet and is not in this session; an upsert cascades nothing, "
                        + "so add that object to the session (session.add) or upsert it first");
            }
            parents.put(relationship, parent);
        }
        return parents;
    }

    /** A null in a conflict column matches no row: refused, but for a generated key left unset (the row is new). */
    private void checkConflictValues(EntityModel entity, Object object, List<ColumnModel> conflict, Map<RelationshipModel, Object> parents) {
        Object[] values = values(entity, object, parents);
        Set<ColumnModel> fromPendingParents = new HashSet<>();
        parents.forEach((relationship, parent) -> {
            InstanceState held = identityMap.state(parent);
            if (held != null && held.status() == Status.PENDING) {
                fromPendingParents.addAll(relationship.foreignKey().columns());
            }
        });
        for (ColumnModel column : conflict) {
            boolean generatedKey = conflict.equals(entity.primaryKey()) && column.identity();
            if (!given(column, values[entity.columnPosition(column.attribute())], object) && !generatedKey
                    && !fromPendingParents.contains(column)) {
                throw new IdentityException("Cannot upsert " + describe(entity, object) + " on " + conflict.stream().map(ColumnModel::attribute)
                        .toList() + ": its " + column.attribute() + " is null, and a null matches no row; give it a value");
            }
        }
    }

    /**
     * The statement. Inserted: every column, but for one the database fills that the object leaves unset (a generated
     * key, a server default), and with a client-side default for a null that has one. Updated on conflict: the same
     * columns but the key, the conflict columns, those filled by a default and those the database sets on update;
     * a client-side update value takes its value there.
     */
    private static Upsert build(EntityModel entity, Object object, Object[] values, List<ColumnModel> conflict) {
        List<ColumnModel> inserted = new ArrayList<>();
        List<Param> insertValues = new ArrayList<>();
        List<ColumnModel> updated = new ArrayList<>();
        List<Param> updateValues = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            ColumnModel column = entity.columns().get(i);
            Object value = values[i];
            if (!given(column, value, object) && column.generatedOnInsert()) {
                continue;
            }
            boolean defaulted = value == null && column.insertDefault() != null;
            if (defaulted) {
                value = column.insertDefault().get();
            }
            inserted.add(column);
            insertValues.add(new ValueParam(value, column.type()));
            if (!column.primaryKey() && !conflict.contains(column) && !defaulted && !column.generatedOnUpdate()) {
                updated.add(column);
                updateValues.add(new ValueParam(column.updateValue() != null ? column.updateValue().get() : value, column.type()));
            }
        }
        if (inserted.isEmpty()) {
            throw new IdentityException("Cannot upsert " + describe(entity, object) + ": every column is left for the database to fill; "
                    + "give one a value, or add it to the session instead");
        }
        List<Param> conflictValues = new ArrayList<>(conflict.size());
        for (ColumnModel column : conflict) {
            Object value = values[entity.columnPosition(column.attribute())];
            conflictValues.add(new ValueParam(given(column, value, object) ? value : null, column.type()));
        }
        if (updated.isEmpty()) {
            // Nothing else to update (every column is a key): the row is "updated" to its own key, so that it is returned.
            updated.add(conflict.get(0));
            updateValues.add(conflictValues.get(0));
        }
        return new Upsert(entity.table(), inserted, insertValues, conflict, conflictValues, updated, updateValues, entity.columns());
    }

    /** Whether a value is one to write: not null, and not the 0 of a primitive identity key, which stands for "unset". */
    private static boolean given(ColumnModel column, Object value, Object object) {
        return value != null && (!column.identity() || FlushPlanner.isSet(column, object));
    }

    /** The object's column values, each foreign key column taken from the parent its relationship holds. */
    private static Object[] values(EntityModel entity, Object object, Map<RelationshipModel, Object> parents) {
        Object[] values = new Object[entity.columns().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = entity.columns().get(i).get(object);
        }
        parents.forEach((relationship, parent) -> {
            ForeignKeyModel fk = relationship.foreignKey();
            for (int i = 0; i < fk.columns().size(); i++) {
                values[entity.columnPosition(fk.columns().get(i).attribute())] = fk.targetColumns().get(i).get(parent);
            }
        });
        return values;
    }

    private static Object identity(EntityModel entity, Object[] row) {
        if (entity.primaryKey().size() == 1) {
            return row[entity.primaryKeyPosition(0)];
        }
        Object[] parts = new Object[entity.primaryKey().size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = row[entity.primaryKeyPosition(i)];
        }
        return List.of(parts);
    }

    /**
     * The state of the object that is to hold the row: the given object's when the session holds it (it must be the
     * same row), else the object the session already holds for the row, else the given object, made persistent.
     */
    private InstanceState target(EntityModel entity, Object object, InstanceState own, Object id, List<ColumnModel> conflict) {
        if (own != null) {
            if (!InstanceState.sameValue(own.id(), id)) {
                throw new IdentityException("Upserted " + own + " on " + conflict.stream().map(ColumnModel::attribute).toList()
                        + ", but the row that matched is " + entity.name() + "#" + id + " (changed by another transaction?); "
                        + "roll back and read again");
            }
            unitOfWork.undo().save(own);
            return own;
        }
        InstanceState held = identityMap.stateOf(entity, id);
        if (held != null) {
            unitOfWork.undo().save(held);
            return held;
        }
        return attach(entity, object, id);
    }

    /** Makes the given object persistent; undone, it is what it was before: transient, or detached with its row. */
    private InstanceState attach(EntityModel entity, Object object, Object id) {
        Ownership ownership = context.ownership();
        Ownership.Row row = ownership.detachedRow(object);
        Object[] rowValues = ownership.detachedValues(object);
        InstanceState departed = InstanceState.carriedBy(object);
        InstanceState state = new InstanceState(entity, object, Status.PERSISTENT);
        state.key(new EntityKey(entity, id));
        // What its collections hold in the database is unknown (the row may have been there, with children): a flush
        // adds the members they are given without removing any, as for a detached object added back.
        state.markReattached();
        identityMap.put(state);
        unitOfWork.undo().onUndo(() -> {
            identityMap.remove(state);
            state.status(Status.TRANSIENT);
            state.key(null);
            if (row == null) {
                ownership.forget(object);
            } else {
                ownership.release(object, row, rowValues);
            }
        });
        if (row == Ownership.Row.EXISTS) {
            new Reattachment(context).rebind(state, departed);
        } else {
            DynamicCollections.install(context, state);
        }
        return state;
    }

    /**
     * The many-to-one references of the row's object: those the upserted object holds are taken as loaded (the row's
     * foreign keys are theirs); on another object of the row, a reference whose foreign key the upsert changed is
     * replaced by the parent the session holds for the new key, or left unloaded.
     */
    private void references(InstanceState target, Object object, Map<RelationshipModel, Object> parents, Object[] before) {
        Object held = target.object();
        EntityModel entity = target.entity();
        for (RelationshipModel relationship : entity.relationships()) {
            if (relationship.direction() != RelationshipModel.Direction.MANY_TO_ONE || relationship.viewOnly()) {
                continue;
            }
            if (parents.containsKey(relationship)) {
                reference(target, relationship, parents.get(relationship), parents.get(relationship));
                continue;
            }
            ForeignKeyModel fk = relationship.foreignKey();
            List<Object> key = new ArrayList<>(fk.columns().size());
            boolean changed = false;
            for (ColumnModel column : fk.columns()) {
                Object value = column.get(held);
                changed |= !InstanceState.sameValue(before[entity.columnPosition(column.attribute())], value);
                key.add(value);
            }
            if (held == object || !changed) {
                continue;
            }
            Object parent = key.contains(null) || !fk.targetColumns().equals(relationship.target().primaryKey()) ? null
                    : identityMap.get(relationship.target(), key.size() == 1 ? key.get(0) : List.copyOf(key));
            reference(target, relationship, parent, parent != null || key.contains(null) ? parent : InstanceState.NOT_LOADED);
        }
    }

    private void reference(InstanceState target, RelationshipModel relationship, Object value, Object loaded) {
        Object held = target.object();
        Object old = relationship.get(held);
        if (old != value) {
            unitOfWork.undo().onUndo(() -> relationship.set(held, old));
            relationship.set(held, value);
        }
        target.loaded(relationship, loaded);
    }

    private static String describe(EntityModel entity, Object object) {
        Object id = entity.identityOf(object);
        return entity.name() + (id == null ? "" : "#" + id);
    }
}
