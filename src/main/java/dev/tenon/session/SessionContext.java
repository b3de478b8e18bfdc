package dev.tenon.session;

import dev.tenon.engine.Transaction;
import dev.tenon.exception.TenonException;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.Ownership;
import dev.tenon.loading.LoadContext;
import dev.tenon.loading.NPlusOneDetector;
import dev.tenon.loading.QueryExecutor;
import dev.tenon.loading.StatementCache;
import dev.tenon.metadata.Metadata;
import java.util.ArrayList;
import java.util.List;

/**
 * What a session is made of, handed to its helpers and its loaders instead of the session itself: the mapping,
 * the settings, the identity map, the transaction handle, the thread guard and the two ways to run queries. The
 * {@link Session} façade builds one and sits above everything that uses it.
 */
final class SessionContext implements LoadContext {
    private final Metadata metadata;
    private final SessionOptions options;
    private final Ownership ownership;
    private final StatementCache statements;
    private final Transaction transaction;
    private final IdentityMap identityMap;
    private final NPlusOneDetector detector;
    private final ThreadGuard guard = new ThreadGuard();
    private SessionQueries queries;
    private SessionQueries flushReads;
    private boolean open = true;
    /** The identity maps of the session's read-only results, let go with the session. */
    private final List<IdentityMap> readOnlyMaps = new ArrayList<>();

    SessionContext(Metadata metadata, SessionOptions options, Ownership ownership, StatementCache statements, Transaction transaction) {
        this.metadata = metadata;
        this.options = options;
        this.ownership = ownership;
        this.statements = statements;
        this.transaction = transaction;
        this.identityMap = new IdentityMap(ownership);
        this.detector = new NPlusOneDetector(options.nPlusOneThreshold(), options.strictNPlusOne());
    }

    /**
     * Gives the context its queries: the application's, which flush pending changes first, and the flush's own reads
     * (the children of deleted parents), which must not start another flush.
     */
    void queries(Runnable autoflush) {
        this.queries = new SessionQueries(guard, new QueryExecutor(this, autoflush));
    }

    /** The session's transaction handle, for a statement: refused once the session is closed. */
    @Override
    public Transaction transaction() {
        checkOpen();
        return transaction;
    }

    /** Refuses whatever a closed session is asked to do. */
    void checkOpen() {
        if (!open) {
            throw new TenonException("This session is closed; open a new one with db.openSession(metadata)");
        }
    }

    /** The handle itself, to end the transaction whatever the state of the session. */
    Transaction handle() {
        return transaction;
    }

    @Override
    public IdentityMap identityMap() {
        return identityMap;
    }

    @Override
    public IdentityMap readOnlyMap() {
        IdentityMap map = IdentityMap.forReadOnlyResult(ownership);
        readOnlyMaps.add(map);
        return map;
    }

    @Override
    public Metadata metadata() {
        return metadata;
    }

    SessionOptions options() {
        return options;
    }

    Ownership ownership() {
        return ownership;
    }

    ThreadGuard guard() {
        return guard;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** The session is over: so are its read-only results, whose objects are detached like the others. */
    void closed() {
        open = false;
        readOnlyMaps.forEach(IdentityMap::close);
        readOnlyMaps.clear();
    }

    @Override
    public int selectinBatchSize() {
        return options.selectinBatchSize();
    }

    @Override
    public boolean batchLazyLoads() {
        return options.batchLazyLoads();
    }

    @Override
    public NPlusOneDetector nPlusOneDetector() {
        return detector;
    }

    @Override
    public StatementCache statements() {
        return statements;
    }

    /** The application's queries, each run as the session's only thread, after an autoflush. */
    @Override
    public SessionQueries queryRunner() {
        return queries;
    }

    /** Queries that run without an autoflush: the reads a flush makes while it prepares. */
    SessionQueries flushReads() {
        if (flushReads == null) {
            flushReads = new SessionQueries(guard, new QueryExecutor(this, () -> { }));  // made by the first flush that reads
        }
        return flushReads;
    }

    @Override
    public void exclusive(Runnable load) {
        guard.run(load);
    }
}
