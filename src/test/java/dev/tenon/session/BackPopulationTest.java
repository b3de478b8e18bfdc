package dev.tenon.session;

import static dev.tenon.query.Condition.eq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementKind;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both sides of a {@code backPopulates} pair agree after a flush, and the foreign key follows the relationship.
 * Java cannot intercept {@code emp.department = dept}, so the mirror side is updated at flush (or at the
 * autoflush before a query), not at the assignment.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class BackPopulationTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Scott.load(db);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private static Emp newEmp(int empno, String name) {
        Emp emp = new Emp();
        emp.empno = empno;
        emp.ename = name;
        return emp;
    }

    @Test
    void settingTheDepartmentPutsTheEmployeeIntoTheLoadedCollectionAtFlush() {
        Dept accounting = session.get(Dept.class, 10);
        assertThat(accounting.employees).hasSize(3);
        Emp hire = newEmp(8000, "HIRE");
        hire.department = accounting;
        session.add(hire);

        session.flush();

        assertThat(accounting.employees).hasSize(4).contains(hire);
        assertThat(hire.deptno).isEqualTo(10);
        assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of(StatementKind.SELECT, 2L, StatementKind.INSERT, 1L));
    }

    @Test
    void theAutoflushBeforeAQueryBackPopulatesToo() {
        Dept accounting = session.get(Dept.class, 10);
        accounting.employees.size();
        Emp hire = newEmp(8000, "HIRE");
        hire.department = accounting;
        session.add(hire);

        session.select(Dept.class).where(eq("deptno", 20)).one();

        assertThat(accounting.employees).contains(hire);
    }

    @Test
    void aQuerySeesAnEmployeeMovedByReferenceOnly() {
        Dept research = session.get(Dept.class, 20);
        Emp clark = session.get(Emp.class, 7782);
        clark.department = research;

        List<Emp> inResearch = session.select(Emp.class).where(eq("deptno", 20)).list();

        assertThat(inResearch).contains(clark).hasSize(6);
        assertThat(clark.deptno).isEqualTo(20);
    }

    @Test
    void aQuerySeesAChildAddedToACollectionOnly() {
        Dept accounting = session.get(Dept.class, 10);
        Emp hire = newEmp(8000, "HIRE");
        accounting.employees.add(hire);

        List<Emp> inAccounting = session.select(Emp.class).where(eq("deptno", 10)).list();

        assertThat(inAccounting).contains(hire).hasSize(4);
    }

    @Test
    void movingAnEmployeeMovesItBetweenTheLoadedCollections() {
        Dept accounting = session.get(Dept.class, 10);
        Dept research = session.get(Dept.class, 20);
        accounting.employees.size();
        research.employees.size();
        Emp clark = session.get(Emp.class, 7782);

        clark.department = research;
        session.commit();

        assertThat(accounting.employees).doesNotContain(clark).hasSize(2);
        assertThat(research.employees).contains(clark).hasSize(6);
        assertThat(clark.deptno).isEqualTo(20);
        assertThat(db.rows("SELECT deptno FROM scott.emp WHERE empno = 7782")).containsExactly(List.of(20));
    }

    @Test
    void anUnloadedCollectionIsNotLoadedByBackPopulation() {
        Dept accounting = session.get(Dept.class, 10);
        Emp hire = newEmp(8000, "HIRE");
        hire.department = accounting;
        session.add(hire);

        session.flush();

        assertThat(session.statistics().statements()).isEqualTo(2);
        assertThat(accounting.employees).extracting(e -> e.ename).containsExactly("CLARK", "KING", "MILLER", "HIRE");
        assertThat(session.statistics().statements()).isEqualTo(3);
    }

    @Test
    void addingToTheCollectionSetsTheReferenceAndTheForeignKey() {
        Dept accounting = session.get(Dept.class, 10);
        Emp hire = newEmp(8000, "HIRE");

        accounting.employees.add(hire);
        session.commit();

        assertThat(session.contains(hire)).isTrue();
        assertThat(hire.department).isSameAs(accounting);
        assertThat(hire.deptno).isEqualTo(10);
        assertThat(db.rows("SELECT deptno FROM scott.emp WHERE empno = 8000")).containsExactly(List.of(10));
    }

    @Test
    void movingAnEmployeeByCollectionChangesItsKeyAndLeavesTheOldCollection() {
        Dept accounting = session.get(Dept.class, 10);
        Dept research = session.get(Dept.class, 20);
        Emp clark = session.get(Emp.class, 7782);
        accounting.employees.size();

        research.employees.add(clark);
        accounting.employees.remove(clark);
        session.commit();

        assertThat(clark.department).isSameAs(research);
        assertThat(db.rows("SELECT deptno FROM scott.emp WHERE empno = 7782")).containsExactly(List.of(20));
        assertThat(session.status(clark)).isEqualTo(dev.tenon.api.Status.PERSISTENT);
    }

    @Test
    void aNewParentsGeneratedKeyReachesItsNewChildrenInTheSameFlush() {
        Dept legal = new Dept();
        legal.dname = "LEGAL";
        Emp first = newEmp(8001, "FIRST");
        Emp second = newEmp(8002, "SECOND");
        legal.employees = new ArrayList<>(List.of(first, second));
        session.add(legal);

        session.commit();

        assertThat(legal.deptno).isNotNull();
        assertThat(List.of(first, second)).allSatisfy(e -> {
            assertThat(e.deptno).isEqualTo(legal.deptno);
            assertThat(e.department).isSameAs(legal);
        });
        assertThat(session.statistics().statements(StatementKind.INSERT)).isEqualTo(2);
        assertThat(db.rows("SELECT COUNT(*) FROM scott.emp WHERE deptno = ?", legal.deptno)).containsExactly(List.of(2L));
    }

    @Test
    void aNewParentGetsItsNewChildInItsCollection() {
        Dept legal = new Dept();
        legal.dname = "LEGAL";
        Emp hire = newEmp(8000, "HIRE");
        hire.department = legal;
        session.add(hire);

        session.flush();

        assertThat(legal.employees).containsExactly(hire);
    }

    @Test
    void aSelfReferentialPairIsKeptInSyncBothWays() {
        Emp king = session.get(Emp.class, 7839);
        king.reports.size();
        Emp hire = newEmp(8000, "HIRE");
        hire.manager = king;
        session.add(hire);

        session.commit();

        assertThat(king.reports).contains(hire).hasSize(4);
        assertThat(hire.mgr).isEqualTo(7839);
    }

    @Test
    void clearingTheReferenceRemovesTheEmployeeFromTheLoadedCollectionAndNullsTheKey() {
        Dept accounting = session.get(Dept.class, 10);
        accounting.employees.size();
        Emp clark = session.get(Emp.class, 7782);

        clark.department = null;
        session.commit();

        assertThat(accounting.employees).doesNotContain(clark);
        assertThat(clark.deptno).isNull();
        assertThat(db.rows("SELECT deptno FROM scott.emp WHERE empno = 7782")).containsExactly(java.util.Arrays.asList((Object) null));
    }
}
