package dev.tenon.identity;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which session holds each object, and what became of the row of an object that left its session: what SQLAlchemy
 * keeps on each instance, and Java cannot add to an application's class. It lets a session refuse an object that
 * another open session holds, and take back a detached object as persistent (its row is updated) instead of
 * pending (a second INSERT with the same key).
 *
 * <p>Loading must stay cheap, so nothing is recorded while a session reads rows: whether another session holds an
 * object is asked of the open sessions' identity maps when an object is added, which is rare next to loading. What
 * became of an object that left its session is kept on the object itself when Tenon made it from a row
 * ({@link Tracked}); an object the application made is recorded here, held weakly and by identity (an entity's own
 * {@code equals} does not confuse two objects with the same key), which keeps nothing alive. One per database,
 * shared by its sessions, hence thread-safe.
 */
public final class Ownership {
    /** What a detached object's row is. */
    public enum Row {
        /** The row existed when the object left its session: adding the object back updates it. */
        EXISTS,
        /** The object's deletion was committed: adding it back inserts it again. */
        DELETED
    }

    private final Set<WeakReference<IdentityMap>> open = ConcurrentHashMap.newKeySet();
    /** Keyed by {@link Departure}, looked up by {@link Probe}: both compare by the identity of the object. */
    private final Map<Object, Departure> departed = new HashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    /** Registers a session's map until {@link #closed}; weakly, so that a session never closed can still go. */
    WeakReference<IdentityMap> opened(IdentityMap map) {
        WeakReference<IdentityMap> ref = new WeakReference<>(map);
        open.add(ref);
        return ref;
    }

    /** The session of that map closed: its objects are free to join another. */
    void closed(WeakReference<IdentityMap> ref) {
        open.remove(ref);
    }

    /** Whether an open session other than the one of {@code self} holds {@code object}. */
    public boolean heldElsewhere(Object object, IdentityMap self) {
        if (object instanceof Tracked tracked) {
            // The state on the object names the epoch of its holder; a map that lets the object go ends the epoch or
            // takes the state off the object.
            return tracked.tenon$state() instanceof InstanceState state && state.holder != null && state.holder.current
                    && !state.removed && !self.isCurrent(state.holder);
        }
        for (WeakReference<IdentityMap> ref : open) {
            IdentityMap map = ref.get();
            if (map == null) {
                open.remove(ref);
            } else if (map != self && map.holds(object)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records that {@code object} left its session, with its row in the given state and the column values the
     * session last knew the row to hold (null when unknown), so that adding it back writes only what changed since.
     * The snapshot is taken over, not copied: it belongs to a state the session has let go.
     */
    public void release(Object object, Row row, Object[] snapshot) {
        if (object instanceof Tracked tracked) {
            tracked.tenon$departure(encode(row, snapshot));
            return;
        }
        synchronized (this) {
            purge();
            record(object, row, snapshot);
        }
    }

    /**
     * A session lets go of the objects the application made, with the rest of its objects: a persistent or deleted
     * one (its deletion was not committed) becomes detached with its row, a pending one transient. The objects Tenon
     * made need no such visit: see {@link #departure}. One lock for them all: a flush may have inserted thousands.
     */
    void leave(Collection<InstanceState> states) {
        synchronized (this) {
            purge();
            for (InstanceState state : states) {
                boolean exists = state.status() == Status.PERSISTENT || state.status() == Status.DELETED;
                if (exists) {
                    state.status(Status.DETACHED);
                    record(state.object(), Row.EXISTS, state.databaseValues());
                } else {
                    departed.remove(new Probe(state.object()));
                }
            }
        }
    }

    /** Forgets {@code object}: it is transient again. */
    public void forget(Object object) {
        if (object instanceof Tracked tracked) {
            tracked.tenon$departure(null);
            return;
        }
        synchronized (this) {
            purge();
            departed.remove(new Probe(object));
        }
    }

    /** The state of a detached object's row, or null when the object never left a session. */
    public Row detachedRow(Object object) {
        if (object instanceof Tracked tracked) {
            Object departure = departure(tracked);
            return departure == null ? null : departure == Row.DELETED ? Row.DELETED : Row.EXISTS;
        }
        synchronized (this) {
            Departure departure = departed.get(new Probe(object));
            return departure == null ? null : departure.row;
        }
    }

    /** The column values a detached object's row was last known to hold, or null. */
    public Object[] detachedSnapshot(Object object) {
        if (object instanceof Tracked tracked) {
            return departure(tracked) instanceof Object[] snapshot ? snapshot.clone() : null;
        }
        synchronized (this) {
            Departure departure = departed.get(new Probe(object));
            return departure == null || departure.snapshot == null ? null : departure.snapshot.clone();
        }
    }

    /**
     * What became of a {@link Tracked} object's row, encoded as by {@link #encode}: recorded on the object when it
     * left its session alone (expunged, evicted, its deletion committed); read off the state it still carries when
     * its session let every object go at once by ending the epoch (see {@link IdentityMap#clear}), which is what
     * {@link #leave} would have recorded. Null while the object never left a session.
     */
    private static Object departure(Tracked tracked) {
        Object departure = tracked.tenon$departure();
        if (departure == null && tracked.tenon$state() instanceof InstanceState state && state.holder != null && !state.holder.current) {
            boolean exists = state.status() == Status.PERSISTENT || state.status() == Status.DELETED || state.status() == Status.DETACHED;
            departure = exists && state.id() != null ? encode(Row.EXISTS, state.databaseValues()) : null;
        }
        return departure;
    }

    /**
     * What a {@link Tracked} object's field holds: its snapshot when its row exists and the values are known,
     * {@link Row#EXISTS} when they are not, {@link Row#DELETED}. No allocation: a session may let go of many.
     */
    private static Object encode(Row row, Object[] snapshot) {
        return row == Row.EXISTS && snapshot != null ? snapshot : row;
    }

    private void record(Object object, Row row, Object[] snapshot) {
        Departure departure = new Departure(object, collected, row, snapshot);
        Departure earlier = departed.putIfAbsent(departure, departure);
        if (earlier != null) {
            earlier.row = row;
            earlier.snapshot = snapshot;
        }
    }

    private void purge() {
        for (Reference<?> gone = collected.poll(); gone != null; gone = collected.poll()) {
            departed.remove(gone);
        }
    }

    /**
     * Looks a departed object up without making a weak reference for it (which costs as much as recording it: an
     * {@code add} asks this of every object). Equal to the {@link Departure} of the same object: the map calls the
     * equals of the key it is given.
     */
    private record Probe(Object object) {
        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Departure departure && departure.get() == object
                    || other instanceof Probe probe && probe.object == object;
        }
    }

    /**
     * One departed object, weakly, compared by the identity of its referent (a collected one equals only itself),
     * with what is known of its row: one object per departure, key and value at once.
     */
    private static final class Departure extends WeakReference<Object> {
        private final int hash;
        private Row row;
        private Object[] snapshot;

        Departure(Object referent, ReferenceQueue<Object> queue, Row row, Object[] snapshot) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
            this.row = row;
            this.snapshot = snapshot;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Departure departure)) {
                return false;
            }
            Object referent = get();
            return referent != null && referent == departure.get();
        }
    }
}
