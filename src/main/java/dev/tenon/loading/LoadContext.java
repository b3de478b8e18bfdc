package dev.tenon.loading;

import dev.tenon.engine.Statistics;
import dev.tenon.engine.Transaction;
import dev.tenon.identity.IdentityMap;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.QueryRunner;
import dev.tenon.sql.Dialect;

/**
 * What the loaders need from their session: its transaction handle (never its connection), its identity map, its
 * settings. Implemented by the session, so that this package never depends on it.
 */
public interface LoadContext {
    /** The session's transaction handle, which every statement of a load runs through. */
    Transaction transaction();

    /** The database's dialect. */
    default Dialect dialect() {
        return transaction().dialect();
    }

    /** The session's statistics. */
    default Statistics statistics() {
        return transaction().statistics();
    }

    /** The session's identity map. */
    IdentityMap identityMap();

    /**
     * A new identity map for the objects of one read-only result, which the session does not track; the session lets
     * it go when it ends, after which those objects are detached like any other.
     */
    IdentityMap readOnlyMap();

    /** The mapping. */
    Metadata metadata();

    /** Whether the session is open; lazy loads fail once it is closed. */
    boolean isOpen();

    /**
     * Parents per IN-batched statement unless a loader option sets its own (selectin, batched lazy loads), and rows
     * per chunk of a stream.
     */
    int selectinBatchSize();

    /** Whether every lazy load fills the same relationship of its unloaded siblings too. */
    boolean batchLazyLoads();

    /** The session's N+1 detector. */
    NPlusOneDetector nPlusOneDetector();

    /** The statements the database's sessions share. */
    StatementCache statements();

    /** Runs queries for this session (a dynamic relationship is a query). */
    QueryRunner queryRunner();

    /**
     * Runs a lazy load as the session's only thread: a load touched from a second thread while the session is busy
     * in another is refused at once, instead of corrupting the first thread's work.
     */
    void exclusive(Runnable load);
}
