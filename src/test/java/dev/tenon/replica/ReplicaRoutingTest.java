package dev.tenon.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenon.engine.Replicas;
import dev.tenon.engine.StatementKind;
import dev.tenon.engine.WalPosition;
import dev.tenon.exception.ReadOnlyException;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StandbyServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database of a primary and its hot standby: read-only sessions read on the standby, everything else on the primary,
 * and a read-only session sees the commits of the database's sessions before it. On a real standby (see
 * {@code src/test/scripts/standby.sh}); H2 has none, and refuses replicas ({@code ReplicasTest}).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ReplicaRoutingTest {
    /**
     * Long enough that a standby slowed by a busy machine still catches up, so that a test expecting a read on the
     * standby after a commit gets one; the tests of the fall-back to the primary open a fixture with the default.
     */
    private static final Duration PATIENT = Duration.ofSeconds(20);

    @Parameter
    Backend backend;

    ReplicaFixture fixture;

    @BeforeEach
    void open() {
        assumeTrue(backend == Backend.POSTGRES, "H2 has no hot standby; replicas over H2 are refused (ReplicasTest)");
        fixture = ReplicaFixture.open(PATIENT);
    }

    private void impatient() {
        fixture.close();
        fixture = ReplicaFixture.open(Replicas.DEFAULT_READ_YOUR_WRITES_TIMEOUT);
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            assertThat(fixture.activeConnections()).as("connections still in use").isZero();
            fixture.close();
        }
    }

    @Test
    void aReadOnlySessionReadsOnTheStandbyAndAnyOtherOnThePrimary() {
        try (Session reader = fixture.routed.openReadOnlySession(fixture.metadata());
             Session writer = fixture.routed.openSession(fixture.metadata())) {
            assertThat(reader.get(Note.class, 1).text).isEqualTo("first");
            assertThat(ReplicaFixture.onStandby(reader)).isTrue();
            assertThat(reader.isReadOnly()).isTrue();
            assertThat(writer.get(Note.class, 1).text).isEqualTo("first");
            assertThat(ReplicaFixture.onStandby(writer)).isFalse();
            assertThat(writer.isReadOnly()).isFalse();
        }
    }

    @Test
    void aWriteInAReadOnlySessionIsRefusedBeforeAnySql() {
        try (Session reader = fixture.routed.openReadOnlySession(fixture.metadata())) {
            Note note = reader.get(Note.class, 1);
            long before = fixture.routed.statistics().statements();

            assertThatThrownBy(() -> reader.add(new Note(2, "second"))).isInstanceOf(ReadOnlyException.class)
                    .hasMessageContaining("read-only session").hasMessageContaining("db.openSession");
            assertThatThrownBy(() -> reader.delete(note)).isInstanceOf(ReadOnlyException.class);
            note.text = "changed";
            assertThatThrownBy(reader::commit).isInstanceOf(ReadOnlyException.class).hasMessageContaining("UPDATE");

            assertThat(fixture.routed.statistics().statements()).isEqualTo(before);
            assertThat(fixture.routed.statistics().failures()).isZero();
        }
        assertThat(fixture.db.rows("SELECT text FROM replica_note WHERE id = 1").get(0).get(0)).isEqualTo("first");
    }

    @Test
    void aCommitThatWroteReadsItsLogPositionInOneMoreStatement() {
        try (Session writer = fixture.routed.openSession(fixture.metadata())) {
            writer.add(new Note(2, "second"));
            writer.commit();
            assertThat(writer.statistics().statements(StatementKind.INSERT)).isEqualTo(1);
            assertThat(writer.statistics().statements(StatementKind.SELECT)).isEqualTo(1);
            assertThat(writer.statistics().statements()).isEqualTo(2);
            WalPosition position = writer.lastCommitPosition().orElseThrow();
            assertThat(fixture.routed.lastCommitPosition()).contains(position);

            writer.get(Note.class, 1);
            writer.commit();        // only read: nothing to commit, no position
            assertThat(writer.statistics().statements()).isEqualTo(3);
            assertThat(writer.lastCommitPosition()).contains(position);
        }
        try (Session plain = fixture.db.database().openSession(fixture.metadata())) {
            plain.add(new Note(3, "third"));
            plain.commit();
            assertThat(plain.statistics().statements()).isEqualTo(1);
            assertThat(plain.lastCommitPosition()).isEmpty();
        }
    }

    @Test
    void aReadOnlySessionAfterACommitSeesItAndAReplicaKnownToHaveReplayedItIsNotAskedAgain() {
        try (Session reader = fixture.routed.openReadOnlySession(fixture.metadata())) {
            reader.get(Note.class, 1);
        }
        assertThat(fixture.replayChecks()).as("no commit to wait for yet").isZero();
        try (Session writer = fixture.routed.openSession(fixture.metadata())) {
            writer.add(new Note(2, "second"));
            writer.commit();
        }

        try (Session reader = fixture.routed.openReadOnlySession(fixture.metadata())) {
            assertThat(reader.get(Note.class, 2)).isNotNull();
            assertThat(ReplicaFixture.onStandby(reader)).isTrue();
            assertThat(reader.statistics().statements(StatementKind.SELECT)).isEqualTo(1 + fixture.replayChecks());
        }
        int checks = fixture.replayChecks();
        assertThat(checks).isPositive();
        try (Session reader = fixture.routed.openReadOnlySession(fixture.metadata())) {
            assertThat(reader.get(Note.class, 2)).isNotNull();
            assertThat(reader.statistics().statements()).isEqualTo(1);
        }
        assertThat(fixture.replayChecks()).isEqualTo(checks);
    }

    @Test
    void aPositionTheStandbyHasNotReachedSendsTheSessionToThePrimaryAfterTheTimeLimit() {
        impatient();
        WalPosition future = new WalPosition(currentPosition().value() + (1L << 40));
        Duration limit = Replicas.DEFAULT_READ_YOUR_WRITES_TIMEOUT;

        long start = System.nanoTime();
        try (Session reader = fixture.routed.openReadOnlySession(fixture.metadata(), future)) {
            assertThat(reader.get(Note.class, 1).text).isEqualTo("first");
            long waited = System.nanoTime() - start;
            assertThat(ReplicaFixture.onStandby(reader)).isFalse();
            assertThat(reader.isReadOnly()).isTrue();
            assertThatThrownBy(() -> reader.add(new Note(2, "second"))).isInstanceOf(ReadOnlyException.class);
            assertThat(Duration.ofNanos(waited)).isGreaterThanOrEqualTo(limit);
            assertThat(fixture.replayChecks()).isGreaterThan(1);
            System.out.printf("fell back to the primary after %d ms and %d replay checks (limit %d ms)%n", waited / 1_000_000,
                    fixture.replayChecks(), limit.toMillis());
        }
    }

    @Test
    void aReplicaThatStoppedReplayingSendsTheNextReaderToThePrimaryWhichHasTheCommit() throws Exception {
        impatient();
        try (var standby = StandbyServer.connect()) {
            StandbyServer.text(standby, "SELECT pg_wal_replay_pause()");
            try {
                try (Session writer = fixture.routed.openSession(fixture.metadata())) {
                    writer.add(new Note(2, "second"));
                    writer.commit();
                }
                try (Session reader = fixture.routed.openReadOnlySession(fixture.metadata())) {
                    assertThat(reader.get(Note.class, 2)).as("read on the primary").isNotNull();
                    assertThat(ReplicaFixture.onStandby(reader)).isFalse();
                }
                assertThat(StandbyServer.text(standby, "SELECT count(*) FROM replica_note WHERE id = 2")).as("the standby is behind")
                        .isEqualTo("0");
            } finally {
                StandbyServer.text(standby, "SELECT pg_wal_replay_resume()");
            }
        }
    }

    @Test
    void readOnlySessionsTakeTheReplicasInTurn() {
        fixture.close();
        fixture = ReplicaFixture.open(Replicas.of(StandbyServer.url(), StandbyServer.url()).readYourWritesTimeout(PATIENT));
        var pools = fixture.routed.replicaDataSources();
        assertThat(pools).hasSize(2);
        try (Session first = fixture.routed.openReadOnlySession(fixture.metadata());
             Session second = fixture.routed.openReadOnlySession(fixture.metadata())) {
            first.get(Note.class, 1);
            assertThat(ReplicaFixture.active(pools.get(0))).isEqualTo(1);
            assertThat(ReplicaFixture.active(pools.get(1))).isZero();
            second.get(Note.class, 1);
            assertThat(ReplicaFixture.active(pools.get(1))).isEqualTo(1);
            assertThat(ReplicaFixture.active(fixture.routed.dataSource())).isZero();
        }
    }

    private WalPosition currentPosition() {
        return WalPosition.parse(String.valueOf(fixture.db.rows("SELECT pg_current_wal_insert_lsn()::text").get(0).get(0)));
    }
}
