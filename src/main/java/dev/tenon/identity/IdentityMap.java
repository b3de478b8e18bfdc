package dev.tenon.identity;

import dev.tenon.metadata.EntityModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One object per row within a session: the index from row identity to object ({@link KeyTable}), and the state
 * of every object the session holds (pending ones too, which have no key yet).
 *
 * <p>The state of an object is kept on the object itself ({@link Tracked}), so reading a row adds one slot to the key
 * index and nothing else, and letting every object go (rollback, close) visits none. Used by its session's thread;
 * another session asks only whether an object's state names a current epoch of another map ({@link Ownership}).
 */
public final class IdentityMap {
    private KeyTable byKey = new KeyTable();
    /** Objects added without their key indexed yet, all of {@link #unindexedEntity} (see {@link #putUnindexed}). */
    private List<InstanceState> unindexed = new ArrayList<>();
    private EntityModel unindexedEntity;
    /** The result groups of this map's objects, let go with them so that a detached object does not pin its result. */
    private List<ResultGroup> groups = new ArrayList<>();
    private int tracked;
    /** The states in the order the session first saw them; removed ones are skipped and dropped now and then. */
    private List<InstanceState> order = new ChunkedList<>();
    /**
     * How many states of {@link #order} no longer belong to the map (removed, or replaced by another state) or came
     * back out of sequence: while none, the order is the list of states as it is.
     */
    private int removed;
    private final Ownership ownership;
    private long sequence;
    /** What the states of {@link Tracked} objects name as their holder: replaced when every object leaves at once. */
    private Epoch epoch;
    /**
     * The states that may have something to flush: pending, deleted, or written to since the last flush. A flush
     * visits these and no other, so that a session that loaded many rows and changed few flushes in the time of few.
     */
    private List<InstanceState> changed = new ArrayList<>();

    /**
     * One period during which a map holds its tracked objects. Letting every object go at once (rollback, close)
     * ends the epoch instead of visiting each object: a state whose epoch has ended is a state its object has left,
     * which {@link Ownership} reads as such. Volatile, since another session asks from its own thread.
     */
    static final class Epoch {
        volatile boolean current = true;
        final IdentityMap map;
        /** Whether the map tracks its objects for a unit of work; a read-only result's map does not. */
        final boolean tracks;

        Epoch(IdentityMap map) {
            this.map = map;
            this.tracks = map.tracks;
        }
    }

    private final boolean tracks;

    /** A map for one session of the database whose sessions share {@code ownership}; open until {@link #close}. */
    public IdentityMap(Ownership ownership) {
        this(ownership, true);
    }

    private IdentityMap(Ownership ownership, boolean tracks) {
        this.ownership = ownership;
        this.tracks = tracks;
        this.epoch = new Epoch(this);
    }

    /**
     * A map for the objects of one read-only result: identity within the result, and no unit of work. To every
     * session its objects are detached, rows that exist: adding one to a session makes it persistent there.
     */
    public static IdentityMap forReadOnlyResult(Ownership ownership) {
        return new IdentityMap(ownership, false);
    }

    /** The object with this identity, or null. */
    public Object get(EntityKey key) {
        return get(key.entity(), key.id());
    }

    /** The object of {@code entity} with primary-key value {@code id}, or null. */
    public Object get(EntityModel entity, Object id) {
        index(entity);
        InstanceState state = byKey.get(entity, id);
        return state == null ? null : state.object();
    }

    /** The state of the object of {@code entity} with primary-key value {@code id}, or null. */
    public InstanceState stateOf(EntityModel entity, Object id) {
        index(entity);
        return byKey.get(entity, id);
    }

    /** Whether {@code state} is the one its identity maps to (a row deleted by a flush is no longer mapped). */
    public boolean maps(InstanceState state) {
        index(state.entity());
        return state.id() != null && byKey.get(state.entity(), state.id()) == state;
    }

    /**
     * Adds a persistent object whose identity the caller knows the map does not hold (a query's root rows, each a
     * distinct key, read into a map that held nothing when the query began), leaving its key to be indexed on the
     * first lookup of its entity: a large read whose objects are never looked up by key pays no index at all.
     */
    public void putUnindexed(InstanceState state) {
        if (unindexedEntity != state.entity()) {
            index();
            unindexedEntity = state.entity();
        }
        add(state);
        unindexed.add(state);
    }

    /** Indexes the keys {@link #putUnindexed} left when they are of {@code entity}. */
    private void index(EntityModel entity) {
        if (entity == unindexedEntity) {
            index();
        }
    }

    private void index() {
        for (InstanceState state : unindexed) {
            byKey.put(state);
        }
        unindexed.clear();
        unindexedEntity = null;
    }

    /** Records a result group whose members are this map's objects, to be let go with them. */
    public void register(ResultGroup group) {
        if (groups.size() >= 64 && groups.size() == Integer.highestOneBit(groups.size())) {
            // A stream releases a group per chunk: the released ones go now and then, so that the list stays short.
            groups.removeIf(ResultGroup::isReleased);
        }
        groups.add(group);
    }

    /** The state of an object held by the session, or null. */
    public InstanceState state(Object object) {
        InstanceState state = InstanceState.carriedBy(object);
        return state != null && state.holder == epoch && !state.removed ? state : null;
    }

