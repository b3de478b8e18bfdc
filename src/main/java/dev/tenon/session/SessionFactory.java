package dev.tenon.session;

import dev.tenon.engine.Engine;
import dev.tenon.exception.TenonException;
import dev.tenon.engine.WalPosition;
import dev.tenon.identity.Ownership;
import dev.tenon.loading.StatementCache;
import dev.tenon.metadata.Metadata;

/**
 * The ORM half of a database: what its sessions share. The engine they run their statements on; the options a new
 * session gets; which session holds each object ({@link Ownership}); and the statements compiled once for all of them
 * ({@link StatementCache}). Thread-safe. Made by {@code dev.tenon.Database}, the front door, which composes it with
 * its engine; applications open sessions there.
 */
public final class SessionFactory {
    private final Engine engine;
    private final Ownership ownership = new Ownership();
    private final StatementCache statements = new StatementCache();
    private volatile SessionOptions options = SessionOptions.DEFAULTS;
    private volatile Retry retry = Retry.DEFAULT;

    /** The sessions of {@code engine}'s database. */
    public SessionFactory(Engine engine) {
        this.engine = engine;
    }

    /** Opens a session over {@code metadata} with the default options; close it to return its connection. */
    public Session openSession(Metadata metadata) {
        return openSession(metadata, options);
    }

    /** Opens a session with options of its own. */
    public Session openSession(Metadata metadata, SessionOptions options) {
        return new Session(new SessionContext(metadata, options, ownership, statements, engine.transaction()));
    }

    /**
     * Runs {@code work} in a new session and commits, again in a new session after a conflict, as {@code retry} says
     * (see {@link Retry}); returns what the last attempt returned.
     */
    public <T> T transact(Metadata metadata, Retry retry, SessionWork<T> work) {
        return RetryingUnit.run(() -> openSession(metadata), retry, work);
    }

    /**
     * {@link #transact} in read-only sessions: on a replica when the database has replicas, where a query cancelled
     * by the standby's recovery (a conflict, {@code 40001}) is run again like any conflict.
     */
    public <T> T transactReadOnly(Metadata metadata, Retry retry, SessionWork<T> work) {
        return RetryingUnit.run(() -> openReadOnlySession(metadata, options, null), retry, work);
    }

    /** The retry policy of units of work that name none. */
    public Retry retry() {
        return retry;
    }

    /** Sets the retry policy of units of work that name none. */
    public void retry(Retry value) {
        if (value == null) {
            throw new TenonException("The retry policy must not be null; Retry.NONE runs a unit of work once");
        }
        this.retry = value;
    }

    /**
     * Opens a session that refuses to write, reading on a replica when the database has replicas, after it has replayed
     * this database's last commit and {@code position} (null for none); see {@link Engine#readOnlyTransaction(WalPosition)}.
     */
    public Session openReadOnlySession(Metadata metadata, SessionOptions options, WalPosition position) {
        return new Session(new SessionContext(metadata, options, ownership, statements, engine.readOnlyTransaction(position)));
    }

    /** The options new sessions get by default. */
    public SessionOptions options() {
        return options;
    }

    /** Sets the options new sessions get by default. */
    public void options(SessionOptions options) {
        this.options = options;
    }

    /**
     * How many compiled statements and load plans the sessions share: one per query shape the application has run
     * (values left out), per entity looked up by key, and per secondary statement of a strategy.
     */
    public int cachedStatements() {
        return statements.size();
    }
}
