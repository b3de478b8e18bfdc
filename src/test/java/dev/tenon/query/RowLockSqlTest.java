package dev.tenon.query;

import static dev.tenon.query.Condition.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.TenonException;
import dev.tenon.exception.UnsupportedFeatureException;
import dev.tenon.session.Session;
import dev.tenon.sql.RowLock;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL of each row lock on each database, and the locks refused before any SQL: combinations that cannot work,
 * and what H2 cannot do (FOR SHARE; locking only the entity's rows when the statement inner-joins another table).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class RowLockSqlTest {
    private static final String DEPT = "SELECT dept_1.deptno, dept_1.dname, dept_1.loc FROM scott.dept dept_1";
    private static final String JOB = "SELECT job_1.id, job_1.queue_id, job_1.status, job_1.claimed_by FROM queue.job job_1";
    private static final String EMP_COLUMNS = "emp_1.empno, emp_1.ename, emp_1.job, emp_1.mgr, emp_1.hiredate, emp_1.sal, emp_1.comm,"
            + " emp_1.deptno, emp_1.created";

    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class, JobQueue.class, Job.class);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private boolean postgres() {
        return backend == Backend.POSTGRES;
    }

    @Test
    void forUpdateEndsTheStatement() {
        assertThat(session.select(Dept.class).orderBy("deptno").forUpdate().toSql())
                .isEqualTo(DEPT + " ORDER BY dept_1.deptno FOR UPDATE");
    }

    @Test
    void aJobQueueClaimSkipsLockedRowsAfterItsLimit() {
        assertThat(session.select(Job.class).where(eq("status", "NEW")).orderBy("id").limit(1).forUpdate().skipLocked().toSql())
                .isEqualTo(JOB + " WHERE job_1.status = ? ORDER BY job_1.id LIMIT ? FOR UPDATE SKIP LOCKED  [NEW, 1]");
    }

    @Test
    void noWaitFailsInsteadOfWaiting() {
        assertThat(session.select(Dept.class).where(eq("deptno", 10)).forUpdate().noWait().toSql())
                .isEqualTo(DEPT + " WHERE dept_1.deptno = ? FOR UPDATE NOWAIT  [10]");
    }

    @Test
    void skipLockedAndNoWaitImplyForUpdate() {
        Query<Dept> depts = session.select(Dept.class);

        assertThat(depts.skipLocked().lock()).isEqualTo(new RowLock(RowLock.Strength.UPDATE, RowLock.Wait.SKIP_LOCKED));
        assertThat(depts.noWait().lock()).isEqualTo(new RowLock(RowLock.Strength.UPDATE, RowLock.Wait.NOWAIT));
        assertThat(depts.noWait().forUpdate().lock()).as("forUpdate() keeps the wait policy").isEqualTo(depts.noWait().lock());
        assertThat(depts.skipLocked().toSql()).isEqualTo(DEPT + " FOR UPDATE SKIP LOCKED");
        assertThat(depts.lock()).as("the query it was refined from").isNull();
    }

    @Test
    void forShareIsWrittenOnPostgresql() {
        assumeTrue(postgres(), "H2 has no FOR SHARE: forShareIsRefusedOnH2 tests the error there");

        assertThat(session.select(Dept.class).forShare().toSql()).isEqualTo(DEPT + " FOR SHARE");
        assertThat(session.select(Dept.class).forShare().skipLocked().toSql()).isEqualTo(DEPT + " FOR SHARE SKIP LOCKED");
        assertThat(session.select(Dept.class).noWait().forShare().toSql()).isEqualTo(DEPT + " FOR SHARE NOWAIT");
    }

    @Test
    void forShareIsRefusedOnH2() {
        assumeTrue(!postgres(), "PostgreSQL has FOR SHARE: forShareIsWrittenOnPostgresql tests it there");

        UnsupportedFeatureException e = catchThrowableOfType(UnsupportedFeatureException.class,
                () -> session.select(Dept.class).forShare().list());

        assertThat(e.database()).isEqualTo("H2");
        assertThat(e).hasMessage("select(Dept).forShare() cannot run on H2: H2 has no FOR SHARE. Lock with forUpdate() instead, "
                + "or run the query on PostgreSQL");
        assertThat(db.statements()).isZero();
    }

    @Test
    void aJoinedCollectionLocksOnlyTheRootTable() {
        assertThat(session.select(Dept.class).where(eq("deptno", 10)).options(Load.joined("employees")).forUpdate().toSql())
                .isEqualTo("SELECT dept_1.deptno, dept_1.dname, dept_1.loc, " + EMP_COLUMNS + " FROM scott.dept dept_1"
                        + " LEFT OUTER JOIN scott.emp emp_1 ON dept_1.deptno = emp_1.deptno WHERE dept_1.deptno = ? ORDER BY emp_1.empno"
                        + (postgres() ? " FOR UPDATE OF dept_1" : " FOR UPDATE") + "  [10]");
    }

    @Test
    void withALimitTheNestedParentQueryTakesTheLock() {
        assertThat(session.select(Dept.class).orderBy("deptno").limit(2).options(Load.joined("employees")).forUpdate().skipLocked().toSql())
                .isEqualTo("SELECT anon_1.deptno, anon_1.dname, anon_1.loc, " + EMP_COLUMNS + " FROM (SELECT dept_1.deptno AS deptno,"
                        + " dept_1.dname AS dname, dept_1.loc AS loc, dept_1.deptno AS order_1 FROM scott.dept dept_1 ORDER BY dept_1.deptno"
                        + " LIMIT ? FOR UPDATE SKIP LOCKED) anon_1 LEFT OUTER JOIN scott.emp emp_1 ON anon_1.deptno = emp_1.deptno"
                        + " ORDER BY anon_1.order_1, emp_1.empno  [2]");
    }

    @Test
    void aConditionOnAPathLocksOnlyTheRootTable() {
        assertThat(session.select(Emp.class).where(eq("department.dname", "SALES")).orderBy("empno").forUpdate().toSql())
                .isEqualTo("SELECT " + EMP_COLUMNS + " FROM scott.emp emp_1 LEFT OUTER JOIN scott.dept dept_1 ON emp_1.deptno = dept_1.deptno"
                        + " WHERE dept_1.dname = ? ORDER BY emp_1.empno" + (postgres() ? " FOR UPDATE OF emp_1" : " FOR UPDATE") + "  [SALES]");
    }

    @Test
    void aMandatoryReferenceJoinedInnerIsLeftUnlockedOnPostgresql() {
        assumeTrue(postgres(), "H2 would lock the inner-joined rows too: anInnerJoinIsRefusedOnH2 tests the error there");

        assertThat(session.select(Job.class).options(Load.joined("queue")).forUpdate().skipLocked().toSql())
                .isEqualTo("SELECT job_1.id, job_1.queue_id, job_1.status, job_1.claimed_by, job_queue_1.id, job_queue_1.name"
                        + " FROM queue.job job_1 JOIN queue.job_queue job_queue_1 ON job_1.queue_id = job_queue_1.id"
                        + " FOR UPDATE OF job_1 SKIP LOCKED");
    }

    @Test
    void anInnerJoinIsRefusedOnH2() {
        assumeTrue(!postgres(), "PostgreSQL locks only the rows asked for: aMandatoryReferenceJoinedInnerIsLeftUnlockedOnPostgresql");

        UnsupportedFeatureException e = catchThrowableOfType(UnsupportedFeatureException.class,
                () -> session.select(Job.class).options(Load.joined("queue")).forUpdate().skipLocked().first());

        assertThat(e).hasMessage("select(Job).forUpdate().skipLocked() cannot run on H2: H2 locks the rows of every inner-joined table too"
                + " (it has no FOR UPDATE OF), not only the rows asked for, and the query inner-joins queue.job_queue (a mandatory reference"
                + " loaded joined, or the link table of a many-to-many relationship's children). Load that relationship with Load.selectin"
                + " instead of joined, or run the query on PostgreSQL");
        assertThat(db.statements()).isZero();
        assertThat(session.select(Job.class).options(Load.selectin("queue")).forUpdate().skipLocked().toSql())
                .as("the alternative the message gives").isEqualTo(JOB + " FOR UPDATE SKIP LOCKED");
    }

    @Test
    void eachLockIsAShapeOfItsOwn() {
        Query<Dept> query = session.select(Dept.class).where(eq("deptno", 10));

        assertThat(query.forUpdate().toSql()).endsWith(" FOR UPDATE  [10]");
        assertThat(query.toSql()).endsWith("WHERE dept_1.deptno = ?  [10]");
        assertThat(query.noWait().toSql()).endsWith(" FOR UPDATE NOWAIT  [10]");
        assertThat(query.skipLocked().toSql()).endsWith(" FOR UPDATE SKIP LOCKED  [10]");
        assertThat(query.forUpdate().toSql()).endsWith(" FOR UPDATE  [10]");
    }

    @Test
    void skipLockedAndNoWaitTogetherAreRefused() {
        TenonException one = catchThrowableOfType(TenonException.class, () -> session.select(Dept.class).skipLocked().noWait());
        TenonException other = catchThrowableOfType(TenonException.class, () -> session.select(Dept.class).noWait().forUpdate().skipLocked());

        assertThat(one).hasMessage("skipLocked() and noWait() together: skipLocked() passes over a row another transaction has locked,"
                + " noWait() fails at it; keep one of them");
        assertThat(other).hasMessage(one.getMessage());
    }

    @Test
    void aReadOnlyQueryCannotLock() {
        TenonException locked = catchThrowableOfType(TenonException.class, () -> session.select(Dept.class).readOnly().forUpdate());
        TenonException readOnly = catchThrowableOfType(TenonException.class, () -> session.select(Dept.class).skipLocked().readOnly());

        assertThat(locked).hasMessageStartingWith("A read-only query cannot lock its rows (forUpdate(), forShare(), skipLocked(), noWait()):")
                .hasMessageEndingWith("Drop readOnly() to lock the rows and change them, or drop the lock to only read them");
        assertThat(readOnly).hasMessage(locked.getMessage());
    }

    @Test
    void countRefusesToLockBeforeAnySql() {
        TenonException e = catchThrowableOfType(TenonException.class, () -> session.select(Dept.class).forUpdate().count());

        assertThat(e).hasMessage("count() cannot lock rows: the databases refuse FOR UPDATE with COUNT(*). Call list() on the locking"
                + " query to lock the rows, or count() on one without forUpdate()");
        assertThat(db.statements()).isZero();
        assertThat(session.select(Dept.class).count()).isZero();
    }
}
