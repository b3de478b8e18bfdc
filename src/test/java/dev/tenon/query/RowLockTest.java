package dev.tenon.query;

import static dev.tenon.query.Condition.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.demo.ScottData;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.TransactionRolledBackException;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Row locks at work between two sessions: a locking query begins its session's transaction and holds the locks until
 * it ends; another session's noWait() fails at a locked row with a clear error, its skipLocked() passes over it; only the
 * queried entity's rows are locked.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class RowLockTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session first;
    Session second;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class, JobQueue.class, Job.class);
        try (Session session = db.database().openSession(db.metadata())) {
            session.addAll(ScottData.departments());
            session.addAll(ScottData.employees());
            session.add(new JobQueue(1, "mail"));
            session.addAll(new Job(1, 1), new Job(2, 1));
            session.commit();
        }
        first = db.database().openSession(db.metadata());
        second = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        db.close();
    }

    /** Whether {@code session} can lock department {@code deptno} at once; rolls back either way. */
    private static boolean canLockDept(Session session, int deptno) {
        return canLock(session, session.select(Dept.class).where(eq("deptno", deptno)));
    }

    private static boolean canLockEmp(Session session, int empno) {
        return canLock(session, session.select(Emp.class).where(eq("empno", empno)));
    }

    private static boolean canLock(Session session, Query<?> query) {
        try {
            assertThat(query.noWait().list()).hasSize(1);
            return true;
        } catch (SqlExecutionException e) {
            assertThat(e.isLockNotAvailable()).as("%s", e).isTrue();
            return false;
        } finally {
            session.rollback();
        }
    }

    private static List<Integer> deptnos(List<Dept> depts) {
        return depts.stream().map(dept -> dept.deptno).toList();
    }

    private static List<Integer> empnos(Dept dept) {
        return dept.employees.stream().map(emp -> emp.empno).toList();
    }

    @Test
    void aLockingQueryBeginsTheTransactionAndHoldsTheLockUntilCommit() {
        Dept accounting = first.select(Dept.class).where(eq("deptno", 10)).forUpdate().one();

        assertThat(first.statistics().statements()).as("the lock costs no statement of its own").isEqualTo(1);
        assertThat(canLockDept(second, 10)).as("locked until the first session commits").isFalse();
        assertThat(canLockDept(second, 20)).as("only the row read is locked").isTrue();
        accounting.loc = "BOSTON";
        first.commit();
        assertThat(first.statistics().statements()).isEqualTo(2);
        assertThat(canLockDept(second, 10)).isTrue();
        assertThat(db.rows("SELECT loc FROM scott.dept WHERE deptno = 10")).containsExactly(List.of("BOSTON"));
    }

    @Test
    void aRollbackReleasesTheLockToo() {
        first.select(Dept.class).where(eq("deptno", 10)).forUpdate().list();
        assertThat(canLockDept(second, 10)).isFalse();

        first.rollback();

        assertThat(canLockDept(second, 10)).isTrue();
    }

    @Test
    void aPlainReadLocksNothing() {
        first.select(Dept.class).where(eq("deptno", 10)).list();

        assertThat(canLockDept(second, 10)).isTrue();
    }

    @Test
    void noWaitFailsAtOnceWithAClearErrorAndLosesTheTransaction() {
        first.select(Dept.class).where(eq("deptno", 10)).forUpdate().list();

        SqlExecutionException e = catchThrowableOfType(SqlExecutionException.class,
                () -> second.select(Dept.class).where(eq("deptno", 10)).noWait().list());

        assertThat(e.isLockNotAvailable()).isTrue();
        assertThat(e.isConflict()).isFalse();
        assertThat(e.sqlState()).isEqualTo(backend == Backend.POSTGRES ? "55P03" : "HYT00");
        assertThat(e.getMessage()).contains("\nA row it needs is locked by another transaction, which holds the lock until it ends;"
                + " roll back and try again later, or lock with skipLocked() to pass over locked rows\nSQL: SELECT");
        assertThat(catchThrowableOfType(TransactionRolledBackException.class, () -> second.select(Dept.class).list()))
                .as("like any failed statement").hasCause(e);
        second.rollback();
        assertThat(second.select(Dept.class).where(eq("deptno", 20)).noWait().one().dname).isEqualTo("RESEARCH");
    }

    @Test
    void skipLockedPassesOverTheRowsAnotherTransactionHolds() {
        Query<Job> claim = first.select(Job.class).where(eq("status", "NEW")).orderBy("id").limit(1).forUpdate().skipLocked();
        Job one = claim.first();
        Job other = second.select(Job.class).where(eq("status", "NEW")).orderBy("id").limit(1).forUpdate().skipLocked().first();

        assertThat(one.id).isEqualTo(1);
        assertThat(other.id).isEqualTo(2);
        assertThat(first.statistics().statements()).isEqualTo(1);
        assertThat(second.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aJoinedCollectionIsLoadedButOnlyTheParentsAreLocked() {
        List<Dept> depts = first.select(Dept.class).where(eq("deptno", 10)).options(Load.joined("employees")).forUpdate().list();

        assertThat(deptnos(depts)).containsExactly(10);
        assertThat(empnos(depts.get(0))).containsExactly(7782, 7839, 7934);
        assertThat(first.statistics().statements()).isEqualTo(1);
        assertThat(canLockDept(second, 10)).isFalse();
        assertThat(canLockEmp(second, 7782)).as("a child row is not locked").isTrue();
    }

    @Test
    void withALimitTheParentsAreCountedLockedAndSkipped() {
        Query<Dept> twoFree = first.select(Dept.class).orderBy("deptno").limit(2).options(Load.joined("employees")).forUpdate().skipLocked();
        List<Dept> mine = twoFree.list();
        List<Dept> theirs = second.select(Dept.class).orderBy("deptno").limit(2).options(Load.joined("employees")).forUpdate().skipLocked()
                .list();

        assertThat(deptnos(mine)).containsExactly(10, 20);
        assertThat(empnos(mine.get(1))).containsExactly(7369, 7566, 7788, 7876, 7902);
        assertThat(deptnos(theirs)).containsExactly(30, 40);
        assertThat(empnos(theirs.get(0))).containsExactly(7499, 7521, 7654, 7698, 7844, 7900);
        assertThat(theirs.get(1).employees).isEmpty();
        assertThat(first.statistics().statements() + second.statistics().statements()).isEqualTo(2);
    }

    @Test
    void aSelectinRelationshipLoadsItsChildrenWithoutLockingThem() {
        Dept accounting = first.select(Dept.class).where(eq("deptno", 10)).options(Load.selectin("employees")).forUpdate().one();

        assertThat(empnos(accounting)).containsExactly(7782, 7839, 7934);
        assertThat(first.statistics().statements()).isEqualTo(2);
        assertThat(canLockDept(second, 10)).isFalse();
        assertThat(canLockEmp(second, 7934)).isTrue();
    }

    @Test
    void aSubqueryRelationshipLoadsTheChildrenOfTheLockedParentsByTheirKeys() {
        first.select(Dept.class).where(eq("deptno", 10)).forUpdate().list();

        // Run again without its lock, the parent query would find department 10 and load its employees instead.
        Dept research = second.select(Dept.class).orderBy("deptno").limit(1).options(Load.subquery("employees")).forUpdate().skipLocked().one();

        assertThat(research.deptno).isEqualTo(20);
        assertThat(empnos(research)).containsExactly(7369, 7566, 7788, 7876, 7902);
        assertThat(second.statistics().statements()).isEqualTo(2);
    }

    @Test
    void aStreamLocksTheRowsItReadsUntilCommit() {
        try (Stream<Dept> depts = first.select(Dept.class).orderBy("deptno").forUpdate().stream()) {
            assertThat(depts.map(dept -> dept.deptno)).containsExactly(10, 20, 30, 40);
        }

        assertThat(canLockDept(second, 40)).isFalse();
        first.commit();
        assertThat(canLockDept(second, 40)).isTrue();
    }

    @Test
    void aJoinedMandatoryReferenceIsLeftUnlockedOnPostgresql() {
        assumeTrue(backend == Backend.POSTGRES,
                "H2 locks inner-joined rows too, so the query is refused there (RowLockSqlTest.anInnerJoinIsRefusedOnH2)");

        Job job = first.select(Job.class).options(Load.joined("queue")).orderBy("id").limit(1).forUpdate().skipLocked().one();

        assertThat(job.queue.name).isEqualTo("mail");
        assertThat(first.statistics().statements()).isEqualTo(1);
        assertThat(canLock(second, second.select(JobQueue.class).where(eq("id", 1)))).as("the queue every job references").isTrue();
        assertThat(canLock(second, second.select(Job.class).where(eq("id", 1)))).isFalse();
    }
}
