package dev.tenon.session;

import dev.tenon.api.Status;
import dev.tenon.exception.ReadOnlyException;
import dev.tenon.exception.TenonException;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.loading.RowFilter;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.query.Condition;
import dev.tenon.query.Query;
import dev.tenon.sql.BoundSql;
import dev.tenon.sql.Dml;
import dev.tenon.sql.Expression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a bulk UPDATE or DELETE ({@link BulkUpdate}, {@link BulkDelete}) as one statement and keeps the session's
 * objects in step as its {@link Synchronize} says. Everything that can be refused is refused before the transaction
 * is touched (a misspelt attribute must not cost the application its transaction); then, as a flush would be, it runs
 * after an autoflush, and a failure (a constraint) rolls the transaction back and puts the objects back as they were
 * when it began. What it does to the objects goes through the {@link UndoLog}, so that a later failure of the same
 * transaction undoes it too.
 *
 * <p>With a {@code @Version}, an UPDATE advances every row's version ({@code version = version + 1}, or the current
 * time for a timestamp) without checking it: a bulk write states what the rows become whatever their versions, and
 * the objects the session holds take the new version, so that their next flush checks against the row.
 */
final class BulkWriter {
    /** What the application asked for: the set values (by column, typed), the conditions, and how to synchronize. */
    record Spec(EntityModel entity, boolean delete, Map<ColumnModel, Object> set, List<Condition> conditions, boolean everyRow,
                Synchronize synchronize) {
    }

    private final SessionContext context;
    private final UnitOfWork unitOfWork;
    private final SessionTransaction transaction;

    BulkWriter(SessionContext context, UnitOfWork unitOfWork, SessionTransaction transaction) {
        this.context = context;
        this.unitOfWork = unitOfWork;
        this.transaction = transaction;
    }

    /** Runs the bulk write as the session's only thread; returns the rows it changed. */
    int run(Spec spec) {
        return context.guard().call(() -> write(spec));
    }

    private int write(Spec spec) {
        context.checkOpen();
        EntityModel entity = spec.entity();
        String call = "session." + (spec.delete() ? "delete" : "update") + "(" + entity.name() + ".class)";
        if (context.handle().isReadOnly()) {
            throw new ReadOnlyException(call + " cannot run in a read-only session (db.openReadOnlySession), which never writes; "
                    + "run it in a session of db.openSession(metadata)");
        }
        if (spec.conditions().isEmpty() && !spec.everyRow()) {
            throw new TenonException(call + " has no where(...): give the rows a condition, or call everyRow() to "
                    + (spec.delete() ? "delete" : "update") + " every row of " + entity.table().qualifiedName());
        }
        if (!spec.delete() && spec.set().isEmpty()) {
            throw new TenonException(call + " sets nothing: add set(attribute, value) for each column to change");
        }
        Synchronize how = spec.synchronize();
        if (!spec.delete() && how != Synchronize.NONE) {
            refuseForeignKeys(call, spec);
        }
        InMemoryMatch match = null;
        if (how == Synchronize.AUTO || how == Synchronize.EVALUATE) {
            match = InMemoryMatch.of(entity, spec.conditions());
            if (match == null && how == Synchronize.EVALUATE) {
                throw new TenonException(call + ".synchronize(EVALUATE): " + refusal(entity, spec.conditions()) + "; use FETCH, which"
                        + " reads the changed rows' keys back from the statement, or AUTO, which does so when it must");
            }
            how = match == null ? Synchronize.FETCH : Synchronize.EVALUATE;
        }
        Query<?> query = Query.of(entity.type(), context.queryRunner()).where(spec.conditions().toArray(Condition[]::new));
        RowFilter filter = context.queryRunner().rowFilter(query);
        Map<ColumnModel, Object> written = new LinkedHashMap<>(spec.set());
        List<Dml.Assignment> assignments = new ArrayList<>();
        if (!spec.delete()) {
            for (ColumnModel column : entity.columns()) {
                if (column.updateValue() != null && !written.containsKey(column)) {
                    written.put(column, column.updateValue().get());    // as a flush's UPDATE sets it
                }
            }
            written.forEach((column, value) -> assignments.add(new Dml.Assignment(column, Expression.value(value, column.type()))));
        }
        ColumnModel version = spec.delete() ? null : entity.version();
        Object newTimestamp = null;
        if (version != null) {
            boolean counter = Number.class.isAssignableFrom(VersionValues.first(version).getClass());
            newTimestamp = counter ? null : VersionValues.first(version);
            assignments.add(new Dml.Assignment(version, counter
                    ? writer -> writer.identifier(version.name()).append(" + 1") : Expression.value(newTimestamp, version.type())));
        }
        List<ColumnModel> returning = new ArrayList<>();
        if (how == Synchronize.FETCH) {
            returning.addAll(entity.primaryKey());
            if (version != null) {
                returning.add(version);
            }
        }
        Dml dml = new Dml(context.dialect());
        BoundSql sql = spec.delete() ? dml.bulkDelete(entity.table(), filter.alias(), filter.where(), returning)
                : dml.bulkUpdate(entity.table(), filter.alias(), assignments, filter.where(), returning);
        Synchronize chosen = how;
        InMemoryMatch evaluated = match;
        Object timestamp = newTimestamp;
        return transaction.write(() -> execute(spec, chosen, evaluated, sql, written, version, timestamp));
    }

