package dev.tenon.session;

/**
 * What a unit of work does with its session when it returns nothing: {@code db.transact(metadata, session -> ...)}.
 * Like {@link SessionWork}, it may run more than once, each time in a new session.
 */
@FunctionalInterface
public interface SessionAction {
    /** Does the work; the caller commits when it returns. */
    void run(Session session);
}
