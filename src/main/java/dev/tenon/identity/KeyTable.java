package dev.tenon.identity;

import dev.tenon.metadata.EntityModel;

/**
 * The identity map's index from row identity (entity and primary-key value) to state: open-addressing hash tables
 * of the states themselves, which carry their own key. Every row a query reads is looked up and most are added, so
 * this is the one place where per-row cost is paid for identity: a {@code HashMap<EntityKey, ...>} costs a key
 * object and a node per row (and rehashes every node as it grows); here a row costs a slot in an array.
 *
 * <p>Linear probing, at most half full, and deletion by shifting the following run back (no tombstones), so that
 * a long session that loads and evicts keeps its probes short. Past {@value #MAX_UNSPLIT} states the table splits
 * into {@value #SEGMENTS} segments chosen by the top bits of the hash, so that no array grows past half a megabyte:
 * the G1 collector allocates a larger one outside the young generation (a humongous object, with the 1 MB regions
 * of a 2 GB heap) and frees it only at a costlier collection, which measured as most of the time of a large read.
 */
final class KeyTable {
    private static final int SEGMENT_BITS = 6;
    private static final int SEGMENTS = 1 << SEGMENT_BITS;
    /** The most states one table holds before the split: its arrays are then 256 KB each. */
    private static final int MAX_UNSPLIT = 1 << 15;

    private Segment[] segments = {new Segment(0)};
    private int size;

    /** The state of the row with this identity, or null. */
    InstanceState get(EntityModel entity, Object id) {
        int hash = hash(entity, id);
        return segment(hash).get(hash, entity, id);
    }

    /** Maps the state's identity to it, replacing the state mapped to that identity before (returned, or null). */
    InstanceState put(InstanceState state) {
        if (size == MAX_UNSPLIT && segments.length == 1) {
            // Before the one table would grow to arrays of half a megabyte.
            split();
        }
        int hash = hash(state.entity(), state.id());
        InstanceState previous = segment(hash).put(hash, state);
        if (previous == null) {
            size++;
        }
        return previous;
    }

    /** Removes {@code state} if this table maps its identity to it; returns whether it did. */
    boolean remove(InstanceState state) {
        int hash = hash(state.entity(), state.id());
        boolean removed = segment(hash).remove(hash, state);
        if (removed) {
            size--;
        }
        return removed;
    }

    private Segment segment(int hash) {
        return segments.length == 1 ? segments[0] : segments[hash >>> (32 - SEGMENT_BITS)];
    }

    private void split() {
        Segment whole = segments[0];
        Segment[] split = new Segment[SEGMENTS];
        // Each segment takes a sixty-fourth of the states: sized for twice that, it does not grow again at once.
        int bits = Integer.numberOfTrailingZeros(4 * MAX_UNSPLIT / SEGMENTS);
        for (int i = 0; i < SEGMENTS; i++) {
            split[i] = new Segment(SEGMENT_BITS, bits);
        }
        for (int i = 0; i < whole.slots.length; i++) {
            if (whole.slots[i] != null) {
                split[whole.hashes[i] >>> (32 - SEGMENT_BITS)].put(whole.hashes[i], whole.slots[i]);
            }
        }
        segments = split;
    }

    /**
     * The spread hash of an identity: Fibonacci hashing of the combined hash, whose top bits (segment and slot) spread
     * consecutive keys, the usual case, over the whole table.
     */
    private static int hash(EntityModel entity, Object id) {
        return (id.hashCode() * 31 + System.identityHashCode(entity)) * 0x9E3779B9;
    }

    /** One open-addressing table; its slot is chosen by the bits of the hash after the first {@code shift}. */
    private static final class Segment {
        private static final int MIN_CAPACITY = 16;

        private final int shift;
        private InstanceState[] slots;
        /**
         * The hash of each slot's identity: growing rehashes from here rather than from the states, which would be a
         * cache miss per state, and a probe compares a key only where the hash matches.
         */
        private int[] hashes;
        /** log2 of the capacity. */
        private int bits;
        private int size;

        Segment(int shift) {
            this(shift, Integer.numberOfTrailingZeros(MIN_CAPACITY));
        }

        Segment(int shift, int bits) {
            this.shift = shift;
            this.bits = bits;
            this.slots = new InstanceState[1 << bits];
            this.hashes = new int[1 << bits];
        }

        private int home(int hash) {
            return (hash << shift) >>> (32 - bits);
        }

        InstanceState get(int hash, EntityModel entity, Object id) {
            InstanceState[] table = slots;
            int mask = table.length - 1;
            for (int i = home(hash); ; i = (i + 1) & mask) {
                InstanceState state = table[i];
                if (state == null) {
                    return null;
                }
                if (hashes[i] == hash && state.entity() == entity && state.id().equals(id)) {
                    return state;
                }
            }
        }

        InstanceState put(int hash, InstanceState state) {
            if (2 * (size + 1) > slots.length) {
                grow();
            }
            EntityModel entity = state.entity();
            Object id = state.id();
            int mask = slots.length - 1;
            for (int i = home(hash); ; i = (i + 1) & mask) {
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

        boolean remove(int hash, InstanceState state) {
            int mask = slots.length - 1;
            int i = home(hash);
            while (slots[i] != state) {
                if (slots[i] == null) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            // Close the gap: each following state of the run moves back unless its home lies between the gap and it.
            for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
                int home = home(hashes[j]);
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
                    int i = home(oldHashes[j]);
                    while (slots[i] != null) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = oldSlots[j];
                    hashes[i] = oldHashes[j];
                }
            }
        }
    }
}
