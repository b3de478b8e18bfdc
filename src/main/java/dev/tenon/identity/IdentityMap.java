package dev.tenon.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One object per row within a session: the map from {@link EntityKey} to object, and the state of every
 * object the session holds (pending ones too, which have no key yet). Every object it takes is claimed for its
 * session in the database's {@link Ownership}. Single-threaded, like its session.
 */
public final class IdentityMap {
    private final Map<EntityKey, Object> byKey = new HashMap<>();
    private final Map<Object, InstanceState> states = new IdentityHashMap<>();
    private final Ownership ownership;
    private final Ownership.Owner owner = new Ownership.Owner();
    private long sequence;

    /** A map for one session of the database whose sessions share {@code ownership}. */
    public IdentityMap(Ownership ownership) {
        this.ownership = ownership;
    }

    /** The token that stands for this map's session in the {@link Ownership}. */
    public Ownership.Owner owner() {
        return owner;
    }

    /** The object with this identity, or null. */
    public Object get(EntityKey key) {
        return byKey.get(key);
    }

    /** The state of an object held by the session, or null. */
    public InstanceState state(Object object) {
        return states.get(object);
    }

    /** Adds an object without identity (pending). */
    public void track(InstanceState state) {
        state.sequence(sequence++);
        if (states.put(state.object(), state) == null) {
            ownership.claim(state.object(), owner);
        }
    }

    /** Adds or re-keys an object with identity. */
    public void put(InstanceState state) {
        state.sequence(sequence++);
        if (states.put(state.object(), state) == null) {
            ownership.claim(state.object(), owner);
        }
        byKey.put(state.key(), state.object());
    }

    /** Removes an object; what became of it is for the session to record in the {@link Ownership}. */
    public void remove(InstanceState state) {
        states.remove(state.object());
        if (state.key() != null && byKey.get(state.key()) == state.object()) {
            byKey.remove(state.key());
        }
    }

    /**
     * Lets a persistent object go, as a detached object whose row exists: what a stream does with the objects of a
     * chunk it has moved past, so that memory stays bounded however many rows it reads.
     */
    public void evict(InstanceState state) {
        remove(state);
        state.leaveGroup();
        ownership.release(state.object(), Ownership.Row.EXISTS, state.snapshot());
    }

    /** Every state, in no particular order. */
    public Collection<InstanceState> states() {
        return states.values();
    }

    /** A copy of the states in the order the session first saw them, safe to iterate while the map changes. */
    public List<InstanceState> snapshotOfStates() {
        List<InstanceState> copy = new ArrayList<>(states.values());
        copy.sort(java.util.Comparator.comparingLong(InstanceState::sequence));
        return copy;
    }

    /** Forgets everything. */
    public void clear() {
        byKey.clear();
        states.clear();
    }

    /** How many objects are held. */
    public int size() {
        return states.size();
    }
}
