/**
 * What a session knows of its objects, and the calls of the enhanced classes that keep it up to date: the
 * {@link dev.tenon.identity.IdentityMap} (one object per row, indexed by the {@code KeyTable}, a hash table of the
 * states themselves; the list of changed states, the only ones a flush visits; a session lets its loaded objects go
 * at once by ending the map's epoch), the {@link dev.tenon.identity.InstanceState} of each object (status, key, the
 * values of changed columns before their first change, loaded relationships and {@link dev.tenon.identity.Deferred}
 * loads, the {@link dev.tenon.identity.ResultGroup} it came from), kept on the object itself
 * ({@link dev.tenon.identity.Tracked}); {@link dev.tenon.identity.Attributes}, where the enhanced classes report
 * reads and writes of their fields, and {@link dev.tenon.identity.BackPopulation}, which keeps both sides of a
 * {@code backPopulates} pair in step; and the database-wide {@link dev.tenon.identity.Ownership}: which session holds
 * each object, and whether a detached object's row exists.
 *
 * <p>The bottom of the ORM layer: depends only on {@code dev.tenon.metadata} and the collections of
 * {@code dev.tenon.proxy}, so that the session, the query API and the loaders can all share it without import cycles.
 */
package dev.tenon.identity;
