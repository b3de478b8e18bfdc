package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.api.Status;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Objects move through transient, pending, persistent, deleted and detached as in SQLAlchemy. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class LifecycleTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void aNewObjectIsTransientThenPendingThenPersistent() {
        Dept dept = new Dept(50, "LEGAL", "AUSTIN");
        assertThat(session.status(dept)).isEqualTo(Status.TRANSIENT);
        assertThat(session.contains(dept)).isFalse();

        session.add(dept);
        assertThat(session.status(dept)).isEqualTo(Status.PENDING);
        assertThat(session.contains(dept)).isTrue();
        assertThat(session.statistics().statements()).isZero();

        session.flush();
        assertThat(session.status(dept)).isEqualTo(Status.PERSISTENT);
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aDeletedObjectIsDetachedAfterCommit() {
        Dept dept = new Dept(50, "LEGAL", "AUSTIN");
        session.add(dept);
        session.commit();

        session.delete(dept);
        assertThat(session.status(dept)).isEqualTo(Status.DELETED);
        session.flush();
        assertThat(session.status(dept)).isEqualTo(Status.DELETED);
        session.commit();

        assertThat(session.status(dept)).isEqualTo(Status.DETACHED);
        assertThat(session.contains(dept)).isFalse();
        assertThat(db.rows("SELECT deptno FROM scott.dept")).isEmpty();
    }

    @Test
    void deletingAPendingObjectMakesItTransientWithoutSql() {
        Dept dept = new Dept(50, "LEGAL", "AUSTIN");
        session.add(dept);

        session.delete(dept);
        session.flush();

        assertThat(session.status(dept)).isEqualTo(Status.TRANSIENT);
        assertThat(session.statistics().statements()).isZero();
    }

    @Test
    void addingADeletedObjectAgainCancelsTheDelete() {
        Dept dept = new Dept(50, "LEGAL", "AUSTIN");
        session.add(dept);
        session.commit();

        session.delete(dept);
        session.add(dept);
        session.commit();

        assertThat(session.status(dept)).isEqualTo(Status.PERSISTENT);
        assertThat(db.rows("SELECT deptno FROM scott.dept")).hasSize(1);
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void objectsStayPersistentAfterCommitAndAreUsableInTheNextTransaction() {
        Dept dept = new Dept(50, "LEGAL", "AUSTIN");
        session.add(dept);
        session.commit();

        dept.loc = "DENVER";
        session.commit();

        assertThat(session.status(dept)).isEqualTo(Status.PERSISTENT);
        assertThat(db.rows("SELECT loc FROM scott.dept")).containsExactly(java.util.List.of("DENVER"));
    }

    @Test
    void anExpungedObjectIsDetachedAndItsRowUntouched() {
        Dept dept = new Dept(50, "LEGAL", "AUSTIN");
        session.add(dept);
        session.commit();

        session.expunge(dept);
        dept.loc = "DENVER";
        session.commit();

        assertThat(session.status(dept)).isEqualTo(Status.DETACHED);
        assertThat(db.rows("SELECT loc FROM scott.dept")).containsExactly(java.util.List.of("AUSTIN"));
    }

    @Test
    void addingADetachedObjectBackWritesItsCurrentState() {
        Dept dept = new Dept(50, "LEGAL", "AUSTIN");
        session.add(dept);
        session.commit();
        session.close();

        try (Session next = db.database().openSession(db.metadata())) {
            dept.loc = "DENVER";
            next.add(dept);
            assertThat(next.status(dept)).isEqualTo(Status.PERSISTENT);
            next.commit();

            assertThat(next.statistics().statements()).isEqualTo(1);
        }
        assertThat(db.rows("SELECT loc FROM scott.dept")).containsExactly(java.util.List.of("DENVER"));
    }

    @Test
    void aDetachedObjectAddedBackLoadsItsLazyCollectionThroughTheNewSession() {
        Scott.load(db);
        Dept accounting = session.get(Dept.class, 10);
        session.close();

        try (Session next = db.database().openSession(db.metadata())) {
            next.add(accounting);

            assertThat(accounting.employees).extracting(e -> e.ename).containsExactly("CLARK", "KING", "MILLER");
            assertThat(accounting.employees).allSatisfy(e -> assertThat(next.contains(e)).isTrue());
            assertThat(next.statistics().statements()).isEqualTo(1);
        }
    }

    @Test
    void aDetachedObjectAddedBackLoadsItsLazyReferenceThroughTheNewSession() {
        Scott.load(db);
        Emp smith = session.get(Emp.class, 7369);
        session.close();

        try (Session next = db.database().openSession(db.metadata())) {
            next.add(smith);

            assertThat(smith.department).hasToString("Dept(20, RESEARCH)");
            assertThat(next.get(Dept.class, 20)).isSameAs(smith.department);
            assertThat(next.statistics().statements()).isEqualTo(1);
        }
    }

    @Test
    void aDetachedObjectAddedBackWritesOnlyTheColumnsChangedMeanwhile() {
        Dept dept = new Dept(50, "LEGAL", "AUSTIN");
        session.add(dept);
        session.commit();
        session.close();
        StatementLog log = StatementLog.on(db.database());

        try (Session next = db.database().openSession(db.metadata())) {
            dept.loc = "DENVER";
            next.add(dept);
            next.commit();
        }

        assertThat(log.sql()).containsExactly("UPDATE scott.dept SET loc = ? WHERE deptno = ?");
    }

    @Test
    void anUnchangedDetachedObjectAddedBackWritesNothing() {
        Dept dept = new Dept(50, "LEGAL", "AUSTIN");
        session.add(dept);
        session.commit();
        session.close();

        try (Session next = db.database().openSession(db.metadata())) {
            next.add(dept);
            next.commit();

            assertThat(next.statistics().statements()).isZero();
        }
    }

    @Test
    void expungingAPendingObjectMakesItTransient() {
        Dept dept = new Dept(50, "LEGAL", "AUSTIN");
        session.add(dept);

        session.expunge(dept);
        session.commit();

        assertThat(session.status(dept)).isEqualTo(Status.TRANSIENT);
        assertThat(db.rows("SELECT deptno FROM scott.dept")).isEmpty();
    }

    @Test
    void refreshDiscardsUnflushedChangesAndReadsTheRowAgain() {
        Dept dept = new Dept(50, "LEGAL", "AUSTIN");
        session.add(dept);
        session.commit();
        db.execute("UPDATE scott.dept SET dname = 'LAW' WHERE deptno = 50");
        dept.loc = "DENVER";

        session.refresh(dept);

        assertThat(dept.dname).isEqualTo("LAW");
        assertThat(dept.loc).isEqualTo("AUSTIN");
        session.flush();
        assertThat(session.statistics().statements()).isEqualTo(2);
    }
}
