package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.loading.model.Seed;
import dev.tenon.query.Condition;
import dev.tenon.query.Load;
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

/** Subquery eager loading: the children joined to the parents' own query, nested with its filters, order and limit. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class SubqueryLoadingTest {
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

    @Test
    void theSecondaryStatementNestsTheParentQueryInsteadOfBindingKeys() {
        session.select(Dept.class).options(Load.subquery("employees")).where(Condition.like("dname", "%S%")).list();

        assertThat(log.sql()).hasSize(2);
        assertThat(log.sql().get(1)).contains("FROM (SELECT dept_1.deptno AS k_1 FROM scott.dept dept_1 WHERE dept_1.dname LIKE ?) anon_1")
                .contains("JOIN scott.emp emp_1 ON emp_1.deptno = anon_1.k_1");
    }

    @Test
    void theParentQuerysLimitAndOrderDecideWhichParentsGetChildren() {
        List<Dept> depts = session.select(Dept.class).options(Load.subquery("employees"))
                .where(Condition.ne("loc", "BOSTON")).orderBy("dname desc").limit(2).list();

        assertThat(depts).extracting(dept -> dept.dname).containsExactly("SALES", "RESEARCH");
        assertThat(depts.get(0).employees).extracting(emp -> emp.ename).containsExactly("ALLEN", "WARD", "MARTIN", "BLAKE", "TURNER", "JAMES");
        assertThat(depts.get(1).employees).hasSize(5);
        assertThat(log.sql().get(1)).contains("ORDER BY dept_1.dname DESC LIMIT ?) anon_1");
        assertThat(session.statistics().rowsRead()).isEqualTo(2 + 11);
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void withoutALimitTheNestedQueryIsNotOrdered() {
        session.select(Dept.class).options(Load.subquery("employees")).orderBy("dname").list();

        assertThat(log.sql().get(1)).contains("(SELECT dept_1.deptno AS k_1 FROM scott.dept dept_1) anon_1");
    }

    @Test
    void aManyToOneBySubqueryGivesEachEmployeeItsDepartment() {
        List<Emp> emps = session.select(Emp.class).options(Load.subquery("department")).where(Condition.eq("job", "CLERK")).orderBy("empno").list();

        assertThat(emps).extracting(emp -> emp.ename + "@" + emp.department.dname)
                .containsExactly("SMITH@RESEARCH", "ADAMS@RESEARCH", "JAMES@SALES", "MILLER@ACCOUNTING");
        assertThat(emps.get(0).department).isSameAs(emps.get(1).department);
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void aNestedSubqueryBelowAnotherStrategyFallsBackToSelectin() {
        List<Dept> depts = session.select(Dept.class).options(Load.joined("employees").thenSubquery("reports")).orderBy("deptno").list();

        Emp king = depts.get(0).employees.get(1);
        assertThat(king.reports).extracting(emp -> emp.ename).containsExactly("JONES", "BLAKE", "CLARK");
        assertThat(session.statistics().statements()).isEqualTo(2);
        assertThat(log.sql().get(1)).doesNotContain("anon_1");
    }

    @Test
    void aParentQueryFilteredThroughAPathKeepsItsJoinInsideTheSubquery() {
        List<Emp> emps = session.select(Emp.class).options(Load.subquery("reports"))
                .where(Condition.eq("department.loc", "DALLAS"), Condition.eq("job", "MANAGER")).list();

        assertThat(emps).singleElement().satisfies(jones -> assertThat(jones.reports).extracting(emp -> emp.ename).containsExactly("SCOTT", "FORD"));
        assertThat(log.sql().get(1)).contains("LEFT OUTER JOIN scott.dept dept_1 ON emp_1.deptno = dept_1.deptno");
    }
}
