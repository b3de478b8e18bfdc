package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenon.api.Status;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.TenonException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code session.savepoint(work)}: a failure inside goes back to the savepoint, in the database and in the objects,
 * and the outer transaction goes on to commit the rest.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class SavepointTest {
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
        if (db != null) {
            session.close();
            db.close();
        }
    }

    private long count(String table) {
        return ((Number) db.rows("SELECT COUNT(*) FROM scott." + table).get(0).get(0)).longValue();
    }

    private static RuntimeException refused() {
        return new IllegalStateException("refused by the application");
    }

    @Test
    void aFailedSavepointUndoesItsWritesAndTheOuterTransactionCommitsTheRest() {
        Dept legal = new Dept(50, "LEGAL", "AUSTIN");
        Dept audit = new Dept(60, "AUDIT", "RENO");
        session.add(legal);
        long before = session.statistics().statements();

        assertThatThrownBy(() -> session.savepoint(() -> {
            session.add(audit);
            session.flush();
            throw refused();
        })).hasMessage("refused by the application");

        // INSERT legal (flushed as the savepoint begins), SAVEPOINT, INSERT audit, ROLLBACK TO SAVEPOINT.
        assertThat(session.statistics().statements() - before).isEqualTo(4);
        assertThat(session.status(audit)).isEqualTo(Status.TRANSIENT);
        assertThat(session.status(legal)).isEqualTo(Status.PERSISTENT);
        session.commit();
        assertThat(db.rows("SELECT deptno FROM scott.dept WHERE deptno >= 50")).containsExactly(List.of(50));
    }

    @Test
    void aStatementRefusedInsideLeavesTheOuterTransactionUsable() {
        Emp king = session.get(Emp.class, 7839);
        king.sal = new BigDecimal("6000.00");
        Dept duplicate = new Dept(10, "DUPLICATE", "NOWHERE");

        SqlExecutionException e = catchThrowableOfType(SqlExecutionException.class, () -> session.savepoint(() -> session.add(duplicate)));

        assertThat(e.isConstraintViolation()).isTrue();
        assertThat(session.status(duplicate)).isEqualTo(Status.TRANSIENT);
        // PostgreSQL would refuse this (25P02) had the transaction not gone back to the savepoint.
        assertThat(session.get(Dept.class, 20).dname).isEqualTo("RESEARCH");
        session.commit();
        assertThat(db.rows("SELECT sal FROM scott.emp WHERE empno = 7839").get(0).get(0).toString()).isEqualTo("6000.00");
        assertThat(count("dept")).isEqualTo(4);
    }

    @Test
    void changesMadeInsideAreUndoneInMemoryAndNotWritten() {
        Emp smith = session.get(Emp.class, 7369);
        Emp ford = session.get(Emp.class, 7902);
        Dept research = smith.department;
        Dept sales = session.get(Dept.class, 30);
        smith.sal = new BigDecimal("1000.00");

        assertThatThrownBy(() -> session.savepoint(() -> {
            smith.sal = new BigDecimal("2000.00");
            smith.job = "ANALYST";
            smith.department = sales;
            session.delete(ford);
            session.flush();
            smith.ename = "SMYTHE";
            throw refused();
        })).isInstanceOf(IllegalStateException.class);

        assertThat(smith.sal).isEqualByComparingTo("1000.00");
        assertThat(smith.job).isEqualTo("CLERK");
        assertThat(smith.ename).isEqualTo("SMITH");
        assertThat(smith.department).isSameAs(research);
        assertThat(session.status(ford)).isEqualTo(Status.PERSISTENT);
        long before = session.statistics().statements();
        session.commit();
        assertThat(session.statistics().statements() - before).as("nothing left to write").isZero();
        assertThat(db.rows("SELECT sal, job, deptno FROM scott.emp WHERE empno = 7369").get(0).toString())
                .isEqualTo("[1000.00, CLERK, 20]");
        assertThat(count("emp")).isEqualTo(14);
    }

    @Test
    void aCollectionChangedInsideHoldsItsMembersAgain() {
        Dept accounting = session.get(Dept.class, 10);
        List<Emp> members = List.copyOf(accounting.employees);
        Emp clark = members.get(0);
        Emp newcomer = new Emp(8000, "NEWMAN", "CLERK", 7782, "2026-12-01", "900.00", null, 10);

        assertThatThrownBy(() -> session.savepoint(() -> {
            accounting.employees.remove(clark);
            accounting.employees.add(newcomer);
            session.flush();
            throw refused();
        })).isInstanceOf(IllegalStateException.class);

        assertThat(accounting.employees).containsExactlyElementsOf(members);
        assertThat(clark.department).isSameAs(accounting);
        assertThat(session.status(newcomer)).isEqualTo(Status.TRANSIENT);
        session.commit();
        assertThat(count("emp")).isEqualTo(14);
        assertThat(db.rows("SELECT deptno FROM scott.emp WHERE empno = ?", clark.empno)).containsExactly(List.of(10));
    }

    @Test
    void aSavepointThatSucceedsIsReleasedAndItsWritesCommitted() {
        Emp smith = session.get(Emp.class, 7369);
        long before = session.statistics().statements();

        String result = session.savepoint(() -> {
            smith.sal = new BigDecimal("999.00");
            return smith.ename;
        });

        assertThat(result).isEqualTo("SMITH");
        // SAVEPOINT, the UPDATE flushed as the work ends, RELEASE SAVEPOINT.
        assertThat(session.statistics().statements() - before).isEqualTo(3);
        session.commit();
        assertThat(db.rows("SELECT sal FROM scott.emp WHERE empno = 7369").get(0).get(0).toString()).isEqualTo("999.00");
    }

    @Test
    void savepointsNestAndAnInnerFailureUndoesOnlyTheInnerWork() {
        Emp smith = session.get(Emp.class, 7369);
        Emp allen = session.get(Emp.class, 7499);

        session.savepoint(() -> {
            smith.sal = new BigDecimal("1111.00");
            assertThatThrownBy(() -> session.savepoint(() -> {
                allen.sal = new BigDecimal("2222.00");
                smith.sal = new BigDecimal("3333.00");
                session.flush();
                throw refused();
            })).isInstanceOf(IllegalStateException.class);
            assertThat(smith.sal).isEqualByComparingTo("1111.00");
        });

        assertThat(allen.sal).isEqualByComparingTo("1600.00");
        session.commit();
        assertThat(db.rows("SELECT sal FROM scott.emp WHERE empno IN (7369, 7499) ORDER BY empno").toString())
                .isEqualTo("[[1111.00], [1600.00]]");
    }

    @Test
    void aLaterFailureOfTheWholeTransactionUndoesAReleasedSavepointToo() {
        Dept audit = new Dept(60, "AUDIT", "RENO");
        session.savepoint(() -> session.add(audit));
        Dept duplicate = new Dept(10, "DUPLICATE", "NOWHERE");
        session.add(duplicate);

        assertThatThrownBy(session::flush).isInstanceOf(SqlExecutionException.class);

        assertThat(session.status(audit)).as("inserted by a flush of the lost transaction: pending again").isEqualTo(Status.PENDING);
        session.expunge(duplicate);
        session.commit();
        assertThat(db.rows("SELECT deptno FROM scott.dept WHERE deptno >= 50")).containsExactly(List.of(60));
    }

    @Test
    void aStatementAfterAFailedOneInsideIsRefusedUntilTheSavepointEnds() {
        Dept legal = new Dept(50, "LEGAL", "AUSTIN");
        session.add(legal);

        TenonException e = catchThrowableOfType(TenonException.class, () -> session.savepoint(() -> {
            try {
                session.withConnection(connection -> connection.createStatement().execute("SELECT no_such_column FROM scott.dept"));
            } catch (SqlExecutionException ignored) {
                // the application carries on inside the savepoint
            }
            session.get(Emp.class, 7369);
        }));

        assertThat(e).hasMessageStartingWith("A statement inside the savepoint failed");
        session.commit();
        assertThat(count("dept")).isEqualTo(5);
    }
}
