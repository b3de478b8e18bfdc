package dev.tenon.session;

import dev.tenon.api.Status;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.query.DynamicList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

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

    /** The members as a set compared by identity: membership is about objects, whatever their equals() says. */
    static Set<Object> identitySet(Collection<?> members) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(members);
        return set;
    }

    /**
     * Whether a flush would find a relationship of this persistent object changed since it was loaded or last
     * flushed: the same tests as the flush, without SQL, so that a query knows it must autoflush first.
     */
    static boolean changedRelationships(InstanceState state) {
        for (RelationshipModel relationship : state.entity().relationships()) {
            if (relationship.viewOnly()) {
                continue;
            }
            Object value = relationship.get(state.object());
            Object loaded = state.loaded(relationship);
            if (relationship.collection()) {
                if (value instanceof DynamicList<?> dynamic && dynamic.hasPendingChanges()) {
                    return true;
                }
                if (!readable(value) || !(value == null || value instanceof Collection<?>)) {
                    continue;
                }
                Collection<?> members = value == null ? List.of() : (Collection<?>) value;
                if (loaded == InstanceState.NOT_LOADED) {
                    if (value != null && (!members.isEmpty() || !isSessionCollection(value))) {
                        return true;
                    }
                } else if (!identitySet(loaded instanceof Collection<?> c ? c : List.of()).equals(identitySet(members))) {
                    return true;
                }
            } else if (!(value == loaded || loaded == InstanceState.NOT_LOADED && value == null && !state.isClearedUnloaded(relationship))) {
                return true;
            }
        }
        return false;
    }
}
