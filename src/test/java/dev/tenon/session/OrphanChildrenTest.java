package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Cascade;
import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.api.Status;
import dev.tenon.engine.StatementKind;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An orphan (an object removed from a {@code delete-orphan} collection, or whose parent reference was cleared) is
 * deleted exactly as {@code session.delete} deletes it: its own children, loaded or not, are deleted with it when
 * their relationship cascades the delete, and keep living with a NULL key when it does not, in the same statements.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class OrphanChildrenTest {
    /** Owns its staff: a worker who leaves it is deleted. */
    @Table(name = "office", schema = "orphans")
    static class Office {
        @Id @Column Integer id;
        @Column(length = 20) String name;

        @Relationship(backPopulates = "office", orderBy = "id",
                cascade = {Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
        List<Worker> staff;

        Office() {
        }

        Office(int id, String name, Worker... staff) {
            this.id = id;
            this.name = name;
            this.staff = new ArrayList<>(Arrays.asList(staff));
        }
    }

    /** A worker with reports (who outlive their boss, with no boss) and badges (deleted with their worker). */
    @Table(name = "worker", schema = "orphans")
    static class Worker {
        @Id @Column Integer id;
        @Column(length = 20) String name;
        @Column @ForeignKey("orphans.office.id") Integer officeId;
        @Column @ForeignKey("orphans.worker.id") Integer bossId;

        @Relationship(backPopulates = "staff")
        Office office;

        @Relationship(foreignKey = "bossId", backPopulates = "reports")
        Worker boss;

        @Relationship(foreignKey = "bossId", backPopulates = "boss", orderBy = "id")
        List<Worker> reports;

        @Relationship(backPopulates = "holder", cascade = {Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.DELETE})
        List<Badge> badges;

        @Relationship(secondary = "orphans.worker_skill")
        List<Skill> skills;

        Worker() {
        }

        Worker(int id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Table(name = "badge", schema = "orphans")
    static class Badge {
        @Id @Column Integer id;
        @Column @ForeignKey("orphans.worker.id") Integer holderId;

        @Relationship(backPopulates = "badges")
        Worker holder;

        Badge() {
        }

        Badge(int id, int holderId) {
            this.id = id;
            this.holderId = holderId;
        }
    }

    @Table(name = "skill", schema = "orphans")
    static class Skill {
        @Id @Column Integer id;
        @Column(length = 20) String name;
    }

    @Table(name = "worker_skill", schema = "orphans")
    static class WorkerSkill {
        @Id @Column(name = "worker_id") @ForeignKey("orphans.worker.id") Integer workerId;
        @Id @Column(name = "skill_id") @ForeignKey("orphans.skill.id") Integer skillId;
    }

    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.open(Office.class, Worker.class, Badge.class, Skill.class, WorkerSkill.class);
        try (Session setup = db.database().openSession(db.metadata())) {
            setup.add(new Office(1, "north", new Worker(1, "Ada"), new Worker(2, "Bob"), new Worker(3, "Cy")));
            setup.flush();
            // Ada is the boss of Bob and Cy; Ada and Bob wear a badge.
            setup.get(Worker.class, 2).bossId = 1;
            setup.get(Worker.class, 3).bossId = 1;
            setup.addAll(new Badge(1, 1), new Badge(2, 2));
            setup.commit();
        }
        // Cy knows SQL.
        db.execute("INSERT INTO orphans.skill (id, name) VALUES (1, 'sql')");
        db.execute("INSERT INTO orphans.worker_skill (worker_id, skill_id) VALUES (3, 1)");
        db.database().statistics().reset();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<List<Object>> workers() {
        return db.rows("SELECT id, \"bossId\" FROM orphans.worker ORDER BY id");
    }

    private List<List<Object>> badges() {
        return db.rows("SELECT id, \"holderId\" FROM orphans.badge ORDER BY id");
    }

    /**
     * Runs {@code removal} on the boss in a session of its own, with the office's staff loaded, commits, and returns
     * the statements it ran by kind.
     */
    private Map<StatementKind, Long> removeTheBoss(BiConsumer<Session, Office> removal) {
        try (Session session = db.database().openSession(db.metadata())) {
            Office office = session.get(Office.class, 1);
            assertThat(office.staff).hasSize(3);

            removal.accept(session, office);
            session.commit();

            return session.statistics().byKind();
        }
    }

    @Test
    void anOrphanWithUnloadedChildrenIsDeletedInTheStatementsOfSessionDelete() {
        Map<StatementKind, Long> deleted = removeTheBoss((session, office) -> session.delete(office.staff.get(0)));
        List<List<Object>> workersAfterDelete = workers();
        List<List<Object>> badgesAfterDelete = badges();
        db.execute("DELETE FROM orphans.badge");
        db.execute("DELETE FROM orphans.worker_skill");
        db.execute("DELETE FROM orphans.worker");
        db.execute("INSERT INTO orphans.worker (id, name, \"officeId\", \"bossId\") VALUES (1, 'Ada', 1, NULL), (2, 'Bob', 1, 1), (3, 'Cy', 1, 1)");
        db.execute("INSERT INTO orphans.badge (id, \"holderId\") VALUES (1, 1), (2, 2)");
        db.execute("INSERT INTO orphans.worker_skill (worker_id, skill_id) VALUES (3, 1)");

        Map<StatementKind, Long> orphaned = removeTheBoss((session, office) -> office.staff.remove(0));

        // The office, its staff, Ada's reports and her badges (one query each), the reports' keys set to NULL in
        // one batch, her association rows (by her key, unloaded), her badge and herself deleted.
        assertThat(orphaned).isEqualTo(deleted).containsExactlyInAnyOrderEntriesOf(
                Map.of(StatementKind.SELECT, 4L, StatementKind.UPDATE, 1L, StatementKind.DELETE, 3L));
        assertThat(workers()).isEqualTo(workersAfterDelete)
                .containsExactly(Arrays.asList(2, null), Arrays.asList(3, null));
        assertThat(badges()).isEqualTo(badgesAfterDelete).containsExactly(List.of(2, 2));
    }

    @Test
    void anOrphanWhoseReferenceWasClearedTakesItsChildrenAlong() {
        Map<StatementKind, Long> statements = removeTheBoss((session, office) -> {
            Worker ada = office.staff.get(0);
            List<Badge> badges = ada.badges;
            assertThat(badges).hasSize(1);

            ada.office = null;
        });

        // Her badges were loaded: only her reports are read by the flush.
        assertThat(statements).containsExactlyInAnyOrderEntriesOf(
                Map.of(StatementKind.SELECT, 4L, StatementKind.UPDATE, 1L, StatementKind.DELETE, 3L));
        assertThat(workers()).containsExactly(Arrays.asList(2, null), Arrays.asList(3, null));
        assertThat(badges()).containsExactly(List.of(2, 2));
    }

    @Test
    void anOrphanSeenBeforeItsParentLosesItsAssociationRows() {
        try (Session session = db.database().openSession(db.metadata())) {
            Worker cy = session.get(Worker.class, 3);
            Office office = session.get(Office.class, 1);

            office.staff.remove(cy);
            session.commit();

            // Cy, the office, its staff, Cy's reports and badges (none); his association rows, then his row.
            assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(
                    Map.of(StatementKind.SELECT, 5L, StatementKind.DELETE, 2L));
        }
        assertThat(db.rows("SELECT COUNT(*) FROM orphans.worker_skill")).containsExactly(List.of(0L));
        assertThat(workers()).containsExactly(Arrays.asList(1, null), List.of(2, 1));
        assertThat(badges()).hasSize(2);
    }

    @Test
    void theLoadedChildrenOfAnOrphanFollowItInMemory() {
        try (Session session = db.database().openSession(db.metadata())) {
            Office office = session.get(Office.class, 1);
            Worker ada = office.staff.get(0);
            List<Worker> reports = List.copyOf(ada.reports);
            Badge badge = ada.badges.get(0);

            office.staff.remove(ada);
            session.commit();

            assertThat(session.status(ada)).isEqualTo(Status.DETACHED);
            assertThat(session.status(badge)).isEqualTo(Status.DETACHED);
            assertThat(reports).allSatisfy(report -> {
                assertThat(session.status(report)).isEqualTo(Status.PERSISTENT);
                assertThat(report.boss).isNull();
                assertThat(report.bossId).isNull();
            });
            // Four loads (office, staff, reports, badges); the flush has nothing left to read.
            assertThat(session.statistics().statements(StatementKind.SELECT)).isEqualTo(4);
        }
        assertThat(workers()).containsExactly(Arrays.asList(2, null), Arrays.asList(3, null));
        assertThat(badges()).containsExactly(List.of(2, 2));
    }
}
