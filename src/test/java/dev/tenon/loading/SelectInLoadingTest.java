package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.loading.model.Course;
import dev.tenon.loading.model.Lesson;
import dev.tenon.loading.model.Seed;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Condition;
import dev.tenon.query.Load;
import dev.tenon.session.Session;
import dev.tenon.session.SessionOptions;
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

/** Selectin eager loading: one IN-batched statement per relationship and batch of parents, after the parents. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class SelectInLoadingTest {
    @Parameter
    Backend backend;

    TestDb db;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(Dept.class, Emp.class, Course.class, Lesson.class));
        Seed.scott(db);
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Session session(int batchSize) {
        return db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.selectinBatchSize(batchSize));
    }

    @Test
    void noParentsMeansNoSecondaryStatement() {
        try (Session session = session(500)) {
            List<Dept> none = session.select(Dept.class).options(Load.selectin("employees")).where(Condition.gt("deptno", 99)).list();

            assertThat(none).isEmpty();
            assertThat(session.statistics().statements()).isEqualTo(1);
        }
    }

    @Test
    void aParentWithoutChildrenGetsAnEmptyLoadedCollection() {
        try (Session session = session(500)) {
            Dept operations = session.select(Dept.class).options(Load.selectin("employees")).where(Condition.eq("deptno", 40)).one();

            assertThat(operations.employees).isEmpty();
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void moreParentsThanOneBatchRunOneStatementPerBatch() {
        try (Session session = session(3)) {
            List<Emp> emps = session.select(Emp.class).options(Load.selectin("reports")).orderBy("empno").list();

            assertThat(session.statistics().statements()).isEqualTo(1 + 5); // 14 parents in batches of 3
            assertThat(emps.stream().mapToInt(emp -> emp.reports.size()).sum()).isEqualTo(13);
            assertThat(emps).filteredOn(emp -> emp.ename.equals("BLAKE")).singleElement()
                    .satisfies(blake -> assertThat(blake.reports).extracting(emp -> emp.ename)
                            .containsExactly("ALLEN", "WARD", "MARTIN", "TURNER", "JAMES"));
        }
    }

    @Test
    void aBatchAsLargeAsTheParentsTakesOneStatement() {
        try (Session session = session(4)) {
            List<Dept> depts = session.select(Dept.class).options(Load.selectin("employees")).orderBy("deptno").list();

            assertThat(depts).extracting(dept -> dept.employees.size()).containsExactly(3, 5, 6, 0);
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void keysAreBoundAsOneArray() {
        try (Session session = session(500)) {
            session.select(Dept.class).options(Load.selectin("employees")).where(Condition.in("deptno", 10, 20, 30)).list();
        }

        String secondary = log.sql().get(1);
        assertThat(secondary).contains("WHERE emp_1.deptno = ANY(?)");
    }

    @Test
    void batchesOfEverySizeShareOneStatementShape() {
        try (Session session = session(3)) {
            session.select(Emp.class).options(Load.selectin("reports")).list();
        }

        List<String> secondaryShapes = log.sql().subList(1, log.sql().size()).stream().distinct().toList();
        assertThat(log.sql()).hasSize(1 + 5); // batches of 3, 3, 3, 3 and 2 keys
        assertThat(secondaryShapes).hasSize(1);
    }

    @Test
    void aManyToOneLoadsOnlyTheDistinctTargetsMissingFromTheSession() {
        try (Session session = session(500)) {
            session.select(Dept.class).where(Condition.eq("deptno", 10)).one();
            log.clear();

            List<Emp> emps = session.select(Emp.class).options(Load.selectin("department")).orderBy("empno").list();

            assertThat(emps).extracting(emp -> emp.department.dname).contains("ACCOUNTING", "RESEARCH", "SALES");
            assertThat(log.sql()).hasSize(2);
            assertThat(log.sql().get(1)).contains("FROM scott.dept dept_1 WHERE dept_1.deptno");
            assertThat(session.statistics().rowsRead()).isEqualTo(1 + 14 + 2); // dept 10 was in the session already
        }
    }

    @Test
    void aManyToOneWhoseTargetsAreAllInTheSessionRunsNoSecondaryStatement() {
        try (Session session = session(500)) {
            List<Emp> emps = session.select(Emp.class).options(Load.selectin("manager")).orderBy("empno").list();

            assertThat(session.statistics().statements()).isEqualTo(1);
            Emp smith = emps.get(0);
            assertThat(smith.manager.ename).isEqualTo("FORD");
            assertThat(emps).filteredOn(emp -> emp.ename.equals("KING")).singleElement().satisfies(king -> assertThat(king.manager).isNull());
        }
    }

    @Test
    void aSelfReferentialChainLoadsOneLevelPerStatement() {
        try (Session session = session(500)) {
            Emp smith = session.select(Emp.class)
                    .options(Load.selectin("manager").thenSelectin("manager").thenSelectin("manager").thenSelectin("manager"))
                    .where(Condition.eq("ename", "SMITH")).one();

            assertThat(smith.manager.ename).isEqualTo("FORD");
            assertThat(smith.manager.manager.ename).isEqualTo("JONES");
            assertThat(smith.manager.manager.manager.ename).isEqualTo("KING");
            assertThat(smith.manager.manager.manager.manager).isNull();
            assertThat(session.statistics().statements()).isEqualTo(1 + 3); // KING has no manager: nothing to load at the 4th level
        }
    }

    @Test
    void aSelfReferentialCollectionChainLoadsTheWholeTreeDownwards() {
        try (Session session = session(500)) {
            Emp king = session.select(Emp.class)
                    .options(Load.selectin("reports").thenSelectin("reports").thenSelectin("reports").thenSelectin("reports"))
                    .where(Condition.isNull("mgr")).one();

            assertThat(king.reports).extracting(emp -> emp.ename).containsExactly("JONES", "BLAKE", "CLARK");
            Emp jones = king.reports.get(0);
            assertThat(jones.reports).extracting(emp -> emp.ename).containsExactly("SCOTT", "FORD");
            assertThat(jones.reports.get(0).reports).extracting(emp -> emp.ename).containsExactly("ADAMS");
            assertThat(jones.reports.get(0).reports.get(0).reports).isEmpty();
            assertThat(session.statistics().statements()).isEqualTo(1 + 4);
        }
    }

    @Test
    void compositeKeysLoadChildrenThroughRowValues() {
        Seed.insert(db, List.of(new Course("SQL", 1, "Joins"), new Course("SQL", 2, "Indexes"), new Course("JAVA", 1, "Records")),
                List.of(new Lesson(1, "SQL", 1, 2, "outer joins"), new Lesson(2, "SQL", 1, 1, "inner joins"),
                        new Lesson(3, "SQL", 2, 1, "b-trees")));
        log.clear();
        try (Session session = session(500)) {
            List<Course> courses = session.select(Course.class).options(Load.selectin("lessons")).orderBy("code", "term").list();

            assertThat(courses).extracting(Course::toString).containsExactly("JAVA/1", "SQL/1", "SQL/2");
            assertThat(courses).extracting(course -> course.getLessons().toString())
                    .containsExactly("[]", "[inner joins, outer joins]", "[b-trees]");
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void compositeManyToOneTargetsAreMatchedByColumnNameNotPosition() {
        Seed.insert(db, List.of(new Course("SQL", 1, "Joins"), new Course("SQL", 2, "Indexes")),
                List.of(new Lesson(1, "SQL", 1, 1, "inner joins"), new Lesson(2, "SQL", 2, 1, "b-trees")));
        try (Session session = session(500)) {
            List<Lesson> lessons = session.select(Lesson.class).options(Load.selectin("course")).orderBy("id").list();

            assertThat(lessons).extracting(lesson -> lesson.getCourse().getTitle()).containsExactly("Joins", "Indexes");
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void childrenAreSharedWithTheIdentityMapNotCopied() {
        try (Session session = session(500)) {
            Emp king = session.select(Emp.class).where(Condition.eq("ename", "KING")).one();

            Dept accounting = session.select(Dept.class).options(Load.selectin("employees")).where(Condition.eq("deptno", 10)).one();

            assertThat(accounting.employees).element(1).isSameAs(king);
        }
    }
}
