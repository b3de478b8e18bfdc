package dev.tenon.identity;

/**
 * Implemented by every enhanced entity class (the enhancer adds it, see {@code dev.tenon.enhance}): two fields on the
 * object itself, its state in the session that holds it and what became of its row once it left, which is what
 * SQLAlchemy keeps on every instance. On the object, the state is found without a lookup, and the record lives and
 * dies with it, at the cost of a field write, where an identity map costs a hash entry and a database-wide weak map a
 * weak reference per object (kept long after the object is gone).
 */
public interface Tracked {
    /** The object's state in the session that holds it; null when no session does. */
    Object tenon$state();

    /** Records the object's state in the session that takes it, or null when it leaves. */
    void tenon$state(Object state);

    /** What {@link Ownership} recorded when the object left its session; null while it never did. */
    Object tenon$departure();

    /** Records what became of the object's row. */
    void tenon$departure(Object departure);
}
