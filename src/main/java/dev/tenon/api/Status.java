package dev.tenon.api;

/** Where an object stands with its session, as in SQLAlchemy. */
public enum Status {
    /** Not in any session. */
    TRANSIENT,
    /** Added, not yet inserted. */
    PENDING,
    /** Has a row, and is in the identity map. */
    PERSISTENT,
    /** Marked for deletion at the next flush (or deleted by the flush, until commit). */
    DELETED,
    /** Had a row and a session, no longer in it (expunged, or its session closed). */
    DETACHED
}
