package dev.tenon.identity;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * Which session holds each object, and what became of the row of an object that left its session: what SQLAlchemy
 * keeps on each instance, and Java cannot add to an application's class. It lets a session refuse an object that
 * another open session holds, and take back a detached object as persistent (its row is updated) instead of
 * pending (a second INSERT with the same key).
 *
 * <p>One per database, shared by its sessions, hence thread-safe. Objects are held weakly and by identity (an
 * entity's own {@code equals} does not confuse two objects with the same key): it keeps nothing alive and holds no
 * data, only where each object stands.
 */
public final class Ownership {
    /** What a detached object's row is. */
    public enum Row {
        /** The row existed when the object left its session: adding the object back updates it. */
        EXISTS,
        /** The object's deletion was committed: adding it back inserts it again. */
        DELETED
    }

    /** Stands for one session; holds no reference to it, so that an object never keeps its session alive. */
    public static final class Owner {
        private volatile boolean open = true;

        /** Called when the session closes: its objects are free to join another. */
        public void close() {
            open = false;
        }

        /** Whether the session is still open. */
        public boolean isOpen() {
            return open;
        }
    }

    /**
     * Held by {@code owner}, or detached from any session with its row in state {@code row} and the column values
     * it was last known to hold ({@code snapshot}: plain values, never entities, so nothing refers back to the key).
     */
    private record Entry(Owner owner, Row row, Object[] snapshot) {
    }

    private final Map<Ref, Entry> entries = new HashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    /** Records that {@code owner}'s session holds {@code object}. */
    public synchronized void claim(Object object, Owner owner) {
        put(object, new Entry(owner, null, null));
    }

    /**
     * Records that {@code object} left its session, with its row in the given state and the column values the
     * session last knew the row to hold (null when unknown), so that adding it back writes only what changed since.
     */
    public synchronized void release(Object object, Row row, Object[] snapshot) {
        put(object, new Entry(null, row, snapshot == null ? null : snapshot.clone()));
    }

    /** Forgets {@code object}: it is transient again. */
    public synchronized void forget(Object object) {
        purge();
        entries.remove(new Ref(object, null));
    }

    /** The open session other than {@code self} that holds {@code object}, or null. */
    public synchronized Owner heldElsewhere(Object object, Owner self) {
        Entry entry = entries.get(new Ref(object, null));
        return entry != null && entry.owner() != null && entry.owner() != self && entry.owner().isOpen() ? entry.owner() : null;
    }

    /** The state of a detached object's row, or null when the object is not detached. */
    public synchronized Row detachedRow(Object object) {
        Entry entry = entries.get(new Ref(object, null));
        return entry == null ? null : entry.row();
    }

    /** The column values a detached object's row was last known to hold, or null. */
    public synchronized Object[] detachedSnapshot(Object object) {
        Entry entry = entries.get(new Ref(object, null));
        return entry == null || entry.snapshot() == null ? null : entry.snapshot().clone();
    }

    private void put(Object object, Entry entry) {
        purge();
        entries.put(new Ref(object, collected), entry);
    }

    private void purge() {
        for (Reference<?> gone = collected.poll(); gone != null; gone = collected.poll()) {
            entries.remove(gone);
        }
    }

    /** A weak reference compared by the identity of its referent; a collected one equals only itself. */
    private static final class Ref extends WeakReference<Object> {
        private final int hash;

        Ref(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
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
            if (!(other instanceof Ref ref)) {
                return false;
            }
            Object referent = get();
            return referent != null && referent == ref.get();
        }
    }
}
