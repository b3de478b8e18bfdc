package dev.tenon.query;

import static dev.tenon.query.Condition.any;
import static dev.tenon.query.Condition.eq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.loading.model.Seed;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loader options on a query filtered and ordered through relationships: a filter's join or EXISTS never repeats or
 * drops parents, a LIMIT counts parents, and each parent comes once with all its children, in the statements the
 * strategy promises.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class FilteredLoadingTest {
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

    private static Map<String, List<String>> reportsByName(List<Emp> managers) {
        return managers.stream().collect(Collectors.toMap(emp -> emp.ename, emp -> emp.reports.stream().map(r -> r.ename).toList(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void aJoinedCollectionWithAFilterJoinAndALimitLimitsParents() {
        Query<Emp> query = session.select(Emp.class).options(Load.joined("reports")).where(eq("department.loc", "DALLAS"))
                .orderBy("department.dname", "empno").limit(2);

        List<Emp> found = query.list();

        assertThat(reportsByName(found)).containsExactly(Map.entry("SMITH", List.of()), Map.entry("JONES", List.of("SCOTT", "FORD")));
        assertThat(log.sql()).hasSize(1);
        assertThat(query.toSql()).as("the filter's join and the limit stay inside the parents' query")
                .contains("FROM (SELECT emp_1.empno AS empno").contains("LEFT OUTER JOIN scott.dept dept_1 ON emp_1.deptno = dept_1.deptno"
                        + " WHERE dept_1.loc = ? ORDER BY dept_1.dname, emp_1.empno LIMIT ?) anon_1 LEFT OUTER JOIN scott.emp emp_2");
    }

    @Test
    void aJoinedCollectionFilteredByAnyOfItsOwnMembersKeepsAllOfThem() {
        List<Dept> found = session.select(Dept.class).options(Load.joined("employees")).where(any("employees", eq("job", "CLERK")))
                .orderBy("deptno").limit(2).list();

        assertThat(found).extracting(dept -> dept.deptno).containsExactly(10, 20);
        assertThat(found.get(0).employees).extracting(emp -> emp.ename).containsExactly("CLARK", "KING", "MILLER");
        assertThat(found.get(1).employees).extracting(emp -> emp.ename).containsExactly("SMITH", "JONES", "SCOTT", "ADAMS", "FORD");
        assertThat(log.sql()).hasSize(1);
    }

    @Test
    void anOffsetPageOfParentsFilteredThroughACollectionPath() {
        List<Dept> found = session.select(Dept.class).options(Load.joined("employees")).where(eq("employees.job", "SALESMAN"), eq("loc", "CHICAGO"))
                .orderBy("deptno").limit(5).offset(0).list();

        assertThat(found).singleElement().satisfies(dept -> assertThat(dept.employees).hasSize(6));
        assertThat(session.select(Dept.class).where(eq("employees.job", "CLERK")).orderBy("deptno").limit(1).offset(1).list())
                .extracting(dept -> dept.deptno).containsExactly(20);
    }

    @Test
    void aJoinedReferenceAndAFilterOnTheSamePathAreTwoJoins() {
        List<Emp> found = session.select(Emp.class).options(Load.joined("department")).where(eq("department.loc", "NEW YORK"))
                .orderBy("empno").list();

        assertThat(found).extracting(emp -> emp.ename + "@" + emp.department.dname)
                .containsExactly("CLARK@ACCOUNTING", "KING@ACCOUNTING", "MILLER@ACCOUNTING");
        assertThat(log.sql()).hasSize(1);
    }

    @Test
    void subqueryLoadingNestsTheFilteredOrderedLimitedParentQuery() {
        List<Emp> found = session.select(Emp.class).options(Load.subquery("reports")).where(eq("department.loc", "DALLAS"))
                .orderBy("department.dname", "empno desc").limit(2).list();

        assertThat(reportsByName(found)).containsExactly(Map.entry("FORD", List.of("SMITH")), Map.entry("ADAMS", List.of()));
        assertThat(log.sql()).hasSize(2);
        assertThat(log.sql().get(1)).contains("LEFT OUTER JOIN scott.dept dept_1").contains("ORDER BY dept_1.dname, emp_1.empno DESC LIMIT ?");
    }

    @Test
    void selectinLoadingUnderAnExistsFilter() {
        List<Dept> found = session.select(Dept.class).options(Load.selectin("employees")).where(any("employees", eq("job", "ANALYST")))
                .list();

        assertThat(found).singleElement().satisfies(dept -> assertThat(dept.employees).hasSize(5));
        assertThat(log.sql()).hasSize(2);
    }

    @Test
    void countingAFilteredQueryCountsParents() {
        assertThat(session.select(Dept.class).where(eq("employees.job", "CLERK")).count()).isEqualTo(3);
        assertThat(session.select(Emp.class).where(eq("department.loc", "DALLAS")).count()).isEqualTo(5);
        assertThat(log.sql()).hasSize(2);
    }
}
