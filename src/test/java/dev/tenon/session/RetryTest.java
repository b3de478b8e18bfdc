package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.exception.CommitOutcomeUnknownException;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.StaleDataException;
import dev.tenon.exception.TenonException;
import dev.tenon.exception.TransactionRolledBackException;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a {@link Retry} policy retries, and how long it waits: no database needed. */
class RetryTest {
    private static SqlExecutionException failed(String sqlState) {
        return new SqlExecutionException("running a statement", "UPDATE t SET x = ?", new SQLException("refused", sqlState));
    }

    @Test
    void conflictsAndDeadlocksAreRetriedAndOtherFailuresAreNot() {
        assertThat(Retry.DEFAULT.retries(failed("40001"))).isTrue();
        assertThat(Retry.DEFAULT.retries(failed("40P01"))).isTrue();
        assertThat(Retry.DEFAULT.retries(failed("90131"))).isTrue();
        assertThat(Retry.DEFAULT.retries(failed("23505"))).isFalse();
        assertThat(Retry.DEFAULT.retries(new TenonException("not mapped"))).isFalse();
        assertThat(Retry.DEFAULT.retries(new IllegalStateException("the application's own"))).isFalse();
    }

    @Test
    void aTransactionLostToAConflictIsRetriedAndOneLostOtherwiseIsNot() {
        assertThat(Retry.DEFAULT.retries(new TransactionRolledBackException("lost", failed("40001")))).isTrue();
        assertThat(Retry.DEFAULT.retries(new TransactionRolledBackException("lost", failed("23503")))).isFalse();
    }

    @Test
    void aRowWhoseVersionMovedIsRetriedSinceTheNewAttemptReadsItAgain() {
        assertThat(Retry.DEFAULT.retries(new StaleDataException(Object.class, 1, 3L, false))).isTrue();
    }

    @Test
    void aConflictWrappedByTheApplicationIsFoundInTheCauses() {
        assertThat(Retry.DEFAULT.retries(new IllegalStateException("wrapped", failed("40001")))).isTrue();
    }

    @Test
    void aLostConnectionIsRetriedOnlyWhenThePolicySaysSo() {
        assertThat(Retry.DEFAULT.retries(failed("08006"))).isTrue();
        assertThat(Retry.DEFAULT.retries(failed("57P01"))).isTrue();
        assertThat(Retry.DEFAULT.onConnectionLoss(false).retries(failed("08006"))).isFalse();
    }

    @Test
    void anUnknownCommitOutcomeIsNeverRetriedWhateverItWraps() {
        CommitOutcomeUnknownException unknown = new CommitOutcomeUnknownException("unknown", new SQLException("cut", "08006"));
        assertThat(Retry.DEFAULT.retries(unknown)).isFalse();
        assertThat(Retry.DEFAULT.retries(new IllegalStateException("wrapped", unknown))).isFalse();
    }

    @Test
    void waitsAreRandomWithinABoundThatDoublesUpToTheMaximum() {
        Retry retry = Retry.DEFAULT.initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(35));
        for (int i = 0; i < 200; i++) {
            assertThat(retry.backoff(2)).isBetween(Duration.ZERO, Duration.ofMillis(10));
            assertThat(retry.backoff(3)).isBetween(Duration.ZERO, Duration.ofMillis(20));
            assertThat(retry.backoff(9)).isBetween(Duration.ZERO, Duration.ofMillis(35));
        }
        assertThat(Retry.NONE.backoff(2)).isEqualTo(Duration.ZERO);
    }

    @Test
    void badSettingsAreRefusedWithTheRuleBroken() {
        assertThatThrownBy(() -> Retry.DEFAULT.maxAttempts(0)).isInstanceOf(TenonException.class)
                .hasMessage("maxAttempts must be at least 1, was 0");
        assertThatThrownBy(() -> Retry.DEFAULT.initialBackoff(Duration.ofMillis(-1))).isInstanceOf(TenonException.class)
                .hasMessageContaining("zero or more");
    }
}
