package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenon.api.Status;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.SqlExecutionException;
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
 * A flush the database refuses rolls its transaction back, so nothing of it is written; Tenon's exception shows
 * the SQL that failed; the objects are as they were before the transaction's flushes, with the application's
 * changes still pending, so fixing the cause and flushing again writes everything.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class FailedFlushTest {
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

    private long count(String table) {
        return (Long) db.rows("SELECT COUNT(*) FROM scott." + table).get(0).get(0);
    }

    @Test
    void aDuplicateKeyRaisesTenonsExceptionWithTheSqlButNotTheValues() {
        session.add(new Dept(10, "SECRET-NAME", "NOWHERE"));

        SqlExecutionException e = catchThrowableOfType(SqlExecutionException.class, session::flush);

        assertThat(e.isConstraintViolation()).isTrue();
        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(e.sql()).isEqualTo("INSERT INTO scott.dept (deptno, dname, loc) VALUES (?, ?, ?)");
        assertThat(e.getMessage()).contains("SQL: INSERT INTO scott.dept").doesNotContain("SECRET-NAME");
    }

    @Test
    void aFailedBatchNamesTheSqlButNotTheValuesOfAnyRow() {
        session.addAll(new Dept(50, "SECRET-ONE", "NOWHERE"), new Dept(10, "SECRET-TWO", "NOWHERE"));

        SqlExecutionException e = catchThrowableOfType(SqlExecutionException.class, session::flush);

        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(e.getMessage()).contains("batch of 2 rows", "SQL: INSERT INTO scott.dept")
                .doesNotContain("SECRET-ONE").doesNotContain("SECRET-TWO");
    }

    @Test
    void nothingOfAFailedFlushIsWritten() {
        session.add(new Dept(50, "LEGAL", "AUSTIN"));
        Emp king = session.get(Emp.class, 7839);
        king.sal = new BigDecimal("9999.00");
        session.add(new Emp(8000, "GHOST", "CLERK", null, "2024-01-01", "1.00", null, 99));

        catchThrowableOfType(SqlExecutionException.class, session::commit);

        assertThat(count("dept")).isEqualTo(4);
        assertThat(count("emp")).isEqualTo(14);
        assertThat(db.rows("SELECT sal FROM scott.emp WHERE empno = 7839")).containsExactly(List.of(new BigDecimal("5000.00")));
    }

    @Test
    void aFailedFlushLeavesTheObjectsAsTheyWereBeforeIt() {
        Dept legal = new Dept();
        legal.dname = "LEGAL";
        Emp hire = new Emp(8000, "HIRE", "CLERK", 9999, "2024-01-01", "1.00", null, 10);
        hire.deptno = null;
        hire.department = legal;
        session.add(hire);

        catchThrowableOfType(SqlExecutionException.class, session::flush);

        // The department's generated key and the employee's foreign key, both set by the flush, are undone.
        assertThat(legal.deptno).isNull();
        assertThat(hire.deptno).isNull();
        assertThat(hire.created).isNull();
        assertThat(session.status(legal)).isEqualTo(Status.PENDING);
        assertThat(session.status(hire)).isEqualTo(Status.PENDING);
    }

    @Test
    void aFixedFlushSucceedsOnRetry() {
        Dept legal = new Dept();
        legal.dname = "LEGAL";
        Emp hire = new Emp(8000, "HIRE", "CLERK", 9999, "2024-01-01", "1.00", null, 10);
        hire.deptno = null;
        hire.department = legal;
        session.add(hire);
        catchThrowableOfType(SqlExecutionException.class, session::flush);

        hire.mgr = 7839;
        session.commit();

        assertThat(legal.deptno).isNotNull();
        assertThat(hire.deptno).isEqualTo(legal.deptno);
        assertThat(db.rows("SELECT e.mgr, d.dname FROM scott.emp e JOIN scott.dept d ON d.deptno = e.deptno WHERE e.empno = 8000"))
                .containsExactly(List.of(7839, "LEGAL"));
    }

    @Test
    void aFailureUndoesTheEarlierFlushesOfTheTransactionAndTheRetryWritesThemAgain() {
        Dept legal = new Dept(50, "LEGAL", "AUSTIN");
        session.add(legal);
        Emp king = session.get(Emp.class, 7839);
        king.sal = new BigDecimal("9999.00");
        session.flush();
        Dept duplicate = new Dept(10, "DUPLICATE", "NOWHERE");
        session.add(duplicate);

        catchThrowableOfType(SqlExecutionException.class, session::flush);

        assertThat(session.status(legal)).isEqualTo(Status.PENDING);
        assertThat(king.sal).isEqualByComparingTo("9999.00");
        duplicate.deptno = 60;
        session.commit();
        assertThat(count("dept")).isEqualTo(6);
        assertThat(db.rows("SELECT sal FROM scott.emp WHERE empno = 7839")).containsExactly(List.of(new BigDecimal("9999.00")));
    }

    @Test
    void aDeleteStaysPendingThroughAFailedFlush() {
        Dept operations = session.get(Dept.class, 40);
        session.delete(operations);
        Dept duplicate = new Dept(10, "DUPLICATE", "NOWHERE");
        session.add(duplicate);

        catchThrowableOfType(SqlExecutionException.class, session::flush);

        assertThat(session.status(operations)).isEqualTo(Status.DELETED);
        session.expunge(duplicate);
        session.commit();
        assertThat(db.rows("SELECT deptno FROM scott.dept ORDER BY deptno")).containsExactly(List.of(10), List.of(20), List.of(30));
    }

    @Test
    void aFailedUpdateIsRetriedWithTheSameChange() {
        Emp scott = session.get(Emp.class, 7788);
        scott.deptno = 99;

        catchThrowableOfType(SqlExecutionException.class, session::flush);

        assertThat(session.status(scott)).isEqualTo(Status.PERSISTENT);
        scott.deptno = 40;
        session.commit();
        assertThat(db.rows("SELECT deptno FROM scott.emp WHERE empno = 7788")).containsExactly(List.of(40));
    }

    @Test
    void aCommitRefusedByADeferredConstraintCanBeFixedAndCommittedAgain() {
        assumeTrue(backend == Backend.POSTGRES, "H2 checks every constraint at once; only PostgreSQL defers them to COMMIT");
        db.execute("ALTER TABLE scott.emp DROP CONSTRAINT fk_emp_deptno");
        db.execute("ALTER TABLE scott.emp ADD CONSTRAINT fk_emp_deptno FOREIGN KEY (deptno) REFERENCES scott.dept (deptno) "
                + "DEFERRABLE INITIALLY DEFERRED");
        Emp hire = new Emp(8000, "HIRE", "CLERK", 7839, "2024-01-01", "1.00", null, 99);
        session.add(hire);

        SqlExecutionException e = catchThrowableOfType(SqlExecutionException.class, session::commit);

        assertThat(e.isConstraintViolation()).isTrue();
        assertThat(e.sql()).isEqualTo("COMMIT");
        assertThat(session.status(hire)).isEqualTo(Status.PENDING);
        assertThat(count("emp")).isEqualTo(14);
        hire.deptno = 10;
        session.commit();
        assertThat(count("emp")).isEqualTo(15);
    }

    @Test
    void theSessionReadsAgainAfterAFailedFlush() {
        session.add(new Dept(10, "DUPLICATE", "NOWHERE"));
        catchThrowableOfType(SqlExecutionException.class, session::flush);
        session.rollback();

        assertThat(session.get(Dept.class, 20).dname).isEqualTo("RESEARCH");
    }
}
