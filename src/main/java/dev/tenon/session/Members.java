package dev.tenon.session;

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

    /** True for null, a loaded collection or the application's own collection; false for an unloaded or dynamic one. */
    static boolean readable(Object value) {
        return !(value instanceof RelationCollection lazy && !lazy.isLoaded()) && !(value instanceof DynamicList<?>);
    }
}
