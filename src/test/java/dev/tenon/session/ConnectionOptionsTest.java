package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.engine.ConnectionOptions;
import dev.tenon.exception.TenonException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Connection options have sane default timeouts and refuse impossible ones, naming the option and the rule. */
class ConnectionOptionsTest {
    private final ConnectionOptions options = ConnectionOptions.url("jdbc:h2:mem:options");

    @Test
    void theDefaultsBoundConnectingAndWaitingForThePoolButNotStatements() {
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.acquireTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.statementTimeout()).isZero();
        assertThat(options.socketTimeout()).isZero();
        assertThat(options).hasToString("ConnectionOptions[jdbc:h2:mem:options, user=null, maximumPoolSize=10, connectTimeout=10 s, "
                + "acquireTimeout=30 s, statementTimeout=0 ms, socketTimeout=0 ms]");
    }

    @Test
    void aConnectTimeoutMustBePositive() {
        assertThatThrownBy(() -> options.connectTimeout(Duration.ZERO)).isInstanceOf(TenonException.class)
                .hasMessage("connectTimeout must be positive, was 0 ms");
    }

    @Test
    void anAcquireTimeoutBelowHikarisMinimumIsRefused() {
        assertThatThrownBy(() -> options.acquireTimeout(Duration.ofMillis(100))).isInstanceOf(TenonException.class)
                .hasMessage("acquireTimeout must be at least 250 ms (HikariCP's minimum), was 100 ms");
    }

    @Test
    void aNegativeStatementOrSocketTimeoutIsRefused() {
        assertThatThrownBy(() -> options.statementTimeout(Duration.ofSeconds(-1))).isInstanceOf(TenonException.class)
                .hasMessage("statementTimeout must be zero (no limit) or positive, was -1000 ms");
        assertThatThrownBy(() -> options.socketTimeout(null)).isInstanceOf(TenonException.class)
                .hasMessage("socketTimeout must be zero (no limit) or positive, was null");
    }

    @Test
    void aTimeoutIsShownInTheUnitPeopleWriteIt() {
        assertThat(options.connectTimeout(Duration.ofMillis(1500)).statementTimeout(Duration.ofMinutes(2)).toString())
                .contains("connectTimeout=1.5 s").contains("statementTimeout=120 s");
    }
}
