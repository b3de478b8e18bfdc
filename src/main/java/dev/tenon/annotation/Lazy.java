package dev.tenon.annotation;

/**
 * How a relationship is loaded by default, as SQLAlchemy's {@code lazy=}. A query can override it with
 * a loader option.
 */
public enum Lazy {
    /** On first access, one SELECT for this object: touched in a loop, the N+1 problem. */
    SELECT,
    /** With the parent, in the same statement through a LEFT OUTER JOIN. */
    JOINED,
    /** After the parents, in one IN-batched statement per batch of parents. */
    SELECTIN,
    /** After the parents, in one statement joining the children to the parent query as a subquery. */
    SUBQUERY,
    /**
     * With the parent, in the same statement: a collection read as one JSON array per parent row, built by a
     * correlated subquery ({@code json_agg} on PostgreSQL, {@code JSON_ARRAYAGG} on H2). Opt-in, for collections only.
     */
    NESTED,
    /**
     * The attribute is a query object over the children, run only when asked (reading it as a list runs it each
     * time); {@code add} and {@code remove} on it are written at the next flush without loading the collection.
     */
    DYNAMIC,
    /**
     * As {@link #DYNAMIC}, but the attribute cannot be read as a list: members are added and removed without
     * loading anything, and read only through its query, for collections too large to load by mistake
     * (SQLAlchemy's {@code lazy="write_only"}).
     */
    WRITE_ONLY,
    /** Access fails: the caller must ask for an eager option. */
    RAISE,
    /** Never loaded: the attribute stays empty (null for a reference). */
    NOLOAD
}