    /** After the autoflush: the statement, then the objects. */
    private int execute(Spec spec, Synchronize how, InMemoryMatch match, BoundSql sql, Map<ColumnModel, Object> written,
                        ColumnModel version, Object timestamp) {
        IdentityMap identityMap = context.identityMap();
        EntityModel entity = spec.entity();
        Map<InstanceState, Object> affected = new LinkedHashMap<>();    // each object with its new version (null: none)
        int count;
        if (how == Synchronize.FETCH) {
            int keys = entity.primaryKey().size();
            // One statement whose rows come back, counted by what it changes: the engine's INSERT ... RETURNING path.
            count = context.transaction().insert(sql, 1, row -> {
                Object id;
                if (keys == 1) {
                    id = entity.primaryKey().get(0).type().read(row, 1);
                } else {
                    Object[] parts = new Object[keys];
                    for (int i = 0; i < keys; i++) {
                        parts[i] = entity.primaryKey().get(i).type().read(row, i + 1);
                    }
                    id = List.of(parts);
                }
                InstanceState state = identityMap.stateOf(entity, id);
                if (state != null && state.status() == Status.PERSISTENT) {
                    affected.put(state, version == null ? null : version.type().read(row, keys + 1));
                }
            });
        } else {
            if (how == Synchronize.EVALUATE) {
                for (InstanceState state : identityMap.states()) {
                    if (state.entity() == entity && state.status() == Status.PERSISTENT && match.matches(state.object())) {
                        affected.put(state, version == null ? null
                                : timestamp != null ? timestamp : next(version.get(state.object())));
                    }
                }
            }
            count = context.transaction().update(sql);
        }
        UndoLog undo = unitOfWork.undo();
        affected.forEach((state, newVersion) -> {
            undo.save(state);
            if (spec.delete()) {
                // As a flush's DELETE leaves it: deleted, its key no longer mapped, let go at commit.
                state.status(Status.DELETED);
                identityMap.remove(state);
                identityMap.track(state);
                return;
            }
            written.forEach((column, value) -> {
                if (!state.isChanged(entity.columnPosition(column.attribute()))) {
                    undo.setAsWritten(state.object(), column, value);
                }
            });
            if (version != null) {
                undo.setAsWritten(state.object(), version, newVersion);
            }
        });
        return count;
    }

    /** The counter after {@code held}, as {@code version + 1} makes it; NULL stays NULL, as in SQL. */
    private static Object next(Object held) {
        return held == null ? null : VersionValues.next(held);
    }

    /**
     * A foreign key a relationship maps cannot change under the objects: the relationship (and the collection on the
     * other side) would still name the old parent.
     */
    private void refuseForeignKeys(String call, Spec spec) {
        // The entity's own relationships first, so that the message names Emp.department rather than Dept.employees.
        List<EntityModel> owners = new ArrayList<>(List.of(spec.entity()));
        context.metadata().entities().stream().filter(other -> other != spec.entity()).forEach(owners::add);
        for (ColumnModel column : spec.set().keySet()) {
            for (EntityModel owner : owners) {
                for (RelationshipModel relationship : owner.relationships()) {
                    if (relationship.direction() != RelationshipModel.Direction.MANY_TO_MANY && relationship.foreignKey().columns().contains(column)) {
                        throw new TenonException(call + ".set(\"" + column.attribute() + "\", ...): " + column.attribute() + " is the foreign"
                                + " key of " + relationship + ", which the objects the session holds would still show as it was. Change "
                                + relationship + " on the objects and flush, or run the update with synchronize(Synchronize.NONE) and read"
                                + " the objects again");
                    }
                }
            }
        }
    }

    private static String refusal(EntityModel entity, List<Condition> conditions) {
        for (Condition condition : conditions) {
            String refusal = InMemoryMatch.refusal(entity, condition);
            if (refusal != null) {
                return "the conditions cannot be evaluated in Java (" + refusal + ")";
            }
        }
        return "the conditions cannot be evaluated in Java";
    }
}
