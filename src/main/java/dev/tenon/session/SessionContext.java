package dev.tenon.session;

import dev.tenon.engine.Executor;
import dev.tenon.engine.Statistics;
import dev.tenon.identity.IdentityMap;
import dev.tenon.loading.LoadContext;
import dev.tenon.loading.NPlusOneDetector;
import dev.tenon.loading.StatementCache;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.QueryRunner;
import dev.tenon.sql.Dialect;
import java.sql.Connection;

/** The session as the loaders see it: its connection, identity map, settings and statistics. */
final class SessionContext implements LoadContext {
    private final Session session;

    SessionContext(Session session) {
        this.session = session;
    }

    @Override
    public Connection connection() {
        return session.connection();
    }

    @Override
    public Executor executor() {
        return session.database().executor();
    }

    @Override
    public Dialect dialect() {
        return session.database().dialect();
    }

    @Override
    public Statistics statistics() {
        return session.statistics();
    }

    @Override
    public IdentityMap identityMap() {
        return session.identityMap();
    }

    @Override
    public StatementCache statements() {
        return session.database().statements();
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
        return session.options().selectinBatchSize();
    }

    @Override
    public boolean batchLazyLoads() {
        return session.options().batchLazyLoads();
    }

    @Override
    public NPlusOneDetector nPlusOneDetector() {
        return session.nPlusOneDetector();
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
