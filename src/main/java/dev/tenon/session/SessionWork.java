package dev.tenon.session;

/**
 * What a unit of work does with its session and returns: {@code db.transactResult(metadata, session -> ...)}. It may
 * run more than once (see {@link Retry}), each time in a new session: it should read what it needs through that
 * session, and keep what it does outside the database (a message sent, a counter in memory) for after it returns.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SessionWork<T> {
    /** Does the work; the caller commits when it returns. */
    T run(Session session);
}
