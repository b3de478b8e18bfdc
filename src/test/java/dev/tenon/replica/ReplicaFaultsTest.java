package dev.tenon.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenon.engine.Replicas;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.session.Retry;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StandbyServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The servers end the connections of a routed database under its sessions ({@code pg_terminate_backend}, a standby's
 * recovery conflict): each session gets a clear error, nothing half-written stays, and every connection is back in
 * its pool at the end (HikariCP's counters, checked after each test).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ReplicaFaultsTest {
    @Parameter
    Backend backend;

    ReplicaFixture fixture;

    @BeforeEach
    void open() {
        assumeTrue(backend == Backend.POSTGRES, "H2 has no hot standby; replicas over H2 are refused (ReplicasTest)");
        fixture = ReplicaFixture.open(Replicas.DEFAULT_READ_YOUR_WRITES_TIMEOUT);
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            assertThat(fixture.activeConnections()).as("connections leaked").isZero();
            fixture.close();
        }
    }

    @Test
    void aReadOnlySessionWhoseReplicaConnectionIsTerminatedFailsClearlyAndThenReadsOnAFreshOne() throws SQLException {
        try (Session reader = fixture.routed.openReadOnlySession(fixture.metadata())) {
            assertThat(reader.get(Note.class, 1)).isNotNull();
            try (Connection standby = StandbyServer.connect()) {
                terminate(standby, ReplicaFixture.backendPid(reader));
            }

            SqlExecutionException failure = catchThrowableOfType(SqlExecutionException.class, () -> reader.select(Note.class).list());
            assertThat(failure.isConnectionFailure()).as(failure.getMessage()).isTrue();
            assertThat(failure.getMessage()).contains("SQL: SELECT");

            reader.rollback();
            assertThat(reader.select(Note.class).list()).hasSize(1);
            assertThat(ReplicaFixture.onStandby(reader)).isTrue();
        }
    }

    @Test
    void aSessionWhosePrimaryConnectionIsTerminatedMidTransactionWritesNothing() throws SQLException {
        try (Session writer = fixture.routed.openSession(fixture.metadata())) {
            writer.add(new Note(2, "second"));
            writer.flush();
            try (Connection primary = StandbyServer.connectPrimary()) {
                terminate(primary, ReplicaFixture.backendPid(writer));
            }
            writer.add(new Note(3, "third"));

            SqlExecutionException failure = catchThrowableOfType(SqlExecutionException.class, writer::commit);
            assertThat(failure.isConnectionFailure()).as(failure.getMessage()).isTrue();
            assertThat(writer.lastCommitPosition()).isEmpty();
        }
        assertThat(fixture.db.rows("SELECT id FROM replica_note ORDER BY id")).containsExactly(java.util.List.of(1));
        assertThat(fixture.routed.lastCommitPosition()).isEmpty();
    }

    /**
     * A standby cancels a query that holds up the replay of the primary's log for longer than its
     * {@code max_standby_streaming_delay} (the script sets 1 s): here a query holding a lock the primary's
     * {@code LOCK TABLE} needs. PostgreSQL reports it as a serialization failure, a conflict to retry.
     */
    @Test
    void aRecoveryConflictOnTheStandbyIsAConflictToRetry() throws Exception {
        try (Session reader = fixture.routed.openReadOnlySession(fixture.metadata())) {
            CompletableFuture<RuntimeException> running = CompletableFuture.supplyAsync(() -> {
                try {
                    reader.withConnection(connection -> {
                        try (Statement statement = connection.createStatement()) {
                            return statement.execute("SELECT pg_sleep(30) FROM replica_note");
                        }
                    });
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            try (Connection standby = StandbyServer.connect(); Connection primary = StandbyServer.connectPrimary()) {
                awaitSleeping(standby);
                primary.setAutoCommit(false);
                try (Statement lock = primary.createStatement()) {
                    lock.execute("LOCK TABLE replica_note IN ACCESS EXCLUSIVE MODE");
                }
                primary.commit();
            }

            RuntimeException failure = running.get(60, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOf(SqlExecutionException.class);
            SqlExecutionException conflict = (SqlExecutionException) failure;
            assertThat(conflict.sqlState()).isEqualTo("40001");
            assertThat(conflict.isConflict()).isTrue();
            assertThat(conflict.getMessage()).contains("conflict with recovery");
            reader.rollback();
        }
    }

    @Test
    void aRetryingReadOnlyUnitRunsAgainAfterARecoveryConflict() {
        AtomicInteger attempts = new AtomicInteger();

        int notes = fixture.routed.transactReadOnly(fixture.metadata(), Retry.DEFAULT.initialBackoff(Duration.ofMillis(5)), session -> {
            assertThat(ReplicaFixture.onStandby(session)).isTrue();
            if (attempts.incrementAndGet() == 1) {
                CompletableFuture<Void> replay = CompletableFuture.runAsync(ReplicaFaultsTest::lockTableOnPrimaryOnceSleeping);
                session.withConnection(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        return statement.execute("SELECT pg_sleep(30) FROM replica_note");
                    }
                });
                replay.join();
            }
            return session.select(Note.class).list().size();
        });

        assertThat(attempts).as("the first attempt cancelled by the standby's recovery, the second read").hasValue(2);
        assertThat(notes).isEqualTo(1);
    }

    /** What the primary does while a standby query sleeps: a change whose replay needs that query gone. */
    private static void lockTableOnPrimaryOnceSleeping() {
        try (Connection standby = StandbyServer.connect(); Connection primary = StandbyServer.connectPrimary()) {
            awaitSleeping(standby);
            primary.setAutoCommit(false);
            try (Statement lock = primary.createStatement()) {
                lock.execute("LOCK TABLE replica_note IN ACCESS EXCLUSIVE MODE");
            }
            primary.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Terminates the server process {@code pid} and waits until it is gone. */
    private static void terminate(Connection server, int pid) throws SQLException {
        try (PreparedStatement kill = server.prepareStatement("SELECT pg_terminate_backend(?)")) {
            kill.setInt(1, pid);
            try (ResultSet row = kill.executeQuery()) {
                row.next();
                assertThat(row.getBoolean(1)).isTrue();
            }
        }
        try (PreparedStatement alive = server.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
            alive.setInt(1, pid);
            for (int i = 0; i < 250; i++) {
                try (ResultSet row = alive.executeQuery()) {
                    row.next();
                    if (row.getInt(1) == 0) {
                        return;
                    }
                }
                pause();
            }
        }
        throw new AssertionError("server process " + pid + " still there 5 s after pg_terminate_backend");
    }

    /** Waits until the standby runs the session's sleeping query, which then holds its lock on the table. */
    private static void awaitSleeping(Connection standby) throws SQLException {
        for (int i = 0; i < 250; i++) {
            String running = StandbyServer.text(standby, "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                    + "AND query LIKE 'SELECT pg_sleep(30)%'");
            if ("1".equals(running)) {
                return;
            }
            pause();
        }
        throw new AssertionError("the session's query did not start on the standby within 5 s");
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
