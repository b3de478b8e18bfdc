package dev.tenon.query;

import static dev.tenon.query.Condition.and;
import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.ge;
import static dev.tenon.query.Condition.gt;
import static dev.tenon.query.Condition.in;
import static dev.tenon.query.Condition.isNotNull;
import static dev.tenon.query.Condition.isNull;
import static dev.tenon.query.Condition.le;
import static dev.tenon.query.Condition.like;
import static dev.tenon.query.Condition.lt;
import static dev.tenon.query.Condition.ne;
import static dev.tenon.query.Condition.not;
import static dev.tenon.query.Condition.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.TenonException;
import dev.tenon.loading.model.Seed;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
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

/** WHERE conditions over attribute names and paths, each checked against SCOTT on both databases. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class QueryConditionsTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Seed.scott(db);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private List<String> names(Condition... conditions) {
        return session.select(Emp.class).where(conditions).orderBy("empno").list().stream().map(emp -> emp.ename).toList();
    }

    @Test
    void equalityAndInequality() {
        assertThat(names(eq("job", "ANALYST"))).containsExactly("SCOTT", "FORD");
        assertThat(names(ne("deptno", 30), ne("deptno", 20))).containsExactly("CLARK", "KING", "MILLER");
    }

    @Test
    void comparisons() {
        assertThat(names(gt("sal", new BigDecimal("2975")))).containsExactly("SCOTT", "KING", "FORD");
        assertThat(names(ge("sal", new BigDecimal("2975")))).containsExactly("JONES", "SCOTT", "KING", "FORD");
        assertThat(names(lt("hiredate", LocalDate.parse("1981-02-22")))).containsExactly("SMITH", "ALLEN");
        assertThat(names(le("hiredate", LocalDate.parse("1981-02-22")))).containsExactly("SMITH", "ALLEN", "WARD");
    }

    @Test
    void aPlainNumberComparesWithADecimalColumn() {
        assertThat(names(gt("sal", 2975))).containsExactly("SCOTT", "KING", "FORD");
        assertThat(names(in("sal", 800, 5000L, 1250.0))).containsExactly("SMITH", "WARD", "MARTIN", "KING");
    }

    @Test
    void aNumberThatDoesNotFitTheColumnIsRejected() {
        assertThatThrownBy(() -> names(eq("deptno", 10.5)))
                .isInstanceOf(TenonException.class).hasMessage("'deptno' is an Integer, but the query compares it with a Double");
    }

    @Test
    void aValueOfTheWrongTypeIsRejectedBeforeAnyStatement() {
        assertThatThrownBy(() -> names(eq("ename", 7839)))
                .isInstanceOf(TenonException.class).hasMessageContaining("'ename' is a String, but the query compares it with an Integer")
                .hasMessageNotContaining("7839");
        assertThat(session.statistics().statements()).isZero();
    }

    @Test
    void comparingWithNullAsksForIsNull() {
        assertThatThrownBy(() -> names(eq("mgr", null)))
                .isInstanceOf(TenonException.class).hasMessageContaining("use isNull(\"mgr\")");
    }

    @Test
    void inMatchesAnyOfTheValues() {
        assertThat(names(in("ename", "KING", "FORD", "NOBODY"))).containsExactly("KING", "FORD");
        assertThat(names(in("deptno", List.of(10)))).containsExactly("CLARK", "KING", "MILLER");
    }

    @Test
    void inWithNoValuesMatchesNothing() {
        assertThat(names(in("deptno", List.of()))).isEmpty();
    }

    @Test
    void likeMatchesPatterns() {
        assertThat(names(like("ename", "%AR%"))).containsExactly("WARD", "MARTIN", "CLARK");
        assertThat(names(like("ename", "_ING"))).containsExactly("KING");
    }

    @Test
    void likeOnANonTextAttributeIsRejected() {
        assertThatThrownBy(() -> names(like("empno", "78%"))).isInstanceOf(TenonException.class).hasMessageContaining("'empno' is an Integer; LIKE matches String attributes only");
    }

    @Test
    void nullChecks() {
        assertThat(names(isNull("mgr"))).containsExactly("KING");
        assertThat(names(isNotNull("comm"))).containsExactly("ALLEN", "WARD", "MARTIN", "TURNER");
    }

    @Test
    void andOrNotCombine() {
        assertThat(names(or(eq("job", "PRESIDENT"), and(eq("job", "CLERK"), gt("sal", 1000))))).containsExactly("KING", "ADAMS", "MILLER");
        assertThat(names(eq("deptno", 10), not(eq("job", "CLERK")))).containsExactly("CLARK", "KING");
        assertThat(names(not(or(eq("deptno", 20), eq("deptno", 30))))).containsExactly("CLARK", "KING", "MILLER");
    }

    @Test
    void severalWhereCallsAreAnded() {
        List<String> names = session.select(Emp.class).where(eq("deptno", 20)).where(gt("sal", 2000)).orderBy("empno").list()
                .stream().map(emp -> emp.ename).toList();

        assertThat(names).containsExactly("JONES", "SCOTT", "FORD");
    }

    @Test
    void aPathThroughAToOneRelationshipImpliesAJoin() {
        assertThat(names(eq("department.loc", "DALLAS"))).containsExactly("SMITH", "JONES", "SCOTT", "ADAMS", "FORD");
        assertThat(session.select(Emp.class).where(eq("department.loc", "DALLAS")).toSql())
                .contains("FROM scott.emp emp_1 LEFT OUTER JOIN scott.dept dept_1 ON emp_1.deptno = dept_1.deptno WHERE dept_1.loc = ?");
    }

    @Test
    void conditionsOnTheSamePathShareOneJoin() {
        String sql = session.select(Emp.class).where(eq("department.loc", "DALLAS"), ne("department.dname", "SALES")).orderBy("department.dname").toSql();

        assertThat(sql.split("JOIN", -1)).hasSize(2);
    }

    @Test
    void aPathCanGoThroughSeveralToOneRelationshipsIncludingASelfReference() {
        assertThat(names(eq("manager.department.loc", "NEW YORK"), ne("department.loc", "NEW YORK")))
                .containsExactly("JONES", "BLAKE");
        assertThat(names(eq("manager.manager.ename", "KING"))).containsExactly("ALLEN", "WARD", "MARTIN", "SCOTT", "TURNER", "JAMES", "FORD", "MILLER");
    }

    @Test
    void aPathJoinKeepsRowsWithoutATarget() {
        assertThat(names(isNull("manager.ename"))).containsExactly("KING");
    }

    @Test
    void aPathThroughACollectionMeansSomeMember() {
        assertThat(session.select(Dept.class).where(eq("employees.ename", "KING")).list()).extracting(dept -> dept.deptno).containsExactly(10);
    }

    @Test
    void aRelationshipIsNotAColumn() {
        assertThatThrownBy(() -> names(eq("department", 10)))
                .isInstanceOf(TenonException.class).hasMessageContaining("Emp.department is a relationship, not a column")
                .hasMessageContaining("'department.deptno'");
    }

    @Test
    void anUnknownComparisonOperatorIsRejected() {
        assertThatThrownBy(() -> new Condition.Compare("ename", "= 1 OR 1 =", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[=, <>, <, <=, >, >=]");
    }
}
