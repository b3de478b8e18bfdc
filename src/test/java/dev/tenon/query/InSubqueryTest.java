package dev.tenon.query;

import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.gt;
import static dev.tenon.query.Condition.in;
import static dev.tenon.query.Condition.ne;
import static dev.tenon.query.Condition.notIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.MappingException;
import dev.tenon.exception.TenonException;
import dev.tenon.loading.model.Seed;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code in(path, subquery)} and {@code notIn}: a query of one attribute nested in another's WHERE, on SCOTT. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class InSubqueryTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

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

    private Subquery departmentsPaying(int more) {
        return session.select(Emp.class).where(gt("sal", more)).attribute("deptno");
    }

    private List<Integer> departments(Condition... conditions) {
        return session.select(Dept.class).where(conditions).orderBy("deptno").list().stream().map(dept -> dept.deptno).toList();
    }

    private List<String> employees(Condition condition) {
        return session.select(Emp.class).where(condition).orderBy("empno").list().stream().map(emp -> emp.ename).toList();
    }

    @Test
    void inNestsTheSubqueryInTheWhereClause() {
        assertThat(session.select(Dept.class).where(in("deptno", departmentsPaying(2900))).toSql())
                .isEqualTo("SELECT dept_1.deptno, dept_1.dname, dept_1.loc FROM scott.dept dept_1"
                        + " WHERE dept_1.deptno IN (SELECT emp_1.deptno FROM scott.emp emp_1 WHERE emp_1.sal > ?)  [2900]");
    }

    @Test
    void notInLeavesTheSubquerysNullsOut() {
        assertThat(session.select(Dept.class).where(notIn("deptno", departmentsPaying(2900))).toSql())
                .endsWith("WHERE dept_1.deptno NOT IN (SELECT emp_1.deptno FROM scott.emp emp_1"
                        + " WHERE (emp_1.sal > ? AND emp_1.deptno IS NOT NULL))  [2900]");
    }

    @Test
    void theResultsAreThoseOfTheHandWrittenSubquery() {
        assertThat(departments(in("deptno", departmentsPaying(2900)))).containsExactly(10, 20).isEqualTo(db.rows(
                "SELECT deptno FROM scott.dept WHERE deptno IN (SELECT deptno FROM scott.emp WHERE sal > 2900) ORDER BY deptno")
                .stream().map(row -> ((Number) row.get(0)).intValue()).toList());
        assertThat(departments(notIn("deptno", departmentsPaying(2900)))).containsExactly(30, 40);
        assertThat(log.sql()).hasSize(2);
    }

    @Test
    void aSubqueryOfTheSameEntityWorks() {
        Subquery managers = session.select(Emp.class).attribute("mgr");

        assertThat(employees(in("empno", managers))).containsExactly("JONES", "BLAKE", "CLARK", "SCOTT", "KING", "FORD");
        assertThat(employees(notIn("empno", managers))).as("KING's null mgr would make a plain NOT IN match nobody")
                .containsExactly("SMITH", "ALLEN", "WARD", "MARTIN", "TURNER", "ADAMS", "JAMES", "MILLER");
    }

    @Test
    void theSubqueryMaySelectAndFilterThroughToOnePaths() {
        Subquery dallasDepartments = session.select(Emp.class).where(eq("department.loc", "DALLAS")).attribute("department.deptno");

        assertThat(departments(in("deptno", dallasDepartments))).containsExactly(20);
        assertThat(session.select(Dept.class).where(in("deptno", dallasDepartments)).toSql()).contains("IN (SELECT dept_2.deptno"
                + " FROM scott.emp emp_1 LEFT OUTER JOIN scott.dept dept_2 ON emp_1.deptno = dept_2.deptno WHERE dept_2.loc = ?)");
    }

    @Test
    void valuesAreBoundInTheOrderOfTheirParametersOnEveryExecution() {
        Query<Dept> shape = session.select(Dept.class).where(ne("loc", "X"), in("deptno", departmentsPaying(1)), ne("dname", "Y"));
        String first = shape.toSql();
        Query<Dept> same = session.select(Dept.class).where(ne("loc", "NEW YORK"), in("deptno", departmentsPaying(2900)), ne("dname", "SALES"));

        assertThat(same.toSql()).isEqualTo(first.substring(0, first.indexOf("  [")) + "  [NEW YORK, 2900, SALES]");
        assertThat(same.list()).extracting(dept -> dept.deptno).containsExactly(20);
    }

    @Test
    void theSelectedAttributeIsCheckedAgainstTheMapping() {
        assertThatThrownBy(() -> departments(in("deptno", session.select(Emp.class).attribute("deptnum"))))
                .isInstanceOf(MappingException.class).hasMessageContaining("Emp has no attribute 'deptnum'; did you mean 'deptno'?");
        assertThatThrownBy(() -> departments(in("deptno", session.select(Emp.class).attribute("ename"))))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("'deptno' is an Integer, but the subquery selects Emp.ename, a String");
        assertThatThrownBy(() -> departments(in("deptno", session.select(Emp.class).attribute("deptno FROM scott.emp) OR (1=1"))))
                .isInstanceOf(MappingException.class);
        assertThatThrownBy(() -> departments(in("deptno", session.select(Emp.class).attribute("reports.deptno"))))
                .isInstanceOf(MappingException.class).hasMessageContaining("Emp.reports is a collection");
        assertThat(log.sql()).isEmpty();
    }

    @Test
    void aSubqueryKeepsOnlyItsConditions() {
        assertThatThrownBy(() -> session.select(Emp.class).limit(3).attribute("deptno"))
                .isInstanceOf(TenonException.class).hasMessageContaining("this query has limit()/offset()");
        assertThatThrownBy(() -> session.select(Emp.class).attribute(null))
                .isInstanceOf(TenonException.class).hasMessageContaining("attribute(null)");
        assertThatThrownBy(() -> in("deptno", (Subquery) null)).isInstanceOf(TenonException.class).hasMessageContaining("the subquery is null");
    }

    @Test
    void hostileValuesInTheSubqueryAreBound() {
        String hostile = "CLERK' OR '1'='1";

        assertThat(departments(in("deptno", session.select(Emp.class).where(eq("job", hostile)).attribute("deptno")))).isEmpty();
        assertThat(log.sql()).singleElement().asString().doesNotContain(hostile).contains("emp_1.job = ?");
    }
}
