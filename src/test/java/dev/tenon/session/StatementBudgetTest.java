package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementBudget;
import dev.tenon.engine.StatementBudget.Statement;
import dev.tenon.engine.StatementKind;
import dev.tenon.exception.StatementBudgetError;
import dev.tenon.exception.TenonException;
import dev.tenon.query.Load;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Statement budgets: a block of code asserts how many statements it runs, and when it runs more, the failure lists
 * every statement and, for each lazy load, the relationship and the line of the test that touched it.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class StatementBudgetTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Scott.load(db);
        // The N+1 detector's warnings are not what these tests are about: it is tested on its own.
        session = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.nPlusOneThreshold(1000));
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    /** The line of the caller, to compare with the call site a budget names. */
    private static int here() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow().getLineNumber();
    }

    @Test
    void aBlockWithinItsBudgetPasses() {
        try (StatementBudget budget = session.expectStatements(2)) {
            for (Dept dept : session.select(Dept.class).options(Load.selectin("employees")).orderBy("deptno").list()) {
                dept.employees.size();
            }
            assertThat(budget.count()).isEqualTo(2);
            assertThat(budget.statements()).extracting(Statement::kind).containsOnly(StatementKind.SELECT);
            assertThat(budget.statements()).extracting(Statement::sql).containsExactlyElementsOf(log.sql());
            assertThat(budget.statements()).extracting(Statement::lazyLoad).containsOnlyNulls();
        }
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void batchedLazyLoadsFitABudgetOfTwoAndAreStillMarkedAsLazyLoads() {
        try (Session batched = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.batchLazyLoads(true));
             StatementBudget budget = batched.expectStatements(2)) {
            for (Dept dept : batched.select(Dept.class).orderBy("deptno").list()) {
                dept.employees.size();
            }
            assertThat(budget.statements()).extracting(Statement::lazyLoad).extracting(String::valueOf)
                    .containsExactly("null", "Dept.employees");
            assertThat(budget.statements().get(1).callSite()).contains("StatementBudgetTest.java:");
        }
    }

    @Test
    void anAtMostBudgetPassesWithFewerStatements() {
        try (StatementBudget budget = session.expectAtMost(3)) {
            session.get(Dept.class, 10);
            assertThat(budget.count()).isEqualTo(1);
        }
    }

    @Test
    void anExactBudgetFailsWhenFewerStatementsRan() {
        StatementBudget budget = session.expectStatements(2);
        session.get(Dept.class, 10);

        assertThatThrownBy(budget::close)
                .isInstanceOf(StatementBudgetError.class)
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected exactly 2 statements in this session, ran 1:\n  1. " + log.sql().get(0));
    }

    @Test
    void overBudgetFailsListingEveryStatementAndEachLazyLoadWithTheTestsOwnLine() {
        List<Integer> lines = new ArrayList<>();
        StatementBudget budget = session.expectAtMost(2);
        for (Dept dept : session.select(Dept.class).orderBy("deptno").list()) {
            lines.add(here()); dept.employees.size(); // one line: the call site the budget must name
        }

        assertThat(log.sql()).hasSize(5);
        assertThatThrownBy(budget::close)
                .isInstanceOf(StatementBudgetError.class)
                .satisfies(failure -> {
                    String message = failure.getMessage();
                    assertThat(message).startsWith("Expected at most 2 statements in this session, ran 5:\n  1. " + log.sql().get(0) + "\n");
                    for (int i = 1; i < 5; i++) {
                        assertThat(message).contains("\n  " + (i + 1) + ". " + log.sql().get(i) + "\n     lazy load of Dept.employees at "
                                + StatementBudgetTest.class.getName() + ".overBudgetFailsListingEveryStatementAndEachLazyLoadWithTheTestsOwnLine"
                                + "(StatementBudgetTest.java:" + lines.get(i - 1) + ")");
                    }
                    assertThat(message).endsWith("\n4 statements lazy-loaded Dept.employees: load it with the query instead, "
                            + ".options(Load.selectin(\"employees\")), or set batchSize on the relationship");
                    // The application does not allow values in errors: the department numbers stay out.
                    assertThat(message).doesNotContain("values");
                });
        assertThat(budget.statements()).extracting(Statement::lazyLoad).extracting(String::valueOf)
                .containsExactly("null", "Dept.employees", "Dept.employees", "Dept.employees", "Dept.employees");
    }

    @Test
    void anImplicitManyToOneLoadReadAsAFieldIsNamedWithItsLine() {
        List<Emp> emps = session.select(Emp.class).orderBy("empno").list();
        StatementBudget budget = session.expectStatements(0);
        int line = here(); String dname = emps.get(0).department.dname; // one line: the field read is the call site

        assertThat(dname).isEqualTo("RESEARCH");
        assertThatThrownBy(budget::close)
                .isInstanceOf(StatementBudgetError.class)
                .hasMessageStartingWith("Expected exactly 0 statements in this session, ran 1:\n  1. ")
                .hasMessageContaining("\n     lazy load of Emp.department at " + StatementBudgetTest.class.getName()
                        + ".anImplicitManyToOneLoadReadAsAFieldIsNamedWithItsLine(StatementBudgetTest.java:" + line + ")")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("load it with the query instead"));
    }

    @Test
    void theValuesOfEachStatementAreShownOnlyWhenTheDatabaseAllowsValuesInErrors() {
        db.database().showValuesInErrors(true);
        try {
            List<Dept> depts = session.select(Dept.class).orderBy("deptno").list();
            StatementBudget budget = session.expectStatements(0);
            depts.get(0).employees.size();

            assertThat(budget.statements()).hasSize(1);
            assertThat(budget.statements().get(0).params()).hasSize(1);
            assertThatThrownBy(budget::close).hasMessageContaining("\n     values [").hasMessageContaining("10");
        } finally {
            db.database().showValuesInErrors(false);
        }
    }

    @Test
    void aSessionBudgetCountsOnlyItsOwnSession() {
        try (StatementBudget budget = session.expectStatements(1); Session other = db.database().openSession(db.metadata())) {
            other.get(Dept.class, 20);
            other.get(Dept.class, 30);
            session.get(Dept.class, 10);
            assertThat(budget.count()).isEqualTo(1);
        }
    }

    @Test
    void aDatabaseBudgetCountsEverySessionAndThread() {
        try (StatementBudget budget = db.database().expectStatements(3)) {
            session.get(Dept.class, 10);
            try (Session other = db.database().openSession(db.metadata())) {
                other.get(Dept.class, 20);
            }
            CompletableFuture.runAsync(() -> {
                try (Session elsewhere = db.database().openSession(db.metadata())) {
                    elsewhere.get(Dept.class, 30);
                }
            }).join();
            assertThat(budget.statements()).extracting(Statement::sql).containsExactlyElementsOf(log.sql());
        }
        assertThat(db.database().statistics().statements()).isEqualTo(3);
    }

    @Test
    void aDatabaseBudgetNamesTheLazyLoadsOfItsSessions() {
        List<Dept> depts = session.select(Dept.class).orderBy("deptno").list();
        StatementBudget budget = db.database().expectAtMost(1);
        depts.get(0).employees.size();
        depts.get(1).employees.size();

        assertThatThrownBy(budget::close)
                .hasMessageStartingWith("Expected at most 1 statement on this database, ran 2:")
                .hasMessageContaining("2 statements lazy-loaded Dept.employees");
    }

    @Test
    void theBudgetCountsAsTheStatisticsDoABatchIsOneStatement() {
        long before = session.statistics().statements();
        try (StatementBudget budget = session.expectStatements(2)) {
            for (int deptno = 50; deptno < 60; deptno++) {
                session.add(new Dept(deptno, "D" + deptno, "NOWHERE"));
            }
            session.flush();
            session.get(Dept.class, 10);
            assertThat(budget.count()).isEqualTo(session.statistics().statements() - before).isEqualTo(log.entries().size());
        }
        session.rollback();
    }

    @Test
    void statementsAfterTheBudgetClosedAreNotCounted() {
        StatementBudget budget = session.expectStatements(1);
        session.get(Dept.class, 10);
        budget.close();
        session.get(Dept.class, 20);
        budget.close(); // closing again checks nothing more

        assertThat(budget.count()).isEqualTo(1);
    }

    @Test
    void aNegativeBudgetIsRefused() {
        assertThatThrownBy(() -> session.expectAtMost(-1))
                .isInstanceOf(TenonException.class)
                .hasMessage("A statement budget cannot be negative, was -1; expect 0 statements or more");
        assertThatThrownBy(() -> db.database().expectStatements(-2)).isInstanceOf(TenonException.class);
    }

    @Test
    void aBudgetOnAClosedSessionIsRefused() {
        session.close();

        assertThatThrownBy(() -> session.expectStatements(1)).isInstanceOf(TenonException.class).hasMessageContaining("closed");
    }
}
