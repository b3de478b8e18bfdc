package dev.tenon.proxy;

import dev.tenon.api.LazyCollection;
import java.util.Collection;

/**
 * What the session asks of a relationship collection without loading it: the application's view
 * ({@link LazyCollection}) and what the session does with it besides.
 */
public interface RelationCollection extends LazyCollection {
    /** Fills an unloaded collection from outside, as a batched lazy load does for siblings. */
    void fill(Collection<?> members);

    /** Whether someone hears the application's changes (see {@link #watch}). */
    boolean isWatched();

    /** From now on, every member the application adds or removes through this collection is told to {@code watcher}. */
    void watch(Membership watcher);

    /**
     * Adds a member without telling the watcher; an unloaded collection queues it, to apply once loaded, without SQL.
     */
    void addQuietly(Object member);

    /** Removes a member without telling the watcher; queued likewise while not loaded. */
    void removeQuietly(Object member);

    /** Whether the members are a collection the application made and may change behind this one's back. */
    boolean isForeign();
}
