package dev.tenon.identity;

import dev.tenon.api.Status;

/**
 * Which session holds each object, and what became of the row of an object that left its session: what SQLAlchemy
 * keeps on each instance, and what the enhancer gives every entity the fields for ({@link Tracked}). It lets a session
 * refuse an object that another open session holds, and take back a detached object as persistent (its row is
 * updated) instead of pending (a second INSERT with the same key).
 *
 * <p>Nothing is recorded while a session reads rows: an object's state names the epoch of the map that holds it
 * ({@link IdentityMap}), and what became of its row is recorded on the object when it leaves alone (expunged, evicted,
 * its deletion committed), or read off the state it still carries when its session let every object go at once.
 * Nothing is kept here, so one instance serves a database's sessions from any thread.
 */
public final class Ownership {
    /** What a detached object's row is. */
    public enum Row {
        /** The row existed when the object left its session: adding the object back updates it. */
        EXISTS,
        /** The object's deletion was committed: adding it back inserts it again. */
        DELETED
    }

    /** Whether an open session other than the one of {@code self} holds {@code object}. */
    public boolean heldElsewhere(Object object, IdentityMap self) {
        // The state on the object names the epoch of its holder; a map that lets the object go ends the epoch or
        // marks the state removed.
        InstanceState state = InstanceState.carriedBy(object);
        return state != null && state.holder != null && state.holder.current && state.holder.tracks && !state.removed
                && !self.isCurrent(state.holder);
    }

    /**
     * Records that {@code object} left its session, with its row in the given state and the column values the
     * session last knew the row to hold (null when unknown), so that adding it back writes only what changed since.
     */
    public void release(Object object, Row row, Object[] values) {
        ((Tracked) object).tenon$departure(encode(row, values));
    }

    /** Forgets {@code object}: it is transient again. */
    public void forget(Object object) {
        ((Tracked) object).tenon$departure(null);
    }

    /** The state of a detached object's row, or null when the object never left a session. */
    public Row detachedRow(Object object) {
        Object departure = object instanceof Tracked tracked ? departure(tracked) : null;
        return departure == null ? null : departure == Row.DELETED ? Row.DELETED : Row.EXISTS;
    }

    /** The column values a detached object's row was last known to hold, or null. */
    public Object[] detachedValues(Object object) {
        return object instanceof Tracked tracked && departure(tracked) instanceof Object[] values ? values.clone() : null;
    }

    /**
     * What became of an object's row, encoded as by {@link #encode}: recorded on the object when it left its session
     * alone; read off the state it still carries when its session let every object go at once by ending the epoch (see
     * {@link IdentityMap#clear}), or held by a read-only result, which no session tracks. Null while the object never
     * left a session.
     */
    private static Object departure(Tracked tracked) {
        Object departure = tracked.tenon$departure();
        if (departure == null && tracked.tenon$state() instanceof InstanceState state && state.holder != null
                && (!state.holder.current || !state.holder.tracks)) {
            boolean exists = state.status() == Status.PERSISTENT || state.status() == Status.DELETED || state.status() == Status.DETACHED;
            departure = exists && state.id() != null ? encode(Row.EXISTS, state.databaseValues()) : null;
        }
        return departure;
    }

    /**
     * What the departure field holds: the row's values when it exists and they are known, {@link Row#EXISTS} when
     * they are not, {@link Row#DELETED}.
     */
    private static Object encode(Row row, Object[] values) {
        return row == Row.EXISTS && values != null ? values : row;
    }
}
