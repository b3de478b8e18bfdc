package dev.tenon.query;

import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.gt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.ResultSizeException;
import dev.tenon.loading.model.Seed;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Ordering, paging and the ways to take results: list, first, one and count. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class QueryResultsTest {
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

    private static List<String> names(List<Emp> emps) {
        return emps.stream().map(emp -> emp.ename).toList();
    }

    @Test
    void orderByTakesSeveralTermsAndDirections() {
        List<Emp> emps = session.select(Emp.class).where(eq("deptno", 20)).orderBy("sal desc", "ename asc").list();

        assertThat(names(emps)).containsExactly("FORD", "SCOTT", "JONES", "ADAMS", "SMITH");
    }

    @Test
    void orderByFollowsAPathThroughAToOneRelationship() {
        List<Emp> emps = session.select(Emp.class).where(eq("job", "MANAGER")).orderBy("department.loc").list();

        assertThat(names(emps)).containsExactly("BLAKE", "JONES", "CLARK");
    }

    @Test
    void aMalformedOrderTermIsRejected() {
        assertThatThrownBy(() -> session.select(Emp.class).orderBy("sal descending"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orderBy(\"sal descending\")");
        assertThatThrownBy(() -> session.select(Emp.class).orderBy(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limitAndOffsetPageThroughTheResults() {
        List<Emp> page = session.select(Emp.class).orderBy("empno").offset(4).limit(3).list();

        assertThat(names(page)).containsExactly("MARTIN", "BLAKE", "CLARK");
        assertThat(names(session.select(Emp.class).orderBy("empno").offset(12).list())).containsExactly("FORD", "MILLER");
        assertThat(session.select(Emp.class).limit(0).list()).isEmpty();
    }

    @Test
    void negativeLimitsAndOffsetsAreRejected() {
        assertThatThrownBy(() -> session.select(Emp.class).limit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session.select(Emp.class).offset(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firstReturnsTheFirstInOrderWithALimitOfOne() {
        Emp richest = session.select(Emp.class).orderBy("sal desc", "empno").first();

        assertThat(richest.ename).isEqualTo("KING");
        assertThat(session.statistics().rowsRead()).isEqualTo(1);
    }

    @Test
    void firstReturnsNullWhenNothingMatches() {
        assertThat(session.select(Emp.class).where(eq("job", "ASTRONAUT")).first()).isNull();
    }

    @Test
    void oneReturnsTheOnlyMatch() {
        assertThat(session.select(Dept.class).where(eq("loc", "DALLAS")).one().dname).isEqualTo("RESEARCH");
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void oneFailsWhenNothingMatchesAndSuggestsFirst() {
        assertThatThrownBy(() -> session.select(Dept.class).where(eq("loc", "PARIS")).one())
                .isInstanceOf(ResultSizeException.class)
                .hasMessageContaining("Expected exactly one Dept but found 0; use first()")
                .hasMessageContaining("SQL: SELECT dept_1.deptno");
    }

    @Test
    void oneFailsWhenSeveralMatch() {
        assertThatThrownBy(() -> session.select(Emp.class).where(eq("job", "ANALYST")).one())
                .isInstanceOf(ResultSizeException.class)
                .hasMessageContaining("Expected exactly one Emp but found 2; add conditions");
    }

    @Test
    void countCountsMatchingRowsWithoutLoadingThem() {
        assertThat(session.select(Emp.class).count()).isEqualTo(14);
        assertThat(session.select(Emp.class).where(gt("sal", 2900)).orderBy("ename").count()).isEqualTo(4);
        assertThat(session.select(Emp.class).where(eq("department.dname", "SALES")).count()).isEqualTo(6);
        assertThat(session.select(Dept.class).where(eq("deptno", 99)).count()).isZero();
        assertThat(session.statistics().statements()).isEqualTo(4);
        assertThat(session.statistics().rowsRead()).isEqualTo(4);
    }

    @Test
    void countRespectsLimitAndOffset() {
        assertThat(session.select(Emp.class).orderBy("empno").offset(10).limit(10).count()).isEqualTo(4);
    }

    @Test
    void eachBuilderCallReturnsANewQueryAndLeavesTheOriginalAsItWas() {
        Query<Emp> all = session.select(Emp.class);
        Query<Emp> clerks = all.where(eq("job", "CLERK"));
        Query<Emp> firstTwo = clerks.orderBy("empno").limit(2);

        assertThat(all.count()).isEqualTo(14);
        assertThat(clerks.count()).isEqualTo(4);
        assertThat(names(firstTwo.list())).containsExactly("SMITH", "ADAMS");
        assertThat(all.conditions()).isEmpty();
        assertThat(clerks.limit()).isNull();
        assertThat(clerks.orders()).isEmpty();
    }

    @Test
    void theSameRowIsTheSameObjectAcrossQueries() {
        Emp king = session.select(Emp.class).where(eq("ename", "KING")).one();

        assertThat(session.select(Emp.class).orderBy("sal desc").first()).isSameAs(king);
        assertThat(session.get(Emp.class, 7839)).isSameAs(king);
        assertThat(session.statistics().statements()).isEqualTo(2);
    }
}
