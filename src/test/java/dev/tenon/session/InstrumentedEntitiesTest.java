package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementKind;
import dev.tenon.exception.LazyLoadException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What enhancement gives: a field read of an unloaded reference loads it, both sides of a {@code backPopulates} pair
 * follow at assignment, a flush visits only changed objects and writes only changed columns, and loaded objects are
 * instances of the mapped class itself.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class InstrumentedEntitiesTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class, Badge.class);
        Scott.load(db);
        try (Session setup = db.database().openSession(db.metadata())) {
            setup.add(new Badge(1, "gold", 7369));
            setup.commit();
        }
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    // ---- lazy references read as fields ---------------------------------------------------------------------------

    @Test
    void aFieldReadOfAnUnloadedReferenceLoadsItInOneStatement() {
        Emp smith = session.get(Emp.class, 7369);
        assertThat(session.statistics().statements()).isEqualTo(1);

        assertThat(smith.department.dname).isEqualTo("RESEARCH");
        assertThat(session.statistics().statements()).isEqualTo(2);
        assertThat(smith.department).isSameAs(session.get(Dept.class, 20));
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void aReferenceWhoseTargetTheSessionHoldsIsReadWithoutAStatement() {
        Dept research = session.get(Dept.class, 20);
        Emp smith = session.get(Emp.class, 7369);

        assertThat(smith.department).isSameAs(research);
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void anUnloadedReferenceReadAfterTheSessionClosedRaisesInsteadOfReturningNull() {
        Emp smith = session.get(Emp.class, 7369);
        session.close();

        assertThatThrownBy(() -> smith.department.toString())
                .isInstanceOf(LazyLoadException.class)
                .hasMessageContaining("department")
                .hasMessageContaining("detached");
    }

    @Test
    void anUnloadedReferenceOfAnExpungedObjectRaisesToo() {
        Emp smith = session.get(Emp.class, 7369);
        session.expunge(smith);

        assertThatThrownBy(() -> smith.department.toString()).isInstanceOf(LazyLoadException.class);
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aReferenceLoadedInTheSessionIsStillThereAfterItClosed() {
        Emp smith = session.get(Emp.class, 7369);
        String name = smith.department.dname;
        session.close();

        assertThat(smith.department.dname).isEqualTo(name);
    }

    @Test
    void loadedObjectsAreInstancesOfTheMappedClassItself() {
        Emp smith = session.get(Emp.class, 7369);

        assertThat(smith.getClass()).isEqualTo(Emp.class);
        assertThat(smith.department.getClass()).isEqualTo(Dept.class);
    }

    @Test
    void aFinalEntityLoadsAndItsReferenceLoadsOnRead() {
        Badge badge = session.get(Badge.class, 1);

        assertThat(badge.getClass()).isEqualTo(Badge.class);
        assertThat(badge.holder.ename).isEqualTo("SMITH");
        assertThat(session.statistics().statements()).isEqualTo(2);
        badge.label = "platinum";
        session.commit();
        assertThat(session.statistics().byKind()).containsEntry(StatementKind.UPDATE, 1L);
    }

    // ---- back-population at assignment ----------------------------------------------------------------------------

    @Test
    void settingAReferenceMovesTheObjectBetweenLoadedCollectionsAtOnce() {
        Dept accounting = session.get(Dept.class, 10);
        Dept research = session.get(Dept.class, 20);
        assertThat(accounting.employees).hasSize(3);
        assertThat(research.employees).hasSize(5);
        Emp clark = session.get(Emp.class, 7782);
        long before = session.statistics().statements();

        clark.department = research;

        assertThat(research.employees).hasSize(6).contains(clark);
        assertThat(accounting.employees).hasSize(2).doesNotContain(clark);
        assertThat(session.statistics().statements()).isEqualTo(before);
    }

    @Test
    void addingToACollectionSetsTheReferenceAndLeavesTheOldCollection() {
        Dept accounting = session.get(Dept.class, 10);
        Dept research = session.get(Dept.class, 20);
        assertThat(accounting.employees).hasSize(3);
        assertThat(research.employees).hasSize(5);
        Emp clark = accounting.employees.get(0);
        long before = session.statistics().statements();

        research.employees.add(clark);

        assertThat(clark.department).isSameAs(research);
        assertThat(accounting.employees).doesNotContain(clark);
        assertThat(session.statistics().statements()).isEqualTo(before);
        session.flush();
        assertThat(clark.deptno).isEqualTo(20);
    }

    @Test
    void removingFromACollectionClearsTheReference() {
        Dept accounting = session.get(Dept.class, 10);
        Emp clark = accounting.employees.get(0);
        assertThat(clark.department).isSameAs(accounting);

        accounting.employees.remove(clark);

        assertThat(clark.department).isNull();
        session.flush();
        assertThat(clark.deptno).isNull();
    }

    @Test
    void anUnloadedCollectionStaysUnloadedAndAppliesTheQueuedChangeWhenItLoads() {
        Dept research = session.get(Dept.class, 20);
        Emp clark = session.get(Emp.class, 7782);
        long before = session.statistics().statements();

        clark.department = research;

        assertThat(session.statistics().statements()).isEqualTo(before);
        assertThat(research.employees).hasSize(6).contains(clark);
        assertThat(session.statistics().byKind()).containsEntry(StatementKind.SELECT, before + 1)
                .doesNotContainKey(StatementKind.UPDATE);
    }

    @Test
    void newObjectsFollowEachOtherBeforeAnySessionSeesThem() {
        Dept ops = new Dept();
        ops.deptno = 50;
        ops.dname = "OPS";
        Emp ann = new Emp();
        ann.empno = 9001;
        ann.ename = "ANN";
        Emp bob = new Emp();
        bob.empno = 9002;
        bob.ename = "BOB";

        ann.department = ops;
        assertThat(ops.employees).containsExactly(ann);
        ops.employees.add(bob);
        assertThat(bob.department).isSameAs(ops);
        ops.employees.remove(ann);
        assertThat(ann.department).isNull();

        session.add(ops);
        session.add(ann);
        session.flush();
        assertThat(bob.deptno).isEqualTo(50);
        assertThat(ann.deptno).isNull();
    }

    @Test
    void theJavaHelperThatSetsBothSidesLeavesTheObjectInTheCollectionOnce() {
        Dept research = session.get(Dept.class, 20);
        Emp hire = new Emp();
        hire.empno = 9100;
        hire.ename = "HIRE";

        hire.department = research;
        research.employees.add(hire);

        assertThat(research.employees).hasSize(6).containsOnlyOnce(hire);
        session.add(hire);
        session.commit();
        assertThat(session.statistics().byKind()).containsEntry(StatementKind.INSERT, 1L);
    }

    @Test
    void replacingACollectionReleasesTheOldMembersAndTakesTheNewOnes() {
        Dept accounting = session.get(Dept.class, 10);
        List<Emp> old = new ArrayList<>(accounting.employees);
        Emp smith = session.get(Emp.class, 7369);

        accounting.employees = new ArrayList<>(List.of(smith));

        assertThat(old).allSatisfy(emp -> assertThat(emp.department).isNull());
        assertThat(smith.department).isSameAs(accounting);
        session.flush();
        assertThat(smith.deptno).isEqualTo(10);
    }

    // ---- dirty tracking --------------------------------------------------------------------------------------------

    @Test
    void aFlushAfterLoadingWithNothingChangedVisitsNoObjectAndRunsNoStatement() {
        List<Emp> emps = session.select(Emp.class).list();
        assertThat(emps).hasSize(14);
        long before = session.statistics().statements();

        session.flush();

        assertThat(session.identityMap().changedStates()).isEmpty();
        assertThat(session.statistics().statements()).isEqualTo(before);
    }

    @Test
    void aFlushVisitsOnlyTheChangedObjectAndWritesOnlyItsChangedColumn() {
        StatementLog log = StatementLog.on(db.database());
        List<Emp> emps = session.select(Emp.class).orderBy("empno").list();
        emps.get(0).sal = new BigDecimal("999.00");

        assertThat(session.identityMap().changedStates()).extracting(s -> s.object()).containsExactly(emps.get(0));
        log.clear();
        session.flush();

        assertThat(log.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(StatementKind.UPDATE);
            assertThat(entry.sql()).contains("sal").doesNotContain("ename").doesNotContain("job");
        });
        assertThat(session.identityMap().changedStates()).isEmpty();
    }

    @Test
    void aColumnWrittenBackToItsValueIsNotWritten() {
        Emp smith = session.get(Emp.class, 7369);
        BigDecimal sal = smith.sal;
        smith.sal = new BigDecimal("1.00");
        smith.sal = new BigDecimal(sal.toPlainString());
        long before = session.statistics().statements();

        session.flush();

        assertThat(session.statistics().statements()).isEqualTo(before);
    }

    @Test
    void aFailedFlushKeepsTheChangeForTheRetry() {
        Emp smith = session.get(Emp.class, 7369);
        smith.ename = "SMITH-WITH-A-NAME-TOO-LONG";
        assertThatThrownBy(session::flush).isInstanceOf(dev.tenon.exception.TenonException.class);
        session.rollback();

        smith.ename = "SMYTHE";
        session.add(smith);
        session.commit();
        assertThat(session.statistics().byKind()).containsEntry(StatementKind.UPDATE, 1L);
        try (Session check = db.database().openSession(db.metadata())) {
            assertThat(check.get(Emp.class, 7369).ename).isEqualTo("SMYTHE");
        }
    }

    @Test
    void aChangeMadeWhileDetachedIsWrittenWhenTheObjectComesBack() {
        Emp smith = session.get(Emp.class, 7369);
        session.close();
        smith.job = "ANALYST";

        try (Session next = db.database().openSession(db.metadata())) {
            next.add(smith);
            next.commit();
            assertThat(next.statistics().byKind()).isEqualTo(Map.of(StatementKind.UPDATE, 1L));
        }
        try (Session check = db.database().openSession(db.metadata())) {
            assertThat(check.get(Emp.class, 7369).job).isEqualTo("ANALYST");
        }
    }
}
