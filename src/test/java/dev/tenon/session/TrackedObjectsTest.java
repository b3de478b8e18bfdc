package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.api.Status;
import dev.tenon.demo.Dept;
import dev.tenon.identity.Tracked;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loaded objects carry what became of their row on themselves (a generated subclass with one field), so that a
 * session lets go of many objects at the cost of a field write each; a class that cannot be subclassed is
 * instantiated as it is and tracked by the database-wide weak record instead. Both leave and come back alike.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class TrackedObjectsTest {
    /** Final, hence loaded as itself. */
    @Table(name = "badge")
    public static final class Badge {
        @Id @Column public Integer id;
        @Column(length = 20) public String label;

        public Badge() {
        }

        Badge(int id, String label) {
            this.id = id;
            this.label = label;
        }
    }

    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, dev.tenon.demo.Emp.class, Badge.class);
        try (Session session = db.database().openSession(db.metadata())) {
            session.addAll(List.of(new Dept(10, "ACCOUNTING", "NEW YORK"), new Badge(1, "gold")));
            session.commit();
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aLoadedObjectIsAnInstanceOfItsEntityThatTracksItself() {
        try (Session session = db.database().openSession(db.metadata())) {
            Dept dept = session.get(Dept.class, 10);

            assertThat(dept).isInstanceOf(Dept.class).isInstanceOf(Tracked.class);
            // Enhanced: the entity's own class carries the state, even a final one; no subclass is generated.
            assertThat(dept.getClass()).isEqualTo(Dept.class);
            assertThat(session.get(Badge.class, 1)).isExactlyInstanceOf(Badge.class).isInstanceOf(Tracked.class);
        }
    }

    @Test
    void aLoadedObjectChangedWhileDetachedWritesOnlyWhatChanged() {
        Dept dept = detached(Dept.class, 10);
        dept.loc = "BOSTON";
        StatementLog log = StatementLog.on(db.database());

        try (Session next = db.database().openSession(db.metadata())) {
            next.add(dept);
            assertThat(next.status(dept)).isEqualTo(Status.PERSISTENT);
            next.commit();
        }

        assertThat(log.sql()).containsExactly("UPDATE scott.dept SET loc = ? WHERE deptno = ?");
        assertThat(db.rows("SELECT loc FROM scott.dept")).containsExactly(List.of("BOSTON"));
    }

    @Test
    void anObjectOfAClassThatCannotBeSubclassedComesBackAlike() {
        Badge badge = detached(Badge.class, 1);
        badge.label = "silver";
        StatementLog log = StatementLog.on(db.database());

        try (Session next = db.database().openSession(db.metadata())) {
            next.add(badge);
            assertThat(next.status(badge)).isEqualTo(Status.PERSISTENT);
            next.commit();
        }

        assertThat(log.sql()).containsExactly("UPDATE badge SET label = ? WHERE id = ?");
        assertThat(db.rows("SELECT label FROM badge")).containsExactly(List.of("silver"));
    }

    @Test
    void aLoadedObjectWhoseDeletionWasCommittedIsInsertedAgain() {
        Dept dept;
        try (Session session = db.database().openSession(db.metadata())) {
            dept = session.get(Dept.class, 10);
            session.delete(dept);
            session.commit();
            assertThat(session.status(dept)).isEqualTo(Status.DETACHED);
        }

        try (Session next = db.database().openSession(db.metadata())) {
            next.add(dept);
            assertThat(next.status(dept)).isEqualTo(Status.PENDING);
            next.commit();
        }
        assertThat(db.rows("SELECT dname FROM scott.dept")).containsExactly(List.of("ACCOUNTING"));
    }

    @Test
    void aLoadedObjectHeldByAnOpenSessionIsRefusedByAnother() {
        try (Session first = db.database().openSession(db.metadata());
             Session second = db.database().openSession(db.metadata())) {
            Dept dept = first.get(Dept.class, 10);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> second.add(dept))
                    .isInstanceOf(dev.tenon.exception.IdentityException.class)
                    .hasMessageContaining("belongs to another open session");
        }
    }

    @Test
    void anObjectTheApplicationMadeHeldByAnOpenSessionIsRefusedByAnotherUntilThatOneCloses() {
        Dept legal = new Dept(60, "LEGAL", "AUSTIN");
        Badge silver = detached(Badge.class, 1);
        try (Session second = db.database().openSession(db.metadata())) {
            try (Session first = db.database().openSession(db.metadata())) {
                first.add(legal);
                first.add(silver);

                for (Object held : List.of(legal, silver)) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> second.add(held))
                            .isInstanceOf(dev.tenon.exception.IdentityException.class)
                            .hasMessageContaining("belongs to another open session");
                }
            }
            second.add(legal);
            second.add(silver);
            assertThat(second.status(legal)).isEqualTo(Status.PENDING);
            assertThat(second.status(silver)).isEqualTo(Status.PERSISTENT);
        }
    }

    @Test
    void aLoadedObjectLetGoByARollbackMayJoinAnotherSessionAndBackAsPersistent() {
        try (Session first = db.database().openSession(db.metadata());
             Session second = db.database().openSession(db.metadata())) {
            Dept dept = first.get(Dept.class, 10);
            first.rollback();
            assertThat(first.status(dept)).isEqualTo(Status.DETACHED);

            second.add(dept);
            assertThat(second.status(dept)).isEqualTo(Status.PERSISTENT);
            second.expunge(dept);
            first.add(dept);
            assertThat(first.status(dept)).isEqualTo(Status.PERSISTENT);
        }
    }

    /**
     * A session lets its loaded objects go without visiting them, so they still carry their last state: that state
     * must not keep the rest of the result they came from alive.
     */
    @Test
    void aDetachedObjectKeptAfterCloseDoesNotKeepItsResultAlive() throws InterruptedException {
        try (Session session = db.database().openSession(db.metadata())) {
            session.add(new Dept(20, "RESEARCH", "DALLAS"));
            session.commit();
        }
        List<Object> loaded = firstDepartmentAndSecondWeakly();
        Dept kept = (Dept) loaded.get(0);
        WeakReference<?> other = (WeakReference<?>) loaded.get(1);

        for (int i = 0; i < 50 && other.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(other.get()).isNull();
        assertThat(kept.dname).isEqualTo("ACCOUNTING");
    }

    /** Loads both departments in one query; a method of its own, so that no local variable keeps the second. */
    private List<Object> firstDepartmentAndSecondWeakly() {
        try (Session session = db.database().openSession(db.metadata())) {
            List<Dept> depts = session.select(Dept.class).orderBy("deptno").list();
            return List.of(depts.get(0), new WeakReference<>(depts.get(1)));
        }
    }

    private <T> T detached(Class<T> type, Object key) {
        try (Session session = db.database().openSession(db.metadata())) {
            T object = session.get(type, key);
            assertThat(object).isNotNull();
            return object;
        }
    }
}
