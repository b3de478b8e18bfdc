package dev.tenon.query;

import static dev.tenon.query.Condition.between;
import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.eqIgnoreCase;
import static dev.tenon.query.Condition.isNull;
import static dev.tenon.query.Condition.like;
import static dev.tenon.query.Condition.likeIgnoreCase;
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
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ordering and filtering by a related attribute through to-one paths (one LEFT OUTER JOIN per path, shared), BETWEEN,
 * case-insensitive matching and IS NULL on paths, on SCOTT plus NOBODY, an employee without a department.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class PathConditionTest {
    private static final String EMP_COLUMNS = "SELECT emp_1.empno, emp_1.ename, emp_1.job, emp_1.mgr, emp_1.hiredate, emp_1.sal,"
            + " emp_1.comm, emp_1.deptno, emp_1.created FROM scott.emp emp_1";

    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Seed.scott(db);
        Emp nobody = new Emp(8000, "NOBODY", "CLERK", null, "1990-01-01", "100", null, 10);
        nobody.deptno = null;
        Seed.insert(db, List.of(nobody));
        log = StatementLog.on(db.database());
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private List<String> names(Query<Emp> query) {
        return query.list().stream().map(emp -> emp.ename).toList();
    }

    private List<String> names(Condition condition) {
        return names(session.select(Emp.class).where(condition).orderBy("empno"));
    }

    private List<String> handWritten(String sql) {
        return db.rows(sql).stream().map(row -> (String) row.get(0)).toList();
    }

    @Test
    void orderingByARelatedAttributeJoinsItsTableOnce() {
        // NOBODY left out: the databases sort nulls apart (PostgreSQL last, H2 first).
        Query<Emp> query = session.select(Emp.class).where(Condition.isNotNull("deptno")).orderBy("department.dname desc", "ename");

        assertThat(query.toSql()).isEqualTo(EMP_COLUMNS + " LEFT OUTER JOIN scott.dept dept_1 ON emp_1.deptno = dept_1.deptno"
                + " WHERE NOT (emp_1.deptno IS NULL) ORDER BY dept_1.dname DESC, emp_1.ename");
        assertThat(names(query)).containsExactly("ALLEN", "BLAKE", "JAMES", "MARTIN", "TURNER", "WARD",
                "ADAMS", "FORD", "JONES", "SCOTT", "SMITH", "CLARK", "KING", "MILLER");
        assertThat(log.sql()).hasSize(1);
    }

    @Test
    void aFilterAndAnOrderOnOnePathShareTheJoin() {
        Query<Emp> query = session.select(Emp.class).where(eq("department.loc", "DALLAS")).orderBy("department.dname", "ename");

        assertThat(query.toSql()).isEqualTo(EMP_COLUMNS + " LEFT OUTER JOIN scott.dept dept_1 ON emp_1.deptno = dept_1.deptno"
                + " WHERE dept_1.loc = ? ORDER BY dept_1.dname, emp_1.ename  [DALLAS]");
        assertThat(names(query)).containsExactly("ADAMS", "FORD", "JONES", "SCOTT", "SMITH").isEqualTo(handWritten(
                "SELECT e.ename FROM scott.emp e LEFT JOIN scott.dept d ON d.deptno = e.deptno WHERE d.loc = 'DALLAS' ORDER BY d.dname, e.ename"));
    }

    @Test
    void orderingThroughACollectionIsRefusedWithTheWayToFilterInstead() {
        assertThatThrownBy(() -> session.select(Dept.class).orderBy("employees.ename").list()).isInstanceOf(MappingException.class)
                .hasMessageContaining("Dept.employees is a collection").hasMessageContaining("use any(\"employees\", ...)");
    }

    @Test
    void betweenIncludesBothEnds() {
        Query<Emp> query = session.select(Emp.class).where(between("sal", 1100, 1600)).orderBy("empno");

        assertThat(query.toSql()).endsWith("WHERE emp_1.sal BETWEEN ? AND ? ORDER BY emp_1.empno  [1100, 1600]");
        assertThat(names(query)).containsExactly("ALLEN", "WARD", "MARTIN", "TURNER", "ADAMS", "MILLER").isEqualTo(handWritten(
                "SELECT ename FROM scott.emp WHERE sal BETWEEN 1100 AND 1600 ORDER BY empno"));
        assertThat(names(between("department.dname", "A", "M"))).containsExactly("CLARK", "KING", "MILLER");
    }

    @Test
    void betweenChecksItsValues() {
        assertThatThrownBy(() -> between("sal", null, 10)).isInstanceOf(TenonException.class)
                .hasMessageContaining("the low end is null").hasMessageContaining("le(\"sal\", ...)");
        assertThatThrownBy(() -> names(between("sal", "low", "high"))).isInstanceOf(TenonException.class)
                .hasMessageContaining("'sal' is a BigDecimal, but the query compares it with a String");
    }

    @Test
    void caseInsensitiveMatchingLowersBothSides() {
        assertThat(session.select(Emp.class).where(eqIgnoreCase("ename", "king")).toSql()).endsWith("WHERE LOWER(emp_1.ename) = LOWER(?)  [king]");
        assertThat(names(eqIgnoreCase("ename", "kInG"))).containsExactly("KING");
        assertThat(session.select(Emp.class).where(likeIgnoreCase("department.dname", "%search%")).toSql())
                .endsWith("WHERE LOWER(dept_1.dname) LIKE LOWER(?)  [%search%]");
        assertThat(names(likeIgnoreCase("department.dname", "%search%"))).containsExactly("SMITH", "JONES", "SCOTT", "ADAMS", "FORD");
        assertThat(names(like("department.dname", "%search%"))).as("LIKE itself is case-sensitive on both databases").isEmpty();
    }

    @Test
    void caseInsensitiveMatchingIsForTextOnly() {
        assertThatThrownBy(() -> names(eqIgnoreCase("sal", "1"))).isInstanceOf(TenonException.class)
                .hasMessageContaining("'sal' is a BigDecimal; eqIgnoreCase matches String attributes only");
        assertThatThrownBy(() -> likeIgnoreCase("ename", null)).isInstanceOf(TenonException.class).hasMessageContaining("the pattern is null");
    }

    @Test
    void isNullThroughAToOnePathMatchesAMissingRowOrANullColumn() {
        assertThat(names(isNull("department.loc"))).as("no department").containsExactly("NOBODY");
        assertThat(names(isNull("manager.mgr"))).as("KING and NOBODY have no manager; KING's reports have a manager without one")
                .containsExactly("JONES", "BLAKE", "CLARK", "KING", "NOBODY");
        assertThat(names(isNull("department"))).as("the relationship itself: no related row").containsExactly("NOBODY");
    }

    @Test
    void hostileNamesInPathsAreRefusedBeforeAnyStatement() {
        assertThatThrownBy(() -> names(session.select(Emp.class).orderBy("department.dname;DROP"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("Dept has no attribute 'dname;DROP'");
        assertThatThrownBy(() -> names(eqIgnoreCase("department.loc) OR (1=1", "x"))).isInstanceOf(MappingException.class);
        assertThat(log.sql()).isEmpty();
    }

    @Test
    void hostileValuesAreBound() {
        String hostile = "%' OR '1'='1";

        assertThat(names(likeIgnoreCase("department.loc", hostile))).isEmpty();
        assertThat(names(between("ename", hostile, hostile + "z"))).isEmpty();
        assertThat(log.sql()).hasSize(2).allSatisfy(sql -> assertThat(sql).doesNotContain(hostile));
    }

    @Test
    void aDecimalBetweenBindsItsEndsAsTheColumnsType() {
        assertThat(names(between("sal", new BigDecimal("2975.00"), 3000L))).containsExactly("JONES", "SCOTT", "FORD");
    }
}
