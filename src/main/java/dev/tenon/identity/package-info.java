/**
 * What a session knows of its objects: the {@link dev.tenon.identity.IdentityMap} (one object per row, indexed by
 * the {@code KeyTable}, a hash table of the states themselves; a session lets its loaded objects go at once by
 * ending the map's epoch), and the
 * {@link dev.tenon.identity.InstanceState} of each object (status, key, snapshot for dirty checking, loaded
 * relationships, the {@link dev.tenon.identity.ResultGroup} it came from), kept on the object itself when Tenon
 * made it from a row ({@link dev.tenon.identity.Tracked}), and the database-wide
 * {@link dev.tenon.identity.Ownership}: which session holds each object, and whether a detached object's row exists.
 *
 * <p>The bottom of the ORM layer: depends only on {@code dev.tenon.metadata}, so that the session, the query API
 * and the loaders can all share it without import cycles.
 */
package dev.tenon.identity;
