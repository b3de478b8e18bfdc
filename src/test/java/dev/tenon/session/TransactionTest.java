package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.api.Status;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** One transaction at a time: begun by the first statement, ended by commit, rollback or close. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class TransactionTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Scott.load(db);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private List<List<Object>> depts() {
        return db.rows("SELECT deptno, loc FROM scott.dept ORDER BY deptno");
    }

    @Test
    void flushedChangesAreInvisibleToOthersUntilCommit() {
        session.get(Dept.class, 10).loc = "BOSTON";
        session.flush();
        assertThat(depts().get(0)).containsExactly(10, "NEW YORK");

        session.commit();

        assertThat(depts().get(0)).containsExactly(10, "BOSTON");
    }

    @Test
    void rollbackDiscardsFlushedAndUnflushedChanges() {
        session.get(Dept.class, 10).loc = "BOSTON";
        session.add(new Dept(50, "LEGAL", "AUSTIN"));
        session.flush();
        session.delete(session.get(Dept.class, 40));
        session.get(Dept.class, 20).loc = "AUSTIN";

        session.rollback();

        assertThat(depts()).containsExactly(List.of(10, "NEW YORK"), List.of(20, "DALLAS"), List.of(30, "CHICAGO"), List.of(40, "BOSTON"));
    }

    @Test
    void rollbackDetachesLoadedObjectsAndMakesAddedOnesTransient() {
        Dept accounting = session.get(Dept.class, 10);
        Dept flushed = new Dept(50, "LEGAL", "AUSTIN");
        Dept added = new Dept(60, "PR", "MIAMI");
        session.add(flushed);
        session.flush();
        session.add(added);

        session.rollback();

        assertThat(session.status(accounting)).isEqualTo(Status.DETACHED);
        assertThat(session.status(flushed)).isEqualTo(Status.TRANSIENT);
        assertThat(session.status(added)).isEqualTo(Status.TRANSIENT);
        assertThat(session.contains(accounting)).isFalse();
    }

    @Test
    void rollbackTakesBackTheKeysTheDatabaseGenerated() {
        Dept legal = new Dept();
        legal.dname = "LEGAL";
        session.add(legal);
        session.flush();
        assertThat(legal.deptno).isNotNull();

        session.rollback();

        assertThat(legal.deptno).isNull();
        session.add(legal);
        session.commit();
        assertThat(db.rows("SELECT COUNT(*) FROM scott.dept WHERE dname = 'LEGAL'")).containsExactly(List.of(1L));
    }

    @Test
    void theSessionQueriesAgainAfterRollback() {
        Dept accounting = session.get(Dept.class, 10);
        accounting.loc = "BOSTON";
        session.rollback();

        Dept again = session.get(Dept.class, 10);

        assertThat(again).isNotSameAs(accounting);
        assertThat(again.loc).isEqualTo("NEW YORK");
    }

    @Test
    void closeRollsBackWhatIsNotCommitted() {
        session.get(Dept.class, 10).loc = "BOSTON";
        session.flush();

        session.close();

        assertThat(depts().get(0)).containsExactly(10, "NEW YORK");
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void closeDetachesEveryObject() {
        Dept accounting = session.get(Dept.class, 10);

        session.close();

        assertThat(session.status(accounting)).isEqualTo(Status.DETACHED);
    }

    @Test
    void commitReturnsTheConnectionSoMoreSessionsThanThePoolHoldsCanWorkOneAfterAnother() {
        List<Session> sessions = new ArrayList<>();
        try {
            // The pool holds 4 connections: a session that kept its connection after commit would starve the 5th.
            for (int i = 0; i < 6; i++) {
                Session other = db.database().openSession(db.metadata());
                sessions.add(other);
                other.get(Dept.class, 10);
                other.commit();
            }
        } finally {
            sessions.forEach(Session::close);
        }
        assertThat(db.database().statistics().statements()).isEqualTo(6);
    }

    @Test
    void aSessionStartsANewTransactionAfterCommit() {
        Dept accounting = session.get(Dept.class, 10);
        session.commit();

        accounting.loc = "BOSTON";
        session.flush();
        session.rollback();

        assertThat(depts().get(0)).containsExactly(10, "NEW YORK");
    }

    @Test
    void commitWithNothingToDoRunsNoStatement() {
        session.commit();
        session.rollback();

        assertThat(session.statistics().statements()).isZero();
    }

    @Test
    void twoSessionsHaveTheirOwnObjectsForTheSameRow() {
        try (Session other = db.database().openSession(db.metadata())) {
            Dept mine = session.get(Dept.class, 10);
            Dept theirs = other.get(Dept.class, 10);

            assertThat(mine).isNotSameAs(theirs);
            assertThat(other.contains(mine)).isFalse();
        }
    }
}
