package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenon.exception.IdentityException;
import dev.tenon.exception.StaleDataException;
import dev.tenon.session.OptimisticLockingTest.Account;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @Version} meeting the other ways to write: a retrying unit of work reads a stale row again, a merged
 * detached object is checked against the version it was read with, and an upsert, which cannot check one, is refused.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class VersionedUnitsTest {
    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.open(Account.class);
        db.database().transact(db.metadata(), session -> session.add(new Account(1, "ada", 100)));
        db.database().statistics().reset();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Object> row() {
        return db.rows("SELECT balance, version FROM optimistic.account WHERE id = 1").get(0);
    }

    private void depositElsewhere(int amount) {
        db.database().transact(db.metadata(), Retry.NONE, session -> session.get(Account.class, 1).balance += amount);
    }

    @Test
    void aRetryingUnitReadsAStaleRowAgainAndLosesNoDeposit() {
        AtomicInteger attempts = new AtomicInteger();

        db.database().transact(db.metadata(), Retry.DEFAULT.initialBackoff(Duration.ZERO), session -> {
            Account account = session.get(Account.class, 1);
            if (attempts.incrementAndGet() == 1) {
                depositElsewhere(50);
            }
            account.balance += 10;
        });

        assertThat(attempts).hasValue(2);
        assertThat(row()).containsExactly(160, 3L);
    }

    @Test
    void aMergedObjectIsCheckedAgainstTheVersionItWasReadWith() {
        Account detached;
        try (Session earlier = db.database().openSession(db.metadata())) {
            detached = earlier.get(Account.class, 1);
        }
        depositElsewhere(50);
        detached.balance = 0;

        try (Session session = db.database().openSession(db.metadata())) {
            Account merged = session.merge(detached);
            assertThat(merged.version).as("the version the edit was made on").isEqualTo(1);

            StaleDataException e = catchThrowableOfType(StaleDataException.class, session::commit);

            assertThat(e.id()).isEqualTo(1);
        }
        assertThat(row()).as("the deposit made elsewhere is not overwritten").containsExactly(150, 2L);
    }

    @Test
    void anUpsertOfAVersionedEntityIsRefusedBeforeAnySql() {
        try (Session session = db.database().openSession(db.metadata())) {
            assertThatThrownBy(() -> session.upsert(new Account(1, "ada", 0))).isInstanceOf(IdentityException.class)
                    .hasMessageContaining("has a @Version (version), which an upsert cannot check");
            assertThat(session.statistics().statements()).isZero();
        }
    }
}
