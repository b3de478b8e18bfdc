package dev.tenon.session;

/**
 * How a bulk UPDATE or DELETE ({@link Session#update(Class)}, {@link Session#delete(Class)}) keeps the objects the
 * session holds in step with the rows it changed: SQLAlchemy's {@code synchronize_session}. Java cannot reload a field
 * on its next read, so there is no "expire": the objects are updated or marked deleted at once.
 */
public enum Synchronize {
    /**
     * The default: {@link #EVALUATE} when Java can evaluate the conditions, else {@link #FETCH}. SQLAlchemy 2's
     * {@code "auto"}.
     */
    AUTO,
    /**
     * The conditions are evaluated in Java on the objects the session holds before the statement runs; those matching
     * get the SET values (and the next version), or are marked deleted. No statement more; refused when a condition is
     * one Java cannot evaluate exactly as the database (a path through a relationship, an ordering of strings). Objects
     * whose fields differ from their rows (changed by another transaction since they were read) may be matched wrongly.
     */
    EVALUATE,
    /**
     * The statement itself returns the keys of the rows it changed ({@code RETURNING} on PostgreSQL, H2's
     * {@code FINAL TABLE}/{@code OLD TABLE}), still one statement; the objects with those keys get the SET values (and
     * the version the row now holds), or are marked deleted. Exact whatever the conditions.
     */
    FETCH,
    /** The objects are left as they are, stale where the statement changed their rows: refresh or read them again. */
    NONE
}
