package dev.tenon.loading;

import dev.tenon.api.Status;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnAccess;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns the columns of one entity in a row into an object, through the identity map: a row whose object the
 * session already holds yields that object untouched (its pending changes win); otherwise a new object is
 * built and becomes persistent, with no column changed.
 */
final class EntityReader {
    private EntityReader() {
    }

    /**
     * The identity of the entity in the row, its key columns starting at {@code first}: the value of a one-column key,
     * an immutable list for a composite one; null when a key column is NULL (no match on an outer join).
     */
    static Object key(ResultSet row, EntityModel entity, int first) throws SQLException {
        List<ColumnModel> key = entity.primaryKey();
        if (key.size() == 1) {
            return key.get(0).type().read(row, first + entity.primaryKeyPosition(0));
        }
        Object[] parts = new Object[key.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = key.get(i).type().read(row, first + entity.primaryKeyPosition(i));
            if (parts[i] == null) {
                return null;
            }
        }
        return List.of(parts);
    }

    /**
     * The object with identity {@code id} (see {@link #key}) for the entity columns starting at {@code first}. Objects
     * built by this call are marked as created by {@code statement}. {@code buffer} holds as many values as the entity
     * has columns.
     */
    static InstanceState read(ResultSet row, EntityModel entity, int first, Object id, IdentityMap identityMap, Object statement,
                              Object[] buffer) throws SQLException {
        InstanceState existing = identityMap.stateOf(entity, id);
        if (existing != null) {
            return existing;
        }
        return create(row, entity, first, id, identityMap, true, statement, buffer);
    }

    /**
     * A new object for the entity columns starting at {@code first}, whose identity {@code id} the caller knows the
     * identity map does not hold: persistent, marked as created by {@code statement}, put in the map with its key
     * indexed at once or, when not {@code indexed}, on the first lookup of its entity.
     */
    static InstanceState create(ResultSet row, EntityModel entity, int first, Object id, IdentityMap identityMap, boolean indexed,
                                Object statement, Object[] buffer) throws SQLException {
        List<ColumnModel> key = entity.primaryKey();
        Object object = entity.newInstance();
        // The row's values pass through the caller's buffer on their way to the fields; no copy is kept (see
        // InstanceState), so one buffer serves every row of a statement.
        Object[] values = buffer;
        entity.columnAccess().fetch(row, first, values);
        for (int i = 0; i < key.size(); i++) {
            values[entity.primaryKeyPosition(i)] = key.size() == 1 ? id : ((List<?>) id).get(i);
        }
        write(entity, object, values);
        InstanceState state = new InstanceState(entity, object, Status.PERSISTENT);
        state.id(id);
        state.valuesLoaded();
        state.createdBy(statement);
        if (indexed) {
            identityMap.put(state);
        } else {
            identityMap.putUnindexed(state);
        }
        if (entity.inPlaceColumns().length > 0) {
            state.markChanged();
        }
        return state;
    }

    /** Sets the object's fields from the row's values, all at once; a value that does not fit is reported by field. */
    private static void write(EntityModel entity, Object object, Object[] values) {
        try {
            entity.columnAccess().write(object, values);
        } catch (ClassCastException e) {
            ColumnAccess.check(entity.columns(), object, values);
            throw e;
        }
    }
}
