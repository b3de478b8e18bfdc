package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.tenon.Database;
import dev.tenon.api.Status;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.CommitOutcomeUnknownException;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.CuttingProxy;
import dev.tenon.testing.TestDb;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server ends the session's connection in the middle of a transaction ({@code pg_terminate_backend}, as an
 * administrator, a failover or a crash would): the transaction is gone, and the session must say so and put its
 * objects back, never leave them PERSISTENT for rows that were never written. PostgreSQL only: H2 in memory has
 * no backend to kill.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class DeadConnectionTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        assumeTrue(backend == Backend.POSTGRES, "H2 in memory has no server connection to terminate");
        db = backend.open(Dept.class, Emp.class);
        Scott.load(db);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        if (db != null) {
            session.close();
            HikariPoolMXBean pool = ((HikariDataSource) db.database().dataSource()).getHikariPoolMXBean();
            assertThat(pool.getActiveConnections()).as("connections not given back to the pool").isZero();
            db.close();
        }
    }

    /** Terminates the one backend of this database that is inside a transaction: the session's. */
    private void killTheSessionsConnection() {
        List<List<Object>> killed = db.rows("SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'");
        assertThat(killed).hasSize(1);
        Object pid = killed.get(0).get(0);
        for (int i = 0; i < 100 && !db.rows("SELECT 1 FROM pg_stat_activity WHERE pid = ?", pid).isEmpty(); i++) {
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long depts() {
        return ((Number) db.rows("SELECT COUNT(*) FROM scott.dept").get(0).get(0)).longValue();
    }

    @Test
    void aFlushWhoseConnectionDiesPutsEveryObjectOfTheTransactionBack() {
        Dept legal = new Dept(50, "LEGAL", "AUSTIN");
        session.add(legal);
        session.flush();
        killTheSessionsConnection();
        Dept pr = new Dept(60, "PR", "MIAMI");
        session.add(pr);

        SqlExecutionException e = catchThrowableOfType(SqlExecutionException.class, session::flush);

        assertThat(e.isConnectionFailure()).isTrue();
        assertThat(session.status(legal)).isEqualTo(Status.PENDING);
        assertThat(session.status(pr)).isEqualTo(Status.PENDING);
        session.commit();
        assertThat(depts()).isEqualTo(6);
    }

    @Test
    void aQueryWhoseConnectionDiesLosesTheTransactionAndCommitSaysSo() {
        Dept legal = new Dept(50, "LEGAL", "AUSTIN");
        session.add(legal);
        session.flush();
        killTheSessionsConnection();
        catchThrowableOfType(SqlExecutionException.class, () -> session.get(Dept.class, 20));

        var e = catchThrowableOfType(dev.tenon.exception.TransactionRolledBackException.class, session::commit);

        assertThat(e.failure()).isInstanceOfSatisfying(SqlExecutionException.class, f -> assertThat(f.isConnectionFailure()).isTrue());
        assertThat(session.status(legal)).isEqualTo(Status.PENDING);
        assertThat(depts()).isEqualTo(4);
        session.commit();
        assertThat(depts()).isEqualTo(5);
    }

    @Test
    void rollbackOnADeadConnectionDoesNotThrowAndDetachesTheObjects() {
        Dept accounting = session.get(Dept.class, 10);
        accounting.loc = "BOSTON";
        Dept legal = new Dept(50, "LEGAL", "AUSTIN");
        session.add(legal);
        session.flush();
        killTheSessionsConnection();

        assertThatCode(session::rollback).doesNotThrowAnyException();

        assertThat(session.status(accounting)).isEqualTo(Status.DETACHED);
        assertThat(session.status(legal)).isEqualTo(Status.TRANSIENT);
        assertThat(session.get(Dept.class, 10).loc).isEqualTo("NEW YORK");
        assertThat(depts()).isEqualTo(4);
    }

    @Test
    void closeOnADeadConnectionDoesNotThrowAndReturnsTheConnection() {
        Dept accounting = session.get(Dept.class, 10);
        session.add(new Dept(50, "LEGAL", "AUSTIN"));
        session.flush();
        killTheSessionsConnection();

        assertThatCode(session::close).doesNotThrowAnyException();

        assertThat(session.isOpen()).isFalse();
        assertThat(session.status(accounting)).isEqualTo(Status.DETACHED);
        // The pool discarded the broken connection: every connection it hands out works.
        for (int i = 0; i < 6; i++) {
            try (Session next = db.database().openSession(db.metadata())) {
                assertThat(next.get(Dept.class, 20).dname).isEqualTo("RESEARCH");
            }
        }
    }

    @Test
    void aCommitWhoseConnectionDiesHasAnUnknownOutcomeAndMakesNothingPendingAgain() {
        Dept legal = new Dept(50, "LEGAL", "AUSTIN");
        session.add(legal);
        session.flush();
        killTheSessionsConnection();

        CommitOutcomeUnknownException e = catchThrowableOfType(CommitOutcomeUnknownException.class, session::commit);

        assertThat(e).hasMessageContaining("unknown");
        assertThat(session.status(legal)).isEqualTo(Status.DETACHED);
        assertThat(legal.deptno).isEqualTo(50);
        long before = session.statistics().statements();
        session.commit();
        assertThat(session.statistics().statements()).isEqualTo(before);
        assertThat(depts()).isEqualTo(4);
    }

    @Test
    void aCommitCutOffAfterTheServerCommittedIsReportedAsUnknownNeverAsAFailure() throws Exception {
        try (CuttingProxy proxy = CuttingProxy.toPostgres(); Database through = proxy.connect(2);
             Session cut = through.openSession(db.metadata())) {
            Dept legal = new Dept(50, "LEGAL", "AUSTIN");
            cut.add(legal);
            cut.flush();
            proxy.cutAfterNextCommit();

            assertThat(catchThrowableOfType(CommitOutcomeUnknownException.class, cut::commit)).isNotNull();

            assertThat(depts()).as("the server committed before the connection was cut").isEqualTo(5);
            assertThat(cut.status(legal)).isEqualTo(Status.DETACHED);
            cut.commit();
            assertThat(depts()).isEqualTo(5);
        }
    }
}
