package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.MappingException;
import dev.tenon.loading.model.Seed;
import dev.tenon.query.Condition;
import dev.tenon.query.Load;
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

/** Loader options chained along a path: each step picks the strategy of one relationship, one level deeper. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class NestedOptionsTest {
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

    @Test
    void selectinThenJoinedBringsEachEmployeesManagerIntoTheSecondStatement() {
        List<Dept> depts = session.select(Dept.class).options(Load.selectin("employees").thenJoined("manager")).orderBy("deptno").list();

        assertThat(session.statistics().statements()).isEqualTo(2);
        assertThat(depts.get(1).employees).extracting(emp -> emp.ename + "<" + (emp.manager == null ? "-" : emp.manager.ename))
                .containsExactly("SMITH<FORD", "JONES<KING", "SCOTT<JONES", "ADAMS<SCOTT", "FORD<JONES");
        assertThat(depts.get(1).employees).allSatisfy(emp -> assertThat(emp.manager.getClass()).isEqualTo(Emp.class));
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void joinedThenSelectinLoadsTheSecondLevelForEveryJoinedChildInOneStatement() {
        List<Dept> depts = session.select(Dept.class).options(Load.joined("employees").thenSelectin("reports")).orderBy("deptno").list();

        assertThat(depts.get(0).employees.get(1).reports).extracting(emp -> emp.ename).containsExactly("JONES", "BLAKE", "CLARK");
        assertThat(depts.stream().flatMap(dept -> dept.employees.stream()).mapToInt(emp -> emp.reports.size()).sum()).isEqualTo(13);
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void threeSelectinLevelsTakeFourStatements() {
        List<Dept> depts = session.select(Dept.class)
                .options(Load.selectin("employees").thenSelectin("reports").thenSelectin("reports")).orderBy("deptno").list();

        Emp jones = depts.get(1).employees.get(1);
        assertThat(jones.reports).extracting(emp -> emp.ename).containsExactly("SCOTT", "FORD");
        assertThat(jones.reports.get(0).reports).extracting(emp -> emp.ename).containsExactly("ADAMS");
        assertThat(session.statistics().statements()).isEqualTo(4);
    }

    @Test
    void joinedToOneWorksFromTheManySide() {
        List<Emp> emps = session.select(Emp.class).options(Load.joined("department")).where(Condition.eq("job", "MANAGER")).orderBy("ename").list();

        assertThat(emps).extracting(emp -> emp.ename + "@" + emp.department.loc).containsExactly("BLAKE@CHICAGO", "CLARK@NEW YORK", "JONES@DALLAS");
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void twoOptionsSharingAPrefixCombine() {
        List<Dept> depts = session.select(Dept.class)
                .options(Load.selectin("employees").thenJoined("manager"), Load.selectin("employees").thenSelectin("reports"))
                .orderBy("deptno").list();

        Emp king = depts.get(0).employees.get(1);
        assertThat(king.reports).hasSize(3);
        assertThat(depts.get(0).employees.get(0).manager).isSameAs(king);
        assertThat(session.statistics().statements()).isEqualTo(3);
    }

    @Test
    void aDeeperOptionBelowALazyStepAppliesWhenTheLazyLoadHappens() {
        Dept research = session.select(Dept.class).options(Load.lazy("employees").thenJoined("manager")).where(Condition.eq("deptno", 20)).one();
        assertThat(session.statistics().statements()).isEqualTo(1);

        assertThat(research.employees).extracting(emp -> emp.manager.ename).containsExactly("FORD", "KING", "JONES", "SCOTT", "JONES");
        assertThat(research.employees.get(1).manager.getClass()).isEqualTo(Emp.class);
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void anOptionOverridesTheStrategyOfAnEagerParentPathOnlyWhereItPoints() {
        List<Dept> depts = session.select(Dept.class)
                .options(Load.selectin("employees"), Load.selectin("employees").thenNoload("department")).orderBy("deptno").list();

        assertThat(depts.get(0).employees).allSatisfy(emp -> assertThat(emp.department).isNull());
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void aMisspeltRelationshipFailsWithTheValidNamesAndASuggestion() {
        assertThatThrownBy(() -> session.select(Dept.class).options(Load.selectin("employes")).list())
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Dept has no relationship 'employes'")
                .hasMessageContaining("did you mean 'employees'?")
                .hasMessageContaining("[employees]");
        assertThat(session.statistics().statements()).isZero();
    }

    @Test
    void aMisspeltSecondStepNamesTheEntityItWasLookedUpOn() {
        assertThatThrownBy(() -> session.select(Dept.class).options(Load.selectin("employees").thenJoined("manger")).list())
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Load.selectin(\"employees\").joined(\"manger\")")
                .hasMessageContaining("Emp has no relationship 'manger'")
                .hasMessageContaining("did you mean 'manager'?");
    }
}
