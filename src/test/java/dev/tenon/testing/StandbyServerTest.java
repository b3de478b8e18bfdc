package dev.tenon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The standby's URL names the primary's database on the standby's port, unless the environment names one. */
class StandbyServerTest {
    @Test
    void theStandbyReadsTheDatabaseOfThePrimaryOnTheScriptsPort() {
        assertThat(StandbyServer.replicaUrl(null, "jdbc:postgresql://127.0.0.1:5432/test_replicas"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:55432/test_replicas");
        assertThat(StandbyServer.replicaUrl("", "jdbc:postgresql://db.example:5433/shop?sslmode=disable"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:55432/shop?sslmode=disable");
    }

    @Test
    void aConfiguredReplicaUrlIsTakenAsItIs() {
        assertThat(StandbyServer.replicaUrl("jdbc:postgresql://standby:5432/other", "jdbc:postgresql://127.0.0.1:5432/test"))
                .isEqualTo("jdbc:postgresql://standby:5432/other");
    }
}
