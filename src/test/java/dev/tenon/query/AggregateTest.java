package dev.tenon.query;

import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.ge;
import static dev.tenon.query.Condition.gt;
import static dev.tenon.query.Condition.in;
import static dev.tenon.query.Condition.or;
import static dev.tenon.query.Selection.avg;
import static dev.tenon.query.Selection.count;
import static dev.tenon.query.Selection.countDistinct;
import static dev.tenon.query.Selection.max;
import static dev.tenon.query.Selection.min;
import static dev.tenon.query.Selection.sum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.loading.model.Seed;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Aggregates and grouping: a report in one statement, its values typed alike on both databases. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class AggregateTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    record DeptTotal(String dname, long count, BigDecimal sumSal) {
    }

    record Headcount(String dname, long employees, BigDecimal total) {
    }

    record Stats(long count, long jobs, Long sumEmpno, BigDecimal total, Double average, BigDecimal lowest, LocalDate firstHired) {
    }

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Seed.scott(db);
        log = StatementLog.on(db.database());
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void employeesAndTotalSalaryPerDepartmentAreOneStatementWithOneGroupBy() {
        List<DeptTotal> report = session.select(Emp.class).groupBy("department.dname")
                .columns("department.dname", count(), sum("sal")).orderBy("department.dname").into(DeptTotal.class).list();

        assertThat(log.sql()).containsExactly("SELECT dept_1.dname, COUNT(*), SUM(emp_1.sal) FROM scott.emp emp_1"
                + " LEFT OUTER JOIN scott.dept dept_1 ON emp_1.deptno = dept_1.deptno GROUP BY dept_1.dname ORDER BY dept_1.dname");
        List<List<Object>> expected = db.rows("SELECT d.dname, COUNT(*), SUM(e.sal) FROM scott.emp e JOIN scott.dept d"
                + " ON d.deptno = e.deptno GROUP BY d.dname ORDER BY d.dname");
        assertThat(report).hasSize(3);
        for (int i = 0; i < report.size(); i++) {
            DeptTotal row = report.get(i);
            assertThat(row.dname()).isEqualTo(expected.get(i).get(0));
            assertThat(row.count()).isEqualTo(((Number) expected.get(i).get(1)).longValue());
            assertThat(row.sumSal()).isEqualByComparingTo((BigDecimal) expected.get(i).get(2));
        }
        assertThat(report.get(2)).isEqualTo(new DeptTotal("SALES", 6, new BigDecimal("9400.00")));
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void havingFiltersGroupsByAnAggregatesNameAndOrderByTakesItToo() {
        List<Headcount> big = session.select(Emp.class)
                .columns("department.dname", count().as("employees"), sum("sal").as("total"))
                .groupBy("department.dname").having(gt("employees", 3)).orderBy("total desc").into(Headcount.class).list();

        assertThat(big).containsExactly(new Headcount("RESEARCH", 5, new BigDecimal("10875.00")),
                new Headcount("SALES", 6, new BigDecimal("9400.00")));
        assertThat(log.sql().get(0)).endsWith(" GROUP BY dept_1.dname HAVING COUNT(*) > ? ORDER BY SUM(emp_1.sal) DESC");
        List<List<Object>> expected = db.rows("SELECT d.dname FROM scott.emp e JOIN scott.dept d ON d.deptno = e.deptno"
                + " GROUP BY d.dname HAVING COUNT(*) > ? ORDER BY SUM(e.sal) DESC", 3);
        assertThat(big.stream().map(row -> List.<Object>of(row.dname())).toList()).isEqualTo(expected);
    }

    @Test
    void theTopGroupsByAnAggregateWithALimit() {
        List<Object[]> top = session.select(Emp.class).groupBy("job").columns("job", count().as("n"))
                .orderBy("n desc", "job").limit(2).list();

        assertThat(top).hasSize(2);
        assertThat(top.get(0)).containsExactly("CLERK", 4L);
        assertThat(top.get(1)).containsExactly("SALESMAN", 4L);
        assertThat(log.sql().get(0)).endsWith("GROUP BY emp_1.job ORDER BY COUNT(*) DESC, emp_1.job LIMIT ?");
    }

    @Test
    void eachAggregateHasItsDocumentedTypeOnBothDatabases() {
        Stats stats = session.select(Emp.class).columns(count(), countDistinct("job").as("jobs"), sum("empno"), sum("sal").as("total"),
                avg("sal").as("average"), min("sal").as("lowest"), min("hiredate").as("firstHired")).into(Stats.class).one();

        List<Object> expected = db.rows("SELECT COUNT(*), COUNT(DISTINCT job), SUM(empno), SUM(sal), AVG(sal), MIN(sal), MIN(hiredate)"
                + " FROM scott.emp").get(0);
        assertThat(stats.count()).isEqualTo(14L);
        assertThat(stats.jobs()).isEqualTo(5L);
        assertThat(stats.sumEmpno()).isEqualTo(((Number) expected.get(2)).longValue());
        assertThat(stats.total()).isEqualTo(new BigDecimal("29025.00"));
        assertThat(stats.average()).isCloseTo(29025.0 / 14, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(stats.lowest()).isEqualTo(new BigDecimal("800.00"));
        assertThat(stats.firstHired()).isEqualTo(LocalDate.of(1980, 12, 17));
        assertThat(log.sql()).containsExactly("SELECT COUNT(*), COUNT(DISTINCT emp_1.job), SUM(emp_1.empno), SUM(emp_1.sal),"
                + " AVG(emp_1.sal), MIN(emp_1.sal), MIN(emp_1.hiredate) FROM scott.emp emp_1");
    }

    @Test
    void anAggregateWithoutGroupsIsOneRowAndOverNoRowsOnlyTheCountIsNotNull() {
        long clerks = session.select(Emp.class).where(eq("job", "CLERK")).columns(count()).scalars(Long.class).one();
        Object[] none = session.select(Emp.class).where(eq("job", "ASTRONAUT")).columns(count(), sum("sal"), max("ename")).one();

        assertThat(clerks).isEqualTo(4L);
        assertThat(none).containsExactly(0L, null, null);
    }

    @Test
    void groupingByTwoPathsAndFilteringRowsFirst() {
        List<Object[]> rows = session.select(Emp.class).where(or(eq("job", "CLERK"), eq("job", "MANAGER")))
                .groupBy("department.loc", "job").columns("department.loc", "job", max("sal"))
                .orderBy("department.loc", "job").list();

        List<List<Object>> expected = db.rows("SELECT d.loc, e.job, MAX(e.sal) FROM scott.emp e JOIN scott.dept d ON d.deptno = e.deptno"
                + " WHERE e.job IN ('CLERK', 'MANAGER') GROUP BY d.loc, e.job ORDER BY d.loc, e.job");
        assertThat(rows.stream().map(List::of).toList()).isEqualTo(expected);
        assertThat(log.sql().get(0)).containsOnlyOnce("JOIN").contains("GROUP BY dept_1.loc, emp_1.job");
    }

    @Test
    void aPathInBothTheWhereAndTheColumnsIsJoinedOnce() {
        List<Object[]> rows = session.select(Emp.class).where(eq("department.loc", "DALLAS")).groupBy("department.dname")
                .columns("department.dname", avg("sal")).list();

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[0]).isEqualTo("RESEARCH");
        assertThat((Double) rows.get(0)[1]).isCloseTo(2175.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(log.sql().get(0)).containsOnlyOnce("JOIN");
    }

    @Test
    void havingValuesAreBoundAndTheShapeIsCompiledOnce() {
        List<JobCount> many = jobsHaving(ge("n", 4));
        int cached = db.database().cachedStatements();
        List<JobCount> fewer = jobsHaving(ge("n", 2));
        List<JobCount> some = jobsHaving(in("n", 1, 3));

        assertThat(many).containsExactly(new JobCount("CLERK", 4), new JobCount("SALESMAN", 4));
        assertThat(fewer).extracting(JobCount::job).containsExactly("ANALYST", "CLERK", "MANAGER", "SALESMAN");
        assertThat(some).containsExactly(new JobCount("MANAGER", 3), new JobCount("PRESIDENT", 1));
        assertThat(db.database().cachedStatements()).as("the in(...) is a shape of its own, the second ge(...) is not")
                .isEqualTo(cached + 1);
        assertThat(log.sql().get(1)).isEqualTo(log.sql().get(0)).endsWith("HAVING COUNT(*) >= ? ORDER BY emp_1.job");
    }

    @Test
    void havingTakesBetweenOverAnAggregate() {
        List<Headcount> middling = session.select(Emp.class).groupBy("department.dname")
                .columns("department.dname", count().as("employees"), sum("sal").as("total"))
                .having(Condition.between("total", 9000, 10000)).into(Headcount.class).list();

        assertThat(middling).containsExactly(new Headcount("SALES", 6, new BigDecimal("9400.00")));
        assertThat(log.sql().get(0)).endsWith("GROUP BY dept_1.dname HAVING SUM(emp_1.sal) BETWEEN ? AND ?");
    }

    private List<JobCount> jobsHaving(Condition condition) {
        return session.select(Emp.class).groupBy("job").columns("job", count().as("n")).having(condition).orderBy("job")
                .into(JobCount.class).list();
    }

    record JobCount(String job, long n) {
    }
}
