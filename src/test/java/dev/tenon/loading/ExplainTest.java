package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.loading.model.Seed;
import dev.tenon.query.Load;
import dev.tenon.query.LoadPlan;
import dev.tenon.query.Query;
import dev.tenon.session.Session;
import dev.tenon.session.SessionOptions;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The load plan explained on SCOTT (4 departments, 40 without employees; 14 employees): the printed plan of each of
 * the four strategies on Dept.employees, word for word with its SQL, made without a statement; and its predicted
 * statement counts against those measured when the query runs.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ExplainTest {
    private static final String DEPT = "SELECT dept_1.deptno, dept_1.dname, dept_1.loc";
    private static final String EMP = "emp_1.empno, emp_1.ename, emp_1.job, emp_1.mgr, emp_1.hiredate, emp_1.sal, emp_1.comm, "
            + "emp_1.deptno, emp_1.created";

    @Parameter
    Backend backend;

    TestDb db;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Seed.scott(db);
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Session session(SessionOptions options) {
        return db.database().openSession(db.metadata(), options);
    }

    private static Query<Dept> departments(Session session, Load... options) {
        return session.select(Dept.class).orderBy("deptno").options(options);
    }

    /** Runs the query and touches every department's employees, as a loop printing them does. */
    private static long runAndTouch(Session session, Query<Dept> query) {
        List<Dept> depts = query.list();
        assertThat(depts.stream().map(dept -> dept.employees.size()).toList()).containsExactly(3, 5, 6, 0);
        return session.statistics().statements();
    }

    @Test
    void explainingRunsNoStatement() {
        long before = db.statements();
        try (Session session = session(SessionOptions.DEFAULTS)) {
            for (Load option : List.of(Load.lazy("employees"), Load.joined("employees"), Load.selectin("employees"), Load.subquery("employees"))) {
                assertThat(departments(session, option).explain().toString()).contains("employees: ");
            }

            assertThat(session.statistics().statements()).isZero();
            assertThat(db.statements()).isEqualTo(before);
            assertThat(log.sql()).isEmpty();
        }
    }

    @Test
    void theLazyPlanLoadsTheEmployeesOfEachDepartmentTouched() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            assertThat(departments(session).explain().toString()).isEqualTo(String.join("\n",
                    "Dept: the query; 1 statement",
                    "  " + DEPT + " FROM scott.dept dept_1 ORDER BY dept_1.deptno",
                    "  employees: lazy, by the mapping; parents when touched",
                    "    SELECT " + EMP + ", emp_1.deptno FROM scott.emp emp_1 WHERE emp_1.deptno = ? ORDER BY emp_1.empno"));
        }
    }

    @Test
    void theJoinedPlanHasOneStatementWithTheJoin() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            assertThat(departments(session, Load.joined("employees")).explain().toString()).isEqualTo(String.join("\n",
                    "Dept: the query; 1 statement",
                    "  " + DEPT + ", " + EMP + " FROM scott.dept dept_1 LEFT OUTER JOIN scott.emp emp_1 ON dept_1.deptno = emp_1.deptno"
                            + " ORDER BY dept_1.deptno, emp_1.empno",
                    "  employees: joined, by the option Load.joined(\"employees\"); no statement of its own: in its parents' statement",
                    "    department, manager, reports: lazy, by the mapping; when touched"));
        }
    }

    @Test
    void theSelectinPlanBindsEachBatchOfDepartmentsAsOneArray() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            assertThat(departments(session, Load.selectin("employees")).explain().toString()).isEqualTo(String.join("\n",
                    "Dept: the query; 1 statement",
                    "  " + DEPT + " FROM scott.dept dept_1 ORDER BY dept_1.deptno",
                    "  employees: selectin, by the option Load.selectin(\"employees\"); ⌈parents / 500⌉ statements",
                    "    SELECT " + EMP + ", emp_1.deptno FROM scott.emp emp_1 WHERE emp_1.deptno = ANY(?) ORDER BY emp_1.empno",
                    "    department, manager, reports: lazy, by the mapping; when touched"));
        }
    }

    @Test
    void theSubqueryPlanNestsTheParentQueryWithoutItsOrder() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            assertThat(departments(session, Load.subquery("employees")).explain().toString()).isEqualTo(String.join("\n",
                    "Dept: the query; 1 statement",
                    "  " + DEPT + " FROM scott.dept dept_1 ORDER BY dept_1.deptno",
                    "  employees: subquery, by the option Load.subquery(\"employees\"); 1 statement",
                    "    SELECT " + EMP + ", anon_1.k_1 FROM (SELECT dept_1.deptno AS k_1 FROM scott.dept dept_1) anon_1"
                            + " JOIN scott.emp emp_1 ON emp_1.deptno = anon_1.k_1 ORDER BY emp_1.empno",
                    "    department, manager, reports: lazy, by the mapping; when touched"));
        }
    }

    @Test
    void theRootStatementIsTheOneToSqlShowsWithItsValues() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            Query<Dept> query = departments(session, Load.selectin("employees")).limit(3);

            assertThat(query.explain().root().sql()).containsExactly(query.toSql());
            assertThat(query.toSql()).endsWith("LIMIT ?  [3]");
        }
    }

    @Test
    void lazyLoadsTouchedInALoopRunTheStatementsPredicted() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            Query<Dept> query = departments(session);
            LoadPlan plan = query.explain();

            assertThat(plan.predict(4)).isEqualTo(5);
            assertThat(plan.statements(Map.of("employees", 4))).isEqualTo(new LoadPlan.Prediction(5, 5));
            assertThat(plan.statements(Map.of())).hasToString("1");   // nothing touched
            assertThat(runAndTouch(session, query)).isEqualTo(5);
        }
    }

    @Test
    void batchedLazyLoadsRunOneStatementPerBatchOfSiblingsTouched() {
        try (Session session = session(SessionOptions.DEFAULTS.batchLazyLoads(true).selectinBatchSize(3))) {
            Query<Dept> query = departments(session);
            LoadPlan.Node employees = query.explain().node("employees");

            assertThat(employees.statements()).isEqualTo("⌈siblings / 3⌉ when touched");
            assertThat(employees.rules()).containsExactly(
                    "SessionOptions.batchLazyLoads: a touch loads it for up to 3 (selectinBatchSize) unloaded siblings from the same result");
            assertThat(employees.sql().get(0)).contains("WHERE emp_1.deptno = ANY(?)");
            assertThat(query.explain().predict(4)).isEqualTo(1 + 2);
            assertThat(runAndTouch(session, query)).isEqualTo(3);
        }
    }

    @Test
    void joinedLoadingRunsTheOneStatementPredicted() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            Query<Dept> query = departments(session, Load.joined("employees"));

            assertThat(query.explain().predict(4)).isEqualTo(1);
            assertThat(runAndTouch(session, query)).isEqualTo(1);
        }
    }

    @Test
    void selectinLoadingRunsTheTwoStatementsPredicted() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            Query<Dept> query = departments(session, Load.selectin("employees"));

            assertThat(query.explain().predict(4)).isEqualTo(2);
            assertThat(runAndTouch(session, query)).isEqualTo(2);
        }
    }

    @Test
    void nestedLoadingRunsTheOneStatementPredicted() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            Query<Dept> query = departments(session, Load.nested("employees"));

            assertThat(query.explain().toString()).contains("employees: nested").contains("no statement of its own");
            assertThat(query.explain().predict(4)).isEqualTo(1);
            assertThat(runAndTouch(session, query)).isEqualTo(1);
        }
    }

    @Test
    void subqueryLoadingRunsTheTwoStatementsPredicted() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            Query<Dept> query = departments(session, Load.subquery("employees"));

            assertThat(query.explain().predict(4)).isEqualTo(2);
            assertThat(query.explain().predict(0)).isEqualTo(1);
            assertThat(runAndTouch(session, query)).isEqualTo(2);
        }
    }

    @Test
    void aSelectinOverMoreParentsThanItsBatchSizeRunsOneStatementPerBatch() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            Query<Dept> query = departments(session, Load.selectin("employees").batchSize(3));
            LoadPlan plan = query.explain();

            assertThat(plan.node("employees").statements()).isEqualTo("⌈parents / 3⌉ statements");
            assertThat(plan.predict(4)).isEqualTo(1 + 2);
            assertThat(runAndTouch(session, query)).isEqualTo(3);
        }
        try (Session session = session(SessionOptions.DEFAULTS.selectinBatchSize(1))) {
            Query<Dept> query = departments(session, Load.selectin("employees"));

            assertThat(query.explain().node("employees").sql().get(0)).contains("WHERE emp_1.deptno = ? ");
            assertThat(query.explain().predict(4)).isEqualTo(1 + 4);
            assertThat(runAndTouch(session, query)).isEqualTo(5);
        }
    }

    @Test
    void lazyLoadsTouchedBelowAnEagerLoadAreCountedByTheParentsTouched() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            Query<Dept> query = departments(session, Load.selectin("employees"));
            LoadPlan plan = query.explain();

            int reports = 0;
            for (Dept dept : query.list()) {
                for (Emp emp : dept.employees) {
                    reports += emp.reports.size();
                }
            }

            assertThat(reports).isEqualTo(13);   // everyone but KING has a manager
            assertThat(plan.statements(Map.of("employees", 4, "employees.reports", 14))).hasToString("16");
            assertThat(session.statistics().statements()).isEqualTo(16);
        }
    }

    @Test
    void aManyToOneCountsTheTargetsTheSessionDoesNotHold() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            Query<Emp> query = session.select(Emp.class).options(Load.selectin("department"), Load.selectin("manager"));
            LoadPlan plan = query.explain();

            assertThat(plan.node("department").statements()).isEqualTo("⌈targets not in the session / 500⌉ statements");
            // 3 departments; the 6 managers are among the 14 employees the query reads: none to load.
            assertThat(plan.statements(Map.of("department", 3, "manager", 0))).hasToString("2");
            List<Emp> emps = query.list();
            assertThat(emps).allMatch(emp -> emp.department != null);
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }
}
