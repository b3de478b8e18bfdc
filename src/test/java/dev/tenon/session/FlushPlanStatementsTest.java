package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementKind;
import dev.tenon.session.ManyToManyTest.Course;
import dev.tenon.session.ManyToManyTest.Enrollment;
import dev.tenon.session.ManyToManyTest.Student;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** What session.flushPlan() shows is what the next flush sends: the same steps, the same number of statements. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class FlushPlanStatementsTest {
    @Parameter
    Backend backend;

    private static Emp emp(int empno, String ename) {
        return new Emp(empno, ename, "CLERK", null, "2026-12-01", "1000", null, 10);
    }

    @Test
    void insertsUpdatesAndDeletesOfScottRunAsPlanned() {
        try (TestDb db = backend.open(Dept.class, Emp.class)) {
            Scott.load(db);
            try (Session session = db.database().openSession(db.metadata())) {
                Emp smith = session.get(Emp.class, 7369);                    // read first: get() flushes what is pending
                Emp allen = session.get(Emp.class, 7499);
                Emp miller = session.get(Emp.class, 7934);
                Dept research = new Dept(50, "LAB", "OSLO");
                Emp king = emp(9100, "BOSS");
                Emp jones = emp(9101, "CHIEF");
                Emp scott = emp(9102, "HAND");
                jones.manager = king;
                scott.manager = jones;
                king.department = research;
                session.addAll(king, jones, scott);                         // the department by cascade
                smith.sal = new BigDecimal("999");
                allen.sal = new BigDecimal("998");
                session.delete(miller);                                     // nobody reports to him
                StatementLog log = StatementLog.on(db.database());

                FlushPlan plan = session.flushPlan();

                assertThat(log.entries()).as("preparing reads who reports to MILLER, whose reports are not loaded")
                        .extracting(StatementLog.Entry::kind).containsExactly(StatementKind.SELECT);
                log.clear();
                session.flush();

                assertThat(plan.steps()).extracting(step -> step.getClass().getSimpleName() + " " + step.table().name() + " " + step.rows())
                        .containsExactly("Insert dept 1", "Insert emp 1", "Insert emp 1", "Insert emp 1", "Update emp 2", "Delete emp 1");
                assertThat(plan.statements()).isEqualTo(6);
                assertThat(log.entries()).as("the flush prepares again (the same read), then runs the plan")
                        .extracting(StatementLog.Entry::kind).containsExactly(StatementKind.SELECT, StatementKind.INSERT, StatementKind.INSERT,
                        StatementKind.INSERT, StatementKind.INSERT, StatementKind.UPDATE, StatementKind.DELETE);
                assertThat(jones.mgr).isEqualTo(9100);
                assertThat(session.flushPlan().isEmpty()).as("nothing left after the flush").isTrue();
                session.commit();
            }
            assertThat(db.rows("SELECT mgr, deptno FROM scott.emp WHERE empno = 9102")).containsExactly(List.of(9101, 10));
        }
    }

    @Test
    void deletingAParentReadsItsUnloadedChildrenWithoutAnotherFlush() {
        try (TestDb db = backend.open(Dept.class, Emp.class)) {
            Scott.load(db);
            try (Session session = db.database().openSession(db.metadata())) {
                Dept accounting = session.get(Dept.class, 10);
                Emp smith = session.get(Emp.class, 7369);
                session.delete(accounting);                                   // its three employees are not loaded
                smith.ename = "CHANGED";                                      // pending: an application query would flush it first
                StatementLog log = StatementLog.on(db.database());

                FlushPlan plan = session.flushPlan();

                assertThat(log.entries()).as("the children, read by the loader engine without an autoflush")
                        .extracting(StatementLog.Entry::kind).containsExactly(StatementKind.SELECT);
                log.clear();
                session.flush();

                assertThat(plan.steps()).extracting(step -> step.getClass().getSimpleName() + " " + step.rows())
                        .containsExactly("Update 1", "Update 3", "Delete 1");
                assertThat(log.entries()).as("the same read again, then the plan's %d statements", plan.statements())
                        .extracting(StatementLog.Entry::kind).containsExactly(StatementKind.SELECT, StatementKind.UPDATE, StatementKind.UPDATE,
                        StatementKind.DELETE);
                session.commit();
            }
            assertThat(db.rows("SELECT count(*) FROM scott.emp WHERE deptno IS NULL")).containsExactly(List.of(3L));
        }
    }

    @Test
    void associationRowsRunAsPlanned() {
        try (TestDb db = backend.open(Student.class, Course.class, Enrollment.class)) {
            try (Session session = db.database().openSession(db.metadata())) {
                Course math = new Course(1, "math");
                Course art = new Course(2, "art");
                Student ann = new Student(1, "ann");
                ann.courses = new HashSet<>(List.of(math, art));
                Student ben = new Student(2, "ben");
                ben.courses = new HashSet<>(List.of(math));
                session.addAll(ann, ben);
                StatementLog log = StatementLog.on(db.database());

                FlushPlan plan = session.flushPlan();
                session.flush();

                assertThat(plan.steps()).filteredOn(step -> step instanceof FlushPlan.Associations).singleElement()
                        .satisfies(step -> assertThat(step.rows()).as("each pair once, whichever side reported it").isEqualTo(3));
                assertThat(log.entries()).hasSize(plan.statements()).hasSize(3);
                session.commit();
            }
            assertThat(db.rows("SELECT count(*) FROM school.enrollment")).containsExactly(List.of(3L));
        }
    }
}
