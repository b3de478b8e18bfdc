package dev.tenon.loading;

import dev.tenon.engine.Transaction;
import dev.tenon.identity.IdentityMap;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.QueryRunner;

/**
 * The session as a read-only result sees it: the same transaction, settings and N+1 detector, but an identity map of
 * the result's own. Rows of the same object give one object within the result (and within the lazy loads of its
 * objects later), while nothing is added to the session's unit of work, so nothing of it is ever flushed.
 */
final class ReadOnlyContext implements LoadContext {
    private final LoadContext session;
    private final IdentityMap identityMap;

    ReadOnlyContext(LoadContext session) {
        this.session = session;
        this.identityMap = session.readOnlyMap();
    }

    @Override
    public Transaction transaction() {
        return session.transaction();
    }

    @Override
    public IdentityMap identityMap() {
        return identityMap;
    }

    @Override
    public IdentityMap readOnlyMap() {
        return identityMap;
    }

    @Override
    public Metadata metadata() {
        return session.metadata();
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public int selectinBatchSize() {
        return session.selectinBatchSize();
    }

    @Override
    public boolean batchLazyLoads() {
        return session.batchLazyLoads();
    }

    @Override
    public NPlusOneDetector nPlusOneDetector() {
        return session.nPlusOneDetector();
    }

    @Override
    public StatementCache statements() {
        return session.statements();
    }

    @Override
    public QueryRunner queryRunner() {
        return session.queryRunner();
    }

    @Override
    public void exclusive(Runnable load) {
        session.exclusive(load);
    }
}
