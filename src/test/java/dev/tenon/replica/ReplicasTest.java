package dev.tenon.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.Database;
import dev.tenon.engine.ConnectionOptions;
import dev.tenon.engine.Replicas;
import dev.tenon.engine.WalPosition;
import dev.tenon.exception.TenonException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replica settings refuse what cannot work, naming the fix; WAL positions read and print as PostgreSQL does and order
 * as its log does. H2 has no standby, hence no replicas.
 */
class ReplicasTest {
    @Test
    void replicasMustBePostgresUrls() {
        assertThatThrownBy(() -> Replicas.of("jdbc:h2:mem:replica")).isInstanceOf(TenonException.class)
                .hasMessageStartingWith("Not a PostgreSQL replica URL: 'jdbc:h2:mem:replica'");
        assertThatThrownBy(() -> Replicas.of((String) null)).isInstanceOf(TenonException.class)
                .hasMessageStartingWith("Not a PostgreSQL replica URL: 'null'");
        assertThatThrownBy(Replicas::of).isInstanceOf(TenonException.class).hasMessageContaining("Replicas.NONE");
    }

    @Test
    void theReadYourWritesTimeoutDefaultsToASecondAndMayNotBeNegative() {
        Replicas replicas = Replicas.of("jdbc:postgresql://127.0.0.1:55432/test");
        assertThat(replicas.readYourWritesTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(replicas.readYourWritesTimeout(Duration.ZERO).readYourWritesTimeout()).isZero();
        assertThatThrownBy(() -> replicas.readYourWritesTimeout(Duration.ofMillis(-5))).isInstanceOf(TenonException.class)
                .hasMessage("readYourWritesTimeout must be zero (read on the primary at once) or positive, was -5 ms");
        assertThat(replicas.urls()).containsExactly("jdbc:postgresql://127.0.0.1:55432/test");
        assertThat(Replicas.NONE.isEmpty()).isTrue();
    }

    @Test
    void replicasOverH2AreRefusedAndThePoolClosed() throws Exception {
        String url = "jdbc:h2:mem:replicas_refused";
        try (Connection keeper = DriverManager.getConnection(url)) {
            assertThatThrownBy(() -> Database.connect(ConnectionOptions.url(url), Replicas.of("jdbc:postgresql://127.0.0.1:1/none")))
                    .isInstanceOf(TenonException.class).hasMessageStartingWith("Read replicas need PostgreSQL")
                    .hasMessageContaining("H2").hasMessageContaining("connect without Replicas");
            // Nothing of the refused database holds a connection any more: only the keeper's session is left.
            try (var sessions = keeper.createStatement().executeQuery("SELECT count(*) FROM information_schema.sessions")) {
                sessions.next();
                assertThat(sessions.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void aWalPositionReadsAndPrintsAsPostgresShowsIt() {
        WalPosition position = WalPosition.parse("16/B374D848");
        assertThat(position.value()).isEqualTo(0x16B374D848L);
        assertThat(position).hasToString("16/B374D848");
        assertThat(WalPosition.parse("0/0")).hasToString("0/0");
        assertThat(WalPosition.parse("FFFFFFFF/FFFFFFFF").value()).isEqualTo(-1L);
    }

    @Test
    void walPositionsOrderAsTheLogDoesAllSixtyFourBitsUnsigned() {
        List<WalPosition> positions = List.of(WalPosition.parse("FFFFFFFF/0"), WalPosition.parse("0/3000148"), WalPosition.parse("1/0"));
        assertThat(positions.stream().sorted().map(WalPosition::toString)).containsExactly("0/3000148", "1/0", "FFFFFFFF/0");
        assertThat(WalPosition.parse("1/0").reached(WalPosition.parse("0/FFFFFFFF"))).isTrue();
        assertThat(WalPosition.parse("1/0").reached(WalPosition.parse("1/0"))).isTrue();
        assertThat(WalPosition.parse("0/FFFFFFFF").reached(WalPosition.parse("1/0"))).isFalse();
    }

    @Test
    void aMalformedWalPositionIsRefusedWithTheExpectedForm() {
        for (String text : new String[] {"3000148", "/1", "1/", "G/1", "100000000/0", null}) {
            assertThatThrownBy(() -> WalPosition.parse(text)).as(text).isInstanceOf(TenonException.class)
                    .hasMessageStartingWith("Not a WAL position: '" + text + "'").hasMessageContaining("0/3000148");
        }
    }
}
