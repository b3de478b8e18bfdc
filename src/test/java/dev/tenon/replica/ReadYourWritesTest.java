package dev.tenon.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenon.engine.Replicas;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StandbyServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The row a session has just committed, read back on the standby at once: through the routed database never stale,
 * since the read-only session waits for the commit's log position; read straight on the standby, often missing. Both
 * counts are printed (the README's figures: {@code mvn test -Dtest=ReadYourWritesTest}).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ReadYourWritesTest {
    static final int ROUND_TRIPS = 300;

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
            assertThat(fixture.activeConnections()).as("connections still in use").isZero();
            fixture.close();
        }
    }

    @Test
    void aReadOnlySessionAfterACommitNeverReadsOlderData() {
        int stale = 0;
        int onStandby = 0;
        for (int id = 100; id < 100 + ROUND_TRIPS; id++) {
            commit(id);
            try (Session reader = fixture.routed.openReadOnlySession(fixture.metadata())) {
                if (reader.get(Note.class, id) == null) {
                    stale++;
                }
                long replayChecks = reader.statistics().statements() - 1;
                assertThat(replayChecks).isBetween(0L, 40L);
                onStandby += ReplicaFixture.onStandby(reader) ? 1 : 0;
            }
        }
        System.out.printf("read-your-writes through the routed Database: %d stale reads in %d round trips "
                + "(%d replay checks; %d sessions read on the standby, the others on the primary)%n", stale, ROUND_TRIPS, fixture.replayChecks(), onStandby);
        assertThat(stale).isZero();
        assertThat(fixture.routed.lastCommitPosition()).isPresent();
    }

    @Test
    void aPlainReadOnTheStandbyRightAfterACommitMayMissTheRow() throws SQLException {
        int missed = 0;
        try (Connection standby = StandbyServer.connect();
             PreparedStatement find = standby.prepareStatement("SELECT 1 FROM replica_note WHERE id = ?")) {
            for (int id = 100; id < 100 + ROUND_TRIPS; id++) {
                commit(id);
                find.setInt(1, id);
                try (ResultSet row = find.executeQuery()) {
                    missed += row.next() ? 0 : 1;
                }
            }
        }
        System.out.printf("plain reads on the standby right after the commit: %d of %d missed the row%n", missed, ROUND_TRIPS);
        assertThat(missed).isBetween(0, ROUND_TRIPS);
        StandbyServer.catchUp();
        assertThat(fixture.db.rows("SELECT count(*) FROM replica_note").get(0).get(0)).isEqualTo(1L + ROUND_TRIPS);
    }

    private void commit(int id) {
        try (Session writer = fixture.routed.openSession(fixture.metadata())) {
            writer.add(new Note(id, "note " + id));
            writer.commit();
        }
    }
}
