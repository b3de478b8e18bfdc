package dev.tenon.session;

import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.ne;
import static dev.tenon.query.Condition.none;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.api.Status;
import dev.tenon.demo.Account;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementKind;
import dev.tenon.exception.ReadOnlyException;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.TenonException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
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
 * session.update(Type) and session.delete(Type): one statement each, the row count returned, and the session's objects
 * kept in step by each synchronize strategy; a failure rolls back the rows and the objects.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class BulkWriteTest {
    private static final BigDecimal THOUSAND = new BigDecimal("1000.00");

    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class, Account.class);
        Scott.load(db);
        session = db.database().openSession(db.metadata());
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private long statements() {
        return session.statistics().statements();
    }

    private List<Object> salaries(String where) {
        return db.rows("SELECT sal FROM scott.emp WHERE " + where + " ORDER BY empno").stream().map(row -> row.get(0)).toList();
    }

    @Test
    void anUpdateIsOneStatementReturningTheRowCount() {
        int raised = session.update(Emp.class).set("sal", 1000).where(eq("job", "CLERK")).execute();

        assertThat(raised).isEqualTo(4);
        assertThat(log.sql()).containsExactly("UPDATE scott.emp emp_1 SET sal = ? WHERE emp_1.job = ?");
        assertThat(session.statistics().statements(StatementKind.UPDATE)).isEqualTo(1);
        session.commit();
        assertThat(salaries("job = 'CLERK'")).allSatisfy(sal -> assertThat((BigDecimal) sal).isEqualByComparingTo(THOUSAND));
        assertThat(salaries("job <> 'CLERK'")).noneSatisfy(sal -> assertThat((BigDecimal) sal).isEqualByComparingTo(THOUSAND));
    }

    @Test
    void evaluateSetsTheValuesOnTheLoadedObjectsThatMatchAndNoOthers() {
        List<Emp> all = session.select(Emp.class).orderBy("empno").list();
        long before = statements();

        session.update(Emp.class).set("sal", THOUSAND).where(eq("job", "CLERK")).synchronize(Synchronize.EVALUATE).execute();

        assertThat(statements() - before).isEqualTo(1);
        for (Emp emp : all) {
            assertThat(emp.sal.compareTo(THOUSAND) == 0).as(emp.ename).isEqualTo(emp.job.equals("CLERK"));
        }
        session.flush();        // the objects hold what the rows hold: nothing to write
        assertThat(statements() - before).isEqualTo(1);
    }

    @Test
    void evaluateKeepsSqlsThreeValuedLogic() {
        List<Emp> all = session.select(Emp.class).orderBy("empno").list();
        log.clear();

        int changed = session.update(Emp.class).set("job", "EARNER").where(ne("comm", 0)).execute();

        List<Object> earners = db.rows("SELECT ename FROM scott.emp WHERE comm <> 0 ORDER BY empno").stream().map(row -> row.get(0)).toList();
        assertThat(changed).isEqualTo(3);
        assertThat(all.stream().filter(emp -> emp.job.equals("EARNER")).map(emp -> (Object) emp.ename).toList())
                .isEqualTo(earners).containsExactly("ALLEN", "WARD", "MARTIN");
        assertThat(log.sql()).hasSize(1);
    }

    @Test
    void aConditionThroughARelationshipMatchesTheKeysOfASubquery() {
        List<Emp> all = session.select(Emp.class).orderBy("empno").list();
        log.clear();

        int raised = session.update(Emp.class).set("sal", THOUSAND).where(eq("department.loc", "DALLAS")).execute();

        assertThat(raised).isEqualTo(5);
        assertThat(log.sql()).hasSize(1);
        String sql = log.sql().get(0);
        assertThat(sql).contains("UPDATE scott.emp SET sal = ? WHERE (empno) IN (SELECT emp_1.empno FROM scott.emp emp_1 LEFT OUTER JOIN scott.dept");
        // AUTO cannot evaluate a path in Java, so the statement returns the keys it changed (FETCH).
        assertThat(sql).contains(backend == Backend.POSTGRES ? "RETURNING empno" : "FROM FINAL TABLE (UPDATE");
        assertThat(session.statistics().statements(StatementKind.UPDATE)).isEqualTo(1);
        for (Emp emp : all) {
            assertThat(emp.sal.compareTo(THOUSAND) == 0).as(emp.ename).isEqualTo(emp.deptno == 20);
        }
    }

    @Test
    void fetchUpdatesTheObjectsOfTheRowsTheStatementReturns() {
        Emp smith = session.get(Emp.class, 7369);
        Emp king = session.get(Emp.class, 7839);
        long before = statements();

        int raised = session.update(Emp.class).set("comm", 50).where(eq("job", "CLERK")).synchronize(Synchronize.FETCH).execute();

        assertThat(raised).isEqualTo(4);
        assertThat(statements() - before).isEqualTo(1);
        assertThat(smith.comm).isEqualByComparingTo("50");
        assertThat(king.comm).isNull();
        assertThat(session.sql("SELECT COUNT(*) FROM scott.emp WHERE comm = 50").scalar(Long.class)).isEqualTo(4L);
    }

    @Test
    void anExistsConditionFiltersTheBulkWriteAndTheObjectsAreFetched() {
        Dept operations = session.get(Dept.class, 40);
        Dept accounting = session.get(Dept.class, 10);
        log.clear();

        int gone = session.delete(Dept.class).where(none("employees")).execute();

        assertThat(gone).isEqualTo(1);
        assertThat(log.sql()).hasSize(1);
        assertThat(log.sql().get(0)).contains("DELETE FROM scott.dept dept_1 WHERE NOT EXISTS (SELECT 1 FROM scott.emp emp_1 WHERE"
                + " emp_1.deptno = dept_1.deptno)");
        assertThat(session.status(operations)).isEqualTo(Status.DELETED);
        assertThat(session.status(accounting)).isEqualTo(Status.PERSISTENT);
    }

    @Test
    void noneLeavesTheObjectsAsTheyWere() {
        Emp smith = session.get(Emp.class, 7369);

        session.update(Emp.class).set("sal", THOUSAND).where(eq("job", "CLERK")).synchronize(Synchronize.NONE).execute();

        assertThat(smith.sal).isEqualByComparingTo("800");
        session.refresh(smith);
        assertThat(smith.sal).isEqualByComparingTo(THOUSAND);
    }

    @Test
    void pendingChangesAreFlushedFirstSoTheStatementSeesThem() {
        session.get(Emp.class, 7839).job = "CLERK";
        long before = statements();

        int raised = session.update(Emp.class).set("sal", THOUSAND).where(eq("job", "CLERK")).execute();

        assertThat(raised).isEqualTo(5);
        assertThat(statements() - before).isEqualTo(2);
    }

    @Test
    void aDeleteIsOneStatementAndMarksTheLoadedObjectsDeleted() {
        Emp smith = session.get(Emp.class, 7369);
        Emp king = session.get(Emp.class, 7839);
        long before = statements();
        log.clear();

        int gone = session.delete(Emp.class).where(eq("job", "CLERK")).execute();

        assertThat(gone).isEqualTo(4);
        assertThat(statements() - before).isEqualTo(1);
        assertThat(log.sql()).containsExactly("DELETE FROM scott.emp emp_1 WHERE emp_1.job = ?");
        assertThat(session.status(smith)).isEqualTo(Status.DELETED);
        assertThat(session.status(king)).isEqualTo(Status.PERSISTENT);
        assertThat(session.get(Emp.class, 7369)).isNull();
        session.commit();
        assertThat(session.status(smith)).isEqualTo(Status.DETACHED);
        assertThat(db.rows("SELECT COUNT(*) FROM scott.emp").get(0).get(0)).isIn(10, 10L);
    }

    @Test
    void aFetchDeleteReadsTheDeletedKeysFromTheStatementItself() {
        Emp smith = session.get(Emp.class, 7369);
        log.clear();

        int gone = session.delete(Emp.class).where(eq("job", "CLERK")).synchronize(Synchronize.FETCH).execute();

        assertThat(gone).isEqualTo(4);
        assertThat(log.sql()).hasSize(1);
        assertThat(log.sql().get(0)).contains(backend == Backend.POSTGRES ? "RETURNING empno" : "FROM OLD TABLE (DELETE");
        assertThat(session.statistics().statements(StatementKind.DELETE)).isEqualTo(1);
        assertThat(session.status(smith)).isEqualTo(Status.DELETED);
    }

    @Test
    void aDeleteOfReferencedRowsFailsAndPutsRowsAndObjectsBack() {
        List<Emp> all = session.select(Emp.class).orderBy("empno").list();
        Dept accounting = session.get(Dept.class, 10);
        Emp king = session.get(Emp.class, 7839);
        session.update(Emp.class).set("sal", THOUSAND).where(eq("job", "CLERK")).execute();
        king.job = "BOSS";      // flushed by the delete's autoflush

        assertThatThrownBy(() -> session.delete(Dept.class).where(eq("deptno", 10)).execute())
                .isInstanceOf(SqlExecutionException.class)
                .satisfies(e -> assertThat(((SqlExecutionException) e).sqlState()).startsWith("23"));

        assertThat(session.status(accounting)).isEqualTo(Status.PERSISTENT);
        assertThat(all.get(0).sal).isEqualByComparingTo("800");      // the bulk update's values are undone in memory
        assertThat(king.job).isEqualTo("BOSS");                     // the application's change waits for the next flush
        assertThat(salaries("empno = 7369")).first().satisfies(sal -> assertThat((BigDecimal) sal).isEqualByComparingTo("800"));
        session.commit();
        assertThat(db.rows("SELECT job FROM scott.emp WHERE empno = 7839")).containsExactly(List.of("BOSS"));
        assertThat(db.rows("SELECT COUNT(*) FROM scott.dept").get(0).get(0)).isIn(4, 4L);
    }

    @Test
    void aVersionedUpdateAdvancesEveryRowsVersionAndTheLoadedObjectsFollow() {
        for (int id = 1; id <= 3; id++) {
            session.add(new Account(id, id == 3 ? "carol" : "shared", 100));
        }
        session.commit();
        Account first = session.get(Account.class, 1);
        Account third = session.get(Account.class, 3);
        long version = first.version;

        int changed = session.update(Account.class).set("balance", 0).where(eq("owner", "shared")).execute();

        assertThat(changed).isEqualTo(2);
        assertThat(log.sql().get(log.sql().size() - 1)).contains("SET balance = ?, version = version + 1");
        assertThat(first.version).isEqualTo(version + 1);
        assertThat(third.version).isEqualTo(version);
        first.balance = 5;
        session.commit();       // checks the version the object holds: the row's, so no StaleDataException
        assertThat(db.rows("SELECT balance, version FROM bank.account WHERE id = 1").get(0))
                .containsExactly(5, version + 2);
    }

    @Test
    void aVersionedFetchUpdateTakesTheVersionTheRowNowHolds() {
        session.add(new Account(1, "shared", 100));
        session.commit();
        Account account = session.get(Account.class, 1);

        session.update(Account.class).set("balance", 7).where(eq("owner", "shared")).synchronize(Synchronize.FETCH).execute();

        assertThat(account.balance).isEqualTo(7);
        assertThat(((Number) db.rows("SELECT version FROM bank.account WHERE id = 1").get(0).get(0)).longValue()).isEqualTo(account.version - 1);
        session.commit();
        assertThat(((Number) db.rows("SELECT version FROM bank.account WHERE id = 1").get(0).get(0)).longValue()).isEqualTo(account.version);
    }

    @Test
    void mistakesAreRefusedBeforeAnySqlAndTheTransactionGoesOn() {
        session.get(Emp.class, 7369).sal = new BigDecimal("900.00");
        session.flush();
        long before = statements();

        assertThatThrownBy(() -> session.delete(Emp.class).execute()).isInstanceOf(TenonException.class).hasMessageContaining("everyRow()");
        assertThatThrownBy(() -> session.update(Emp.class).set("salary", 1)).isInstanceOf(TenonException.class)
                .hasMessageContaining("no column attribute 'salary'").hasMessageContaining("sal");
        assertThatThrownBy(() -> session.update(Emp.class).set("empno", 1)).hasMessageContaining("primary key");
        assertThatThrownBy(() -> session.update(Emp.class).set("sal", "lots")).hasMessageContaining("sal is a BigDecimal, but the value is a String");
        assertThatThrownBy(() -> session.update(Emp.class).set("deptno", 40).where(eq("job", "CLERK")).execute())
                .hasMessageContaining("foreign key of Emp.department");
        assertThatThrownBy(() -> session.update(Emp.class).set("sal", 1).where(eq("department.loc", "DALLAS"))
                .synchronize(Synchronize.EVALUATE).execute()).hasMessageContaining("'department.loc' is not a column of Emp");
        assertThatThrownBy(() -> session.update(Emp.class).set("sal", 1).where(eq("nope", 1)).execute()).isInstanceOf(TenonException.class);
        assertThatThrownBy(() -> session.update(null)).isInstanceOf(TenonException.class).hasMessageContaining("session.update(null)");

        assertThat(statements()).isEqualTo(before);
        session.commit();
        assertThat(salaries("empno = 7369")).first().satisfies(sal -> assertThat((BigDecimal) sal).isEqualByComparingTo("900"));
    }

    @Test
    void aForeignKeyMayBeSetWhenTheObjectsAreNotSynchronized() {
        int moved = session.update(Emp.class).set("deptno", 40).where(eq("deptno", 10)).synchronize(Synchronize.NONE).execute();

        assertThat(moved).isEqualTo(3);
        assertThat(session.select(Emp.class).where(eq("department.loc", "BOSTON")).count()).isEqualTo(3);
    }

    @Test
    void everyRowMustBeAskedFor() {
        assertThat(session.update(Dept.class).set("loc", "REMOTE").everyRow().execute()).isEqualTo(4);
        assertThat(log.sql()).containsExactly("UPDATE scott.dept dept_1 SET loc = ?");
    }

    @Test
    void hostileValuesAreBoundNeverWritten() {
        String drop = "';DROP--";

        int changed = session.update(Emp.class).set("ename", drop).where(eq("job", "' OR '1'='1")).execute();

        assertThat(changed).isZero();
        assertThat(log.sql()).allSatisfy(sql -> assertThat(sql).doesNotContain("DROP").doesNotContain("'1'"));
        assertThat(db.rows("SELECT COUNT(*) FROM scott.emp").get(0).get(0)).isIn(14, 14L);
    }

    @Test
    void aReadOnlySessionRefusesBulkWritesBeforeAnySql() {
        try (Session reader = db.database().openReadOnlySession(db.metadata())) {
            assertThatThrownBy(() -> reader.delete(Emp.class).where(eq("job", "CLERK")).execute()).isInstanceOf(ReadOnlyException.class);
            assertThat(reader.statistics().statements()).isZero();
        }
    }
}
