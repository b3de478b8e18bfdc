package dev.tenon.session;

import dev.tenon.identity.InstanceState;
import dev.tenon.identity.Status;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.query.DynamicList;

/**
 * Whether a flush may read the members of a collection relationship's value. Reading a collection that was
 * never loaded would run a SELECT per object (the N+1 problem, inside a flush), and a {@code DYNAMIC}
 * relationship's list runs its query on every read: the flush leaves both alone, as SQLAlchemy leaves unloaded
 * collections alone.
 */
final class Members {
    private Members() {
    }

    /**
     * Whether a persistent object holds a collection whose changes the session cannot hear (the application's own,
     * changed directly): such an object stays among those every flush visits.
     */
    static boolean holdsForeignCollection(InstanceState state) {
        if (state.status() != Status.PERSISTENT) {
            return false;
        }
        for (RelationshipModel relationship : state.entity().relationships()) {
            Object value = relationship.collection() ? relationship.get(state.object()) : null;
            if (value instanceof RelationCollection collection ? collection.isForeign()
                    : value instanceof java.util.Collection<?> && !(value instanceof DynamicList<?>)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a collection is one the session put there (loaded or not), rather than one the application assigned:
     * replacing a collection is a change even when the new one is empty.
     */
    static boolean isSessionCollection(Object value) {
        return value instanceof RelationCollection collection && !collection.isForeign();
    }

    /** True for null, a loaded collection or the application's own collection; false for an unloaded or dynamic one. */
    static boolean readable(Object value) {
        return !(value instanceof RelationCollection lazy && !lazy.isLoaded()) && !(value instanceof DynamicList<?>);
    }
}
