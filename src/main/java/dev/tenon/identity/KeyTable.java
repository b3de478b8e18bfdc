package dev.tenon.identity;

import dev.tenon.metadata.EntityModel;

/**
 * The identity map's index from row identity (entity and primary-key value) to state: an open-addressing hash
 * table of the states themselves, which carry their own key. Every row a query reads is looked up and most are
 * added, so this is the one place where per-row cost is paid for identity: a {@code HashMap<EntityKey, ...>} costs
 * a key object and a node per row (and rehashes every node as it grows); here a row costs a slot in one array.
 *
 * <p>Linear probing, at most half full, and deletion by shifting the following run back (no tombstones), so that
 * a long session that loads and evicts keeps its probes short.
 */
final class KeyTable {
    private static final int MIN_CAPACITY = 16;

    private InstanceState[] slots = new InstanceState[MIN_CAPACITY];
    /**
     * The hash of each slot's identity: growing rehashes from here rather than from the states, which would be a
     * cache miss per state, and a probe compares a key only where the hash matches.
     */
    private int[] hashes = new int[MIN_CAPACITY];
    /** The number of high-order bits of the spread hash used as index: log2 of the capacity. */
    private int bits = 4;
    private int size;

    /** The state of the row with this identity, or null. */
    InstanceState get(EntityModel entity, Object id) {
        int hash = hash(entity, id);
        InstanceState[] table = slots;
        int mask = table.length - 1;
        for (int i = hash >>> (32 - bits); ; i = (i + 1) & mask) {
            InstanceState state = table[i];
            if (state == null) {
                return null;
            }
            if (hashes[i] == hash && state.entity() == entity && state.id().equals(id)) {
                return state;
            }
        }
    }

    /** Maps the state's identity to it, replacing the state mapped to that identity before (returned, or null). */
    InstanceState put(InstanceState state) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        EntityModel entity = state.entity();
        Object id = state.id();
        int hash = hash(entity, id);
        int mask = slots.length - 1;
        for (int i = hash >>> (32 - bits); ; i = (i + 1) & mask) {
            InstanceState present = slots[i];
            if (present == null) {
                slots[i] = state;
                hashes[i] = hash;
                size++;
                return null;
            }
            if (hashes[i] == hash && present.entity() == entity && present.id().equals(id)) {
                slots[i] = state;
                return present;
            }
        }
    }

    /** Removes {@code state} if this table maps its identity to it; returns whether it did. */
    boolean remove(InstanceState state) {
        int mask = slots.length - 1;
        int i = hash(state.entity(), state.id()) >>> (32 - bits);
        while (slots[i] != state) {
            if (slots[i] == null) {
                return false;
            }
            i = (i + 1) & mask;
        }
        // Close the gap: each following state of the run moves back unless its home lies between the gap and it.
        for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = hashes[j] >>> (32 - bits);
            boolean staysPut = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!staysPut) {
                slots[i] = slots[j];
                hashes[i] = hashes[j];
                i = j;
            }
        }
        slots[i] = null;
        size--;
        return true;
    }

    private void grow() {
        InstanceState[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new InstanceState[oldSlots.length * 2];
        hashes = new int[slots.length];
        bits++;
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != null) {
                int i = oldHashes[j] >>> (32 - bits);
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = oldSlots[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    /**
     * The spread hash of an identity: Fibonacci hashing of the combined hash, whose top bits (the index) spread
     * consecutive keys, the usual case, over the whole table.
     */
    private static int hash(EntityModel entity, Object id) {
        return (id.hashCode() * 31 + System.identityHashCode(entity)) * 0x9E3779B9;
    }
}
