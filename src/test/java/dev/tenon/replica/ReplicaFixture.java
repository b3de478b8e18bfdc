package dev.tenon.replica;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenon.Database;
import dev.tenon.engine.Replicas;
import dev.tenon.metadata.Metadata;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StandbyServer;
import dev.tenon.testing.TestDb;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One replica test's databases: the primary alone ({@link #db}, which creates the table and drops it at the end)
 * and a {@link Database} over the primary and the standby ({@link #routed}), with the replay checks it ran counted.
 * The table and its first row are on the standby before the test begins.
 */
final class ReplicaFixture implements AutoCloseable {
    final TestDb db;
    final Database routed;
    private final AtomicInteger replayChecks = new AtomicInteger();

    private ReplicaFixture(TestDb db, Database routed) {
        this.db = db;
        this.routed = routed;
        routed.addListener((kind, sql, params, nanos, rows) -> {
            if (sql.contains("pg_last_wal_replay_lsn")) {
                replayChecks.incrementAndGet();
            }
        });
    }

    /** The fixture over the standby as {@code replicas} (at least one of its URLs) say; PostgreSQL only. */
    static ReplicaFixture open(Replicas replicas) {
        StandbyServer.require();
        TestDb db = Backend.POSTGRES.open(Note.class);
        try {
            db.execute("INSERT INTO replica_note (id, text) VALUES (1, 'first')");
            StandbyServer.catchUp();
            return new ReplicaFixture(db, StandbyServer.connect(replicas));
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    /** The fixture with the standby as the one replica, and {@code readYourWritesTimeout} as given. */
    static ReplicaFixture open(java.time.Duration readYourWritesTimeout) {
        return open(Replicas.of(StandbyServer.url()).readYourWritesTimeout(readYourWritesTimeout));
    }

    Metadata metadata() {
        return db.metadata();
    }

    /** The replay checks the routed database ran so far. */
    int replayChecks() {
        return replayChecks.get();
    }

    /** Whether the session's connection is a standby's: {@code pg_is_in_recovery()} through plain JDBC in the session. */
    static boolean onStandby(Session session) {
        return session.withConnection(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT pg_is_in_recovery()")) {
                row.next();
                return row.getBoolean(1);
            }
        });
    }

    /** The server process of the session's connection, to terminate it from elsewhere. */
    static int backendPid(Session session) {
        return session.withConnection(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    /** Connections of the pool in use (HikariCP's count): 0 once every session is closed, unless one leaked. */
    static int active(DataSource pool) {
        return ((HikariDataSource) pool).getHikariPoolMXBean().getActiveConnections();
    }

    /** Connections in use over the primary's pool and every replica's. */
    int activeConnections() {
        return active(routed.dataSource()) + routed.replicaDataSources().stream().mapToInt(ReplicaFixture::active).sum();
    }

    @Override
    public void close() {
        try {
            routed.close();
        } finally {
            db.close();
        }
    }
}
