package dev.tenon.identity;

/**
 * Implemented by the class Tenon instantiates for the rows it loads (a subclass of the entity generated once, see
 * {@code dev.tenon.proxy.TrackedInstances}): a field on the object itself for what became of its row once it left
 * its session, which is what SQLAlchemy keeps on every instance. Stored on the object, the record lives and dies
 * with it, and costs a field write, where a database-wide weak map costs a weak reference per object and keeps
 * entries long after their objects are gone. Objects the application creates have no such field, and are recorded
 * in {@link Ownership}'s weak map when they leave a session.
 */
public interface Tracked {
    /** What {@link Ownership} recorded when the object left its session; null while it never did. */
    Object tenon$departure();

    /** Records what became of the object's row. */
    void tenon$departure(Object departure);
}
