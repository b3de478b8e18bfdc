package dev.tenon.query;

import static dev.tenon.query.Condition.any;
import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.gt;
import static dev.tenon.query.Condition.isNotNull;
import static dev.tenon.query.Condition.isNull;
import static dev.tenon.query.Condition.none;
import static dev.tenon.query.Condition.not;
import static dev.tenon.query.Condition.or;
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

/**
 * {@code any()} and {@code none()}: correlated {@code EXISTS} subqueries through one-to-many, many-to-one and
 * self-referential relationships, nested, and a condition on a path through a collection, checked against
 * hand-written SQL on SCOTT. The many-to-many case is in {@link ExistsManyToManyTest}.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ExistsConditionTest {
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

    private List<Integer> departments(Condition... conditions) {
        return session.select(Dept.class).where(conditions).orderBy("deptno").list().stream().map(dept -> dept.deptno).toList();
    }

    private List<Integer> handWritten(String sql) {
        return db.rows(sql).stream().map(row -> ((Number) row.get(0)).intValue()).toList();
    }

    @Test
    void anyIsACorrelatedExistsNotAJoin() {
        assertThat(session.select(Dept.class).where(any("employees", eq("job", "CLERK"))).orderBy("deptno").toSql())
                .isEqualTo("SELECT dept_1.deptno, dept_1.dname, dept_1.loc FROM scott.dept dept_1 WHERE EXISTS (SELECT 1"
                        + " FROM scott.emp emp_1 WHERE (emp_1.deptno = dept_1.deptno AND emp_1.job = ?)) ORDER BY dept_1.deptno  [CLERK]");
    }

    @Test
    void departmentsWithAClerkAreThoseOfTheHandWrittenExists() {
        List<Integer> found = departments(any("employees", eq("job", "CLERK")));

        assertThat(found).containsExactly(10, 20, 30).isEqualTo(handWritten("SELECT d.deptno FROM scott.dept d WHERE EXISTS"
                + " (SELECT 1 FROM scott.emp e WHERE e.deptno = d.deptno AND e.job = 'CLERK') ORDER BY d.deptno"));
        assertThat(log.sql()).hasSize(1);
    }

    @Test
    void aParentWithManyMatchingMembersComesOnce() {
        assertThat(departments(any("employees"))).containsExactly(10, 20, 30);
        assertThat(session.select(Dept.class).where(any("employees", gt("sal", 1000))).count()).isEqualTo(3);
    }

    @Test
    void noneIsNotExists() {
        assertThat(session.select(Dept.class).where(none("employees")).toSql())
                .endsWith("WHERE NOT EXISTS (SELECT 1 FROM scott.emp emp_1 WHERE emp_1.deptno = dept_1.deptno)");
        assertThat(departments(none("employees"))).containsExactly(40);
        assertThat(departments(none("employees", gt("sal", 3000)))).containsExactly(20, 30, 40).isEqualTo(handWritten(
                "SELECT d.deptno FROM scott.dept d WHERE NOT EXISTS (SELECT 1 FROM scott.emp e WHERE e.deptno = d.deptno AND e.sal > 3000)"
                        + " ORDER BY d.deptno"));
    }

    @Test
    void anyThroughAManyToOneAsksWhetherTheReferenceMatches() {
        List<String> names = session.select(Emp.class).where(any("department", eq("loc", "DALLAS"))).orderBy("empno").list()
                .stream().map(emp -> emp.ename).toList();

        assertThat(names).containsExactly("SMITH", "JONES", "SCOTT", "ADAMS", "FORD");
        assertThat(session.select(Emp.class).where(any("department", eq("loc", "DALLAS"))).toSql())
                .contains("WHERE EXISTS (SELECT 1 FROM scott.dept dept_1 WHERE (dept_1.deptno = emp_1.deptno AND dept_1.loc = ?))");
    }

    @Test
    void anyNestsThroughASelfReference() {
        Condition managesAnAnalyst = any("employees", any("reports", eq("job", "ANALYST")));

        assertThat(departments(managesAnAnalyst)).containsExactly(20);
        assertThat(session.select(Dept.class).where(managesAnAnalyst).toSql()).endsWith("WHERE EXISTS (SELECT 1 FROM scott.emp emp_1"
                + " WHERE (emp_1.deptno = dept_1.deptno AND EXISTS (SELECT 1 FROM scott.emp emp_2 WHERE (emp_2.mgr = emp_1.empno"
                + " AND emp_2.job = ?))))  [ANALYST]");
        assertThat(departments(any("employees.reports", eq("job", "ANALYST")))).as("a path of relationships nests the same way")
                .containsExactly(20);
    }

    @Test
    void aConditionOnAPathThroughACollectionIsAnExists() {
        assertThat(departments(eq("employees.ename", "KING"))).containsExactly(10);
        assertThat(session.select(Dept.class).where(eq("employees.ename", "KING")).toSql()).doesNotContain("JOIN")
                .isEqualTo(session.select(Dept.class).where(any("employees", eq("ename", "KING"))).toSql());
        assertThat(departments(eq("employees.reports.ename", "SMITH"))).containsExactly(20);
    }

    @Test
    void aNegatedConditionThroughACollectionIsNotExists() {
        assertThat(session.select(Dept.class).where(not(eq("employees.job", "CLERK"))).toSql())
                .contains("WHERE NOT EXISTS (SELECT 1 FROM scott.emp emp_1");
        assertThat(departments(not(eq("employees.job", "CLERK")))).containsExactly(40);
        assertThat(departments(not(any("employees", eq("job", "CLERK"))))).containsExactly(40);
    }

    @Test
    void aToOnePathBeforeTheCollectionIsFollowedInTheSubquery() {
        List<String> colleaguesOfKing = session.select(Emp.class).where(eq("department.employees.ename", "KING")).orderBy("empno")
                .list().stream().map(emp -> emp.ename).toList();

        assertThat(colleaguesOfKing).containsExactly("CLARK", "KING", "MILLER");
    }

    @Test
    void isNullOnARelationshipMeansNoRelatedRow() {
        assertThat(departments(isNull("employees"))).containsExactly(40);
        assertThat(departments(isNotNull("employees"))).containsExactly(10, 20, 30);
        assertThat(session.select(Dept.class).where(isNotNull("employees")).toSql()).contains("WHERE EXISTS (");
        assertThat(session.select(Emp.class).where(isNull("manager")).list()).extracting(emp -> emp.ename).containsExactly("KING");
    }

    @Test
    void isNullOnAColumnThroughACollectionIsRefusedAsAmbiguous() {
        assertThatThrownBy(() -> departments(isNull("employees.comm"))).isInstanceOf(TenonException.class)
                .hasMessageContaining("goes through a collection, where it is ambiguous").hasMessageContaining("any(...) or none(...)");
        assertThat(departments(any("employees", isNull("comm")))).containsExactly(10, 20, 30);
        assertThat(departments(none("employees", isNotNull("comm")))).containsExactly(10, 20, 40);
    }

    @Test
    void existsCombinesWithOtherConditionsAndBindsInOrder() {
        Query<Dept> shape = session.select(Dept.class).where(eq("loc", "X"), or(any("employees", gt("sal", 1), eq("job", "Y")),
                eq("dname", "Z")), none("employees", eq("ename", "W")));
        String first = shape.toSql();
        Query<Dept> same = session.select(Dept.class).where(eq("loc", "DALLAS"), or(any("employees", gt("sal", 2900), eq("job", "ANALYST")),
                eq("dname", "NONE")), none("employees", eq("ename", "KING")));

        assertThat(same.toSql()).isEqualTo(first.substring(0, first.indexOf("  [")) + "  [DALLAS, 2900, ANALYST, NONE, KING]");
        assertThat(same.list()).extracting(dept -> dept.deptno).containsExactly(20);
    }

    @Test
    void anUnknownRelationshipIsRefusedWithTheValidNames() {
        assertThatThrownBy(() -> departments(any("employes", eq("job", "CLERK")))).isInstanceOf(MappingException.class)
                .hasMessageContaining("Dept has no relationship 'employes'; did you mean 'employees'?");
        assertThatThrownBy(() -> departments(any("dname"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("'dname' is a column, and any() and none() go through relationships");
        assertThatThrownBy(() -> departments(any("employees", eq("jbo", "CLERK")))).isInstanceOf(MappingException.class)
                .hasMessageContaining("Emp has no attribute 'jbo'; did you mean 'job'?");
        assertThat(log.sql()).isEmpty();
    }

    @Test
    void hostileNamesAreRefusedAndHostileValuesBound() {
        String hostile = "x') OR 1=1 --";
        assertThatThrownBy(() -> departments(any("employees) OR (1=1", eq("job", "CLERK")))).isInstanceOf(MappingException.class);
        assertThatThrownBy(() -> departments(eq("employees.job = job OR 1", "CLERK"))).isInstanceOf(MappingException.class);

        assertThat(departments(any("employees", eq("job", hostile)))).isEmpty();
        assertThat(log.sql()).singleElement().asString().doesNotContain(hostile).contains("emp_1.job = ?");
    }

    @Test
    void nullArgumentsAreRefusedByName() {
        assertThatThrownBy(() -> any(null)).isInstanceOf(TenonException.class).hasMessageContaining("any(null, ...)");
        assertThatThrownBy(() -> none("employees", (Condition) null)).isInstanceOf(TenonException.class)
                .hasMessageContaining("none(...): condition 0 is null");
    }
}
