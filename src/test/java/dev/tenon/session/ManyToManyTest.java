package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.engine.StatementKind;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A many-to-many is rows of its association table: inserted and deleted as the collections change. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ManyToManyTest {
    @Table(name = "student", schema = "school")
    static class Student {
        @Id @Column Integer id;
        @Column(length = 20) String name;
        @Relationship(secondary = "school.enrollment", backPopulates = "students") Set<Course> courses;

        Student() {
        }

        Student(int id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Table(name = "course", schema = "school")
    static class Course {
        @Id @Column Integer id;
        @Column(length = 20) String title;
        @Relationship(secondary = "school.enrollment", backPopulates = "courses", orderBy = "id") List<Student> students;

        Course() {
        }

        Course(int id, String title) {
            this.id = id;
            this.title = title;
        }
    }

    @Table(name = "enrollment", schema = "school")
    static class Enrollment {
        @Id @Column(name = "student_id") @ForeignKey("school.student.id") Integer studentId;
        @Id @Column(name = "course_id") @ForeignKey("school.course.id") Integer courseId;
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Student.class, Course.class, Enrollment.class);
        session = db.database().openSession(db.metadata());
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private List<List<Object>> enrollments() {
        return db.rows("SELECT student_id, course_id FROM school.enrollment ORDER BY student_id, course_id");
    }

    /** Ada takes math and physics, Alan takes math; committed, then a fresh session. */
    private void enroll() {
        Student ada = new Student(1, "Ada");
        Student alan = new Student(2, "Alan");
        Course math = new Course(10, "Math");
        Course physics = new Course(20, "Physics");
        ada.courses = new HashSet<>(Set.of(math, physics));
        alan.courses = new HashSet<>(Set.of(math));
        session.addAll(ada, alan);
        session.commit();
        session.close();
        session = db.database().openSession(db.metadata());
        log.clear();
    }

    @Test
    void newMembersOfACollectionBecomeAssociationRows() {
        enroll();

        assertThat(enrollments()).containsExactly(List.of(1, 10), List.of(1, 20), List.of(2, 10));
    }

    @Test
    void theAssociationRowsAreOneBatchAfterBothSidesAreInserted() {
        Student ada = new Student(1, "Ada");
        ada.courses = new HashSet<>(Set.of(new Course(10, "Math"), new Course(20, "Physics")));
        session.add(ada);

        session.commit();

        assertThat(log.entries()).extracting(StatementLog.Entry::kind).containsExactly(StatementKind.INSERT, StatementKind.INSERT, StatementKind.INSERT);
        assertThat(log.sql().get(2)).isEqualTo("INSERT INTO school.enrollment (student_id, course_id) VALUES (?, ?)");
        assertThat(log.entries().get(2).rows()).isEqualTo(2);
    }

    @Test
    void addingToTheOtherSideInsertsTheSameRow() {
        enroll();
        Course physics = session.get(Course.class, 20);
        Student alan = session.get(Student.class, 2);

        physics.students.add(alan);
        session.commit();

        assertThat(enrollments()).containsExactly(List.of(1, 10), List.of(1, 20), List.of(2, 10), List.of(2, 20));
    }

    @Test
    void addingToBothSidesInsertsTheRowOnce() {
        enroll();
        Course physics = session.get(Course.class, 20);
        Student alan = session.get(Student.class, 2);

        physics.students.add(alan);
        alan.courses.add(physics);
        session.commit();

        assertThat(enrollments()).hasSize(4);
    }

    @Test
    void aLoadedOtherSideIsBackPopulated() {
        enroll();
        Course physics = session.get(Course.class, 20);
        Student alan = session.get(Student.class, 2);
        alan.courses.size();

        physics.students.add(alan);
        session.flush();

        assertThat(alan.courses).extracting(c -> c.id).containsExactlyInAnyOrder(10, 20);
    }

    @Test
    void aRemovedMemberDeletesItsAssociationRowOnly() {
        enroll();
        Student ada = session.get(Student.class, 1);
        Course math = session.get(Course.class, 10);

        ada.courses.remove(math);
        session.commit();

        assertThat(enrollments()).containsExactly(List.of(1, 20), List.of(2, 10));
        assertThat(db.rows("SELECT COUNT(*) FROM school.course")).containsExactly(List.of(2L));
        assertThat(session.statistics().statements(StatementKind.DELETE)).isEqualTo(1);
    }

    @Test
    void deletingAnOwnerDeletesItsAssociationRows() {
        enroll();
        Student ada = session.get(Student.class, 1);

        session.delete(ada);
        session.commit();

        assertThat(enrollments()).containsExactly(List.of(2, 10));
        assertThat(db.rows("SELECT COUNT(*) FROM school.course")).containsExactly(List.of(2L));
    }

    @Test
    void deletingATargetDeletesItsAssociationRows() {
        enroll();
        Course math = session.get(Course.class, 10);

        session.delete(math);
        session.commit();

        assertThat(enrollments()).containsExactly(List.of(1, 20));
    }

    @Test
    void replacingTheCollectionDeletesTheOldRowsAndInsertsTheNew() {
        enroll();
        Student alan = session.get(Student.class, 2);
        Course physics = session.get(Course.class, 20);

        alan.courses = new HashSet<>(Set.of(physics));
        session.commit();

        assertThat(enrollments()).containsExactly(List.of(1, 10), List.of(1, 20), List.of(2, 20));
    }

    @Test
    void aNewOtherSideGetsItsCollectionStarted() {
        Student ada = new Student(1, "Ada");
        Course math = new Course(10, "Math");
        ada.courses = new HashSet<>(Set.of(math));
        session.add(ada);

        session.flush();

        assertThat(math.students).containsExactly(ada);
        assertThat(new ArrayList<>(ada.courses)).containsExactly(math);
    }
}
