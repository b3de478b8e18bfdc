package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenon.Database;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.CommitOutcomeUnknownException;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.CuttingProxy;
import dev.tenon.testing.Isolated;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Database.transact}: a unit of work that runs again, from its first read, after a conflict with a concurrent
 * transaction, and only then. The units run at SERIALIZABLE, where a read-modify-write that raced another is refused
 * instead of losing the other's update.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class RetryingUnitTest {
    private static final BigDecimal HUNDRED = new BigDecimal("100.00");

    @Parameter
    Backend backend;

    TestDb db;
    Database serializable;
    final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Scott.load(db);
        serializable = Database.of(Isolated.serializable(db.database().dataSource()))
                .retry(Retry.DEFAULT.initialBackoff(Duration.ofMillis(1)));
    }

    @AfterEach
    void close() {
        if (db != null) {
            assertThat(activeConnections()).as("connections not given back to the pool").isZero();
            db.close();
        }
    }

    private int activeConnections() {
        return ((HikariDataSource) db.database().dataSource()).getHikariPoolMXBean().getActiveConnections();
    }

    private BigDecimal salary() {
        return new BigDecimal(db.rows("SELECT sal FROM scott.emp WHERE empno = 7369").get(0).get(0).toString());
    }

    /** Another transaction raises SMITH and commits, in between a unit's read and its write. */
    private void raiseElsewhere() {
        db.database().transact(db.metadata(), Retry.NONE, RetryingUnitTest::raise);
    }

    private static void raise(Session session) {
        Emp smith = session.get(Emp.class, 7369);
        smith.sal = smith.sal.add(HUNDRED);
    }

    @Test
    void aConflictRunsTheWholeWorkAgainFromItsFirstReadSoThatNoRaiseIsLost() {
        BigDecimal start = salary();

        serializable.transact(db.metadata(), session -> {
            Emp smith = session.get(Emp.class, 7369);
            if (attempts.incrementAndGet() == 1) {
                raiseElsewhere();
            }
            smith.sal = smith.sal.add(HUNDRED);
        });

        assertThat(attempts).hasValue(2);
        assertThat(salary()).isEqualByComparingTo(start.add(HUNDRED).add(HUNDRED));
        // Each attempt: the SELECT of SMITH and the UPDATE; the first UPDATE was refused, counted as a failure.
        assertThat(serializable.statistics().statements()).isEqualTo(3);
        assertThat(serializable.statistics().failures()).isEqualTo(1);
    }

    @Test
    void theResultIsWhatTheLastAttemptReturned() {
        String job = serializable.transactResult(db.metadata(), session -> {
            Emp smith = session.get(Emp.class, 7369);
            int attempt = attempts.incrementAndGet();
            if (attempt == 1) {
                raiseElsewhere();
            }
            smith.sal = smith.sal.add(HUNDRED);
            return smith.job + " " + attempt;
        });

        assertThat(job).isEqualTo("CLERK 2");
    }

    @Test
    void itGivesUpAfterItsAttemptsWithTheLastFailureAndTheEarlierOnesSuppressed() {
        BigDecimal start = salary();

        Throwable thrown = catchThrowable(() -> serializable.transact(db.metadata(), Retry.DEFAULT.maxAttempts(3).initialBackoff(Duration.ZERO),
                session -> {
                    Emp smith = session.get(Emp.class, 7369);
                    attempts.incrementAndGet();
                    raiseElsewhere();
                    smith.sal = smith.sal.add(HUNDRED);
                }));

        assertThat(thrown).isInstanceOf(SqlExecutionException.class);
        assertThat(((SqlExecutionException) thrown).isConflict()).isTrue();
        assertThat(thrown.getSuppressed()).hasSize(2).allMatch(e -> e instanceof SqlExecutionException sql && sql.isConflict());
        assertThat(attempts).hasValue(3);
        assertThat(salary()).as("only the three raises made elsewhere").isEqualByComparingTo(start.add(new BigDecimal("300.00")));
    }

    @Test
    void aFailureThatIsNoConflictIsThrownAtOnce() {
        SqlExecutionException e = catchThrowableOfType(SqlExecutionException.class, () -> serializable.transact(db.metadata(), session -> {
            attempts.incrementAndGet();
            session.add(new Dept(10, "DUPLICATE", "NOWHERE"));
        }));

        assertThat(e.isConstraintViolation()).isTrue();
        assertThat(e.getSuppressed()).isEmpty();
        assertThat(attempts).hasValue(1);
    }

    @Test
    void concurrentWritersCountEveryIncrementExactlyOnce() throws InterruptedException {
        BigDecimal start = salary();
        int writers = 4;
        int increments = 10;
        Retry patient = Retry.DEFAULT.maxAttempts(200).initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(20));
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < increments; i++) {
                        serializable.transact(db.metadata(), patient, session -> {
                            attempts.incrementAndGet();
                            Emp smith = session.get(Emp.class, 7369);
                            smith.sal = smith.sal.add(BigDecimal.ONE);
                        });
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        int units = writers * increments;
        assertThat(salary()).as("lost updates").isEqualByComparingTo(start.add(BigDecimal.valueOf(units)));
        assertThat(attempts.get()).isGreaterThanOrEqualTo(units);
        System.out.printf("%s: %d units of work, %d attempts, %d conflicts retried, lost updates 0, active connections %d%n", backend,
                units, attempts.get(), attempts.get() - units, activeConnections());
    }

    @Test
    void aConnectionLostBeforeTheCommitIsRetriedOnANewConnectionAndNothingIsHalfWritten() {
        assumeTrue(backend == Backend.POSTGRES, "H2 in memory has no server connection to terminate");
        BigDecimal start = salary();

        serializable.transact(db.metadata(), session -> {
            raise(session);
            session.flush();
            if (attempts.incrementAndGet() == 1) {
                int pid = session.withConnection(connection -> {
                    try (var statement = connection.createStatement(); var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
                        rows.next();
                        return rows.getInt(1);
                    }
                });
                db.rows("SELECT pg_terminate_backend(?)", pid);
                session.get(Emp.class, 7499);   // the next statement meets the dead connection
            }
        });

        assertThat(attempts).hasValue(2);
        assertThat(salary()).isEqualByComparingTo(start.add(HUNDRED));
    }

    @Test
    void aCommitWhoseOutcomeIsUnknownIsNeverRetried() throws Exception {
        assumeTrue(backend == Backend.POSTGRES, "the relay that cuts a commit short speaks to PostgreSQL");
        try (CuttingProxy proxy = CuttingProxy.toPostgres(); Database through = proxy.connect(2)) {
            Throwable thrown = catchThrowable(() -> through.transact(db.metadata(), session -> {
                attempts.incrementAndGet();
                session.add(new Dept(50, "LEGAL", "AUSTIN"));
                session.flush();
                proxy.cutAfterNextCommit();
            }));

            assertThat(thrown).isInstanceOf(CommitOutcomeUnknownException.class);
            assertThat(attempts).hasValue(1);
            assertThat(db.rows("SELECT COUNT(*) FROM scott.dept")).containsExactly(List.of(5L));
        }
    }
}
