package dev.tenon.proxy;

import java.util.Collection;

/** What the session asks of a relationship collection without loading it. */
public interface RelationCollection {
    /** Whether the members are in memory (no access will run SQL). */
    boolean isLoaded();

    /** Fills an unloaded collection from outside, as a batched lazy load does for siblings. */
    void fill(Collection<?> members);
}