    /** Whether {@code epoch} is this map's current one. */
    boolean isCurrent(Epoch epoch) {
        return epoch == this.epoch;
    }

    /** Adds an object without identity (pending). */
    public void track(InstanceState state) {
        add(state);
        changed(state);
    }

    /** Records that {@code state} may have something to flush. */
    void changed(InstanceState state) {
        if (!state.changeListed) {
            state.changeListed = true;
            changed.add(state);
        }
    }

    /**
     * The states a flush must visit (those that may have changed), in the order the session first saw them. Those
     * held no more are left out.
     */
    public List<InstanceState> changedStates() {
        List<InstanceState> states = new ArrayList<>(changed.size());
        for (InstanceState state : changed) {
            if (state(state.object()) == state) {
                states.add(state);
            }
        }
        states.sort(Comparator.comparingLong(InstanceState::sequence));
        return states;
    }

    /**
     * Forgets the changed states after a flush wrote them, but for {@code stillChanged}: those that keep something
     * for the next flush.
     */
    public void changesFlushed(List<InstanceState> stillChanged) {
        for (InstanceState state : changed) {
            state.changeListed = false;
        }
        changed = new ArrayList<>();
        stillChanged.forEach(this::changed);
    }

    /** Adds or re-keys an object with identity. */
    public void put(InstanceState state) {
        index(state.entity());
        add(state);
        byKey.put(state);
    }

    private void add(InstanceState state) {
        boolean seenBefore = state.sequence() >= 0;
        state.sequence(sequence++);
        Tracked t = (Tracked) state.object();
        boolean added = state.holder != epoch || t.tenon$state() != state || state.removed;
        if (added) {
            if (t.tenon$state() instanceof InstanceState previous && previous.holder == epoch && previous != state
                    && !previous.removed) {
                tracked--;
                removed++;
            }
            if (state.holder != epoch) {
                // Listed, if at all, in the order of an epoch that has ended.
                state.listed = false;
                state.holder = epoch;
            }
            t.tenon$state(state);
            state.removed = false;
            // Joining a session ends what the object's last departure said of its row.
            t.tenon$departure(null);
            tracked++;
        }
        if (added && !state.listed && tracks) {
            order.add(state);
            state.listed = true;
            if (seenBefore) {
                // Back after it left, with its first place in the order: the order must be sorted again.
                removed++;
            }
        }
    }

    /** Removes an object; what became of it is for the session to record in the {@link Ownership}. */
    public void remove(InstanceState state) {
        // The state stays on the object, marked as let go (see InstanceState.removed), and keeps naming this epoch:
        // it is still listed in this epoch's order, skipped while not held.
        boolean wasHeld = state.holder == epoch && ((Tracked) state.object()).tenon$state() == state && !state.removed;
        if (wasHeld) {
            state.removed = true;
            tracked--;
        }
        if (wasHeld && ++removed > 1024 && removed > size()) {
            List<InstanceState> live = live();
            order.forEach(s -> s.listed = false);
            live.forEach(s -> s.listed = true);
            order = live;
            removed = 0;
        }
        if (state.id() != null) {
            index(state.entity());
            byKey.remove(state);
        }
    }

    /**
     * Lets a persistent object go, as a detached object whose row exists: what a stream does with the objects of a
     * chunk it has moved past, so that memory stays bounded however many rows it reads.
     */
    public void evict(InstanceState state) {
        remove(state);
        state.leaveGroup();
        ownership.release(state.object(), Ownership.Row.EXISTS, state.databaseValues());
    }

    /** Every state, in the order the session first saw them (a copy). */
    public Collection<InstanceState> states() {
        return live();
    }


    private List<InstanceState> live() {
        List<InstanceState> live = new ChunkedList<>();
        if (removed == 0) {
            // Every listed state is held, in the order of its sequence: a flush asks for them several times.
            live.addAll(order);
            return live;
        }
        boolean sorted = true;
        for (InstanceState state : order) {
            if (state(state.object()) == state) {
                sorted &= live.isEmpty() || live.get(live.size() - 1).sequence() < state.sequence();
                live.add(state);
            }
        }
        if (!sorted) {
            // A state put back after it was dropped from the order (a flush undone) goes back to its first place.
            live.sort(Comparator.comparingLong(InstanceState::sequence));
        }
        return live;
    }

    /**
     * Every object leaves the session (its transaction was rolled back): detached when its row exists, transient
     * when it was only pending. The objects are let go all at once, by ending the epoch their states name (see
     * {@link Ownership}): no object is visited.
     */
    public void clear() {
        epoch.current = false;
        epoch = new Epoch(this);
        for (InstanceState state : changed) {
            state.changeListed = false;
        }
        changed = new ArrayList<>();
        byKey = new KeyTable();
        unindexed = new ArrayList<>();
        unindexedEntity = null;
        for (ResultGroup group : groups) {
            group.release();
        }
        groups = new ArrayList<>();
        tracked = 0;
        order = new ChunkedList<>();
        removed = 0;
    }

    /** The session is over: {@link #clear()}, and other sessions may take its objects. */
    public void close() {
        clear();
    }

    /** How many objects are held. */
    public int size() {
        return tracked;
    }
}
