package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.loading.model.Course;
import dev.tenon.loading.model.Lesson;
import dev.tenon.loading.model.Seed;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Condition;
import dev.tenon.query.Load;
import dev.tenon.query.Query;
import dev.tenon.session.Session;
import dev.tenon.session.SessionOptions;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A composite key (course code and term) under every strategy, both directions; the lessons' order (by number,
 * not by id or insertion) holds under each.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class CompositeKeyTest {
    static final List<String> PRINTED = List.of("JAVA/1 []", "SQL/1 [inner joins, outer joins, subqueries]", "SQL/2 [b-trees]");

    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(Course.class, Lesson.class));
        Seed.insert(db, List.of(new Course("SQL", 1, "Joins"), new Course("SQL", 2, "Indexes"), new Course("JAVA", 1, "Records")),
                List.of(new Lesson(1, "SQL", 1, 3, "subqueries"), new Lesson(2, "SQL", 1, 1, "inner joins"), new Lesson(3, "SQL", 2, 1, "b-trees"),
                        new Lesson(4, "SQL", 1, 2, "outer joins")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Session session() {
        return db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.nPlusOneThreshold(100));
    }

    private List<String> print(Session session, Load option) {
        Query<Course> query = session.select(Course.class).orderBy("code", "term");
        if (option != null) {
            query = query.options(option);
        }
        return query.list().stream().map(course -> course + " " + course.getLessons()).toList();
    }

    @Test
    void lazyLoadsOneCourseAtATime() {
        try (Session session = session()) {
            assertThat(print(session, null)).isEqualTo(PRINTED);
            assertThat(session.statistics().statements()).isEqualTo(1 + 3);
        }
    }

    @Test
    void joinedLoadsEveryCourseInOneStatement() {
        try (Session session = session()) {
            assertThat(print(session, Load.joined("lessons"))).isEqualTo(PRINTED);
            assertThat(session.statistics().statements()).isEqualTo(1);
        }
    }

    @Test
    void selectinMatchesRowValues() {
        try (Session session = session()) {
            assertThat(print(session, Load.selectin("lessons"))).isEqualTo(PRINTED);
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void subqueryJoinsOnEveryKeyColumn() {
        try (Session session = session()) {
            assertThat(print(session, Load.subquery("lessons"))).isEqualTo(PRINTED);
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void selectinInSeveralBatchesOfCompositeKeys() {
        try (Session session = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.selectinBatchSize(2))) {
            assertThat(print(session, Load.selectin("lessons"))).isEqualTo(PRINTED);
            assertThat(session.statistics().statements()).isEqualTo(1 + 2);
        }
    }

    @Test
    void aLazyCompositeReferenceIsAProxyKeyedByTheTargetsKeyOrder() {
        try (Session session = session()) {
            Lesson lesson = session.select(Lesson.class).where(Condition.eq("id", 3)).one();

            assertThat(session.statistics().statements()).isEqualTo(1);
            assertThat(lesson.getCourse().getTitle()).isEqualTo("Indexes");
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void aCompositeReferenceAlreadyInTheSessionIsSetWithoutAStatement() {
        try (Session session = session()) {
            Course joins = session.get(Course.class, "SQL", 1);
            Lesson lesson = session.select(Lesson.class).where(Condition.eq("id", 2)).one();

            assertThat(lesson.getCourse()).isSameAs(joins);
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void aMandatoryReferenceIsJoinedInnerAndOnlyOutsideAnOuterJoin() {
        try (Session session = session()) {
            List<Lesson> lessons = session.select(Lesson.class).options(Load.joined("course")).orderBy("id").list();

            assertThat(lessons).extracting(lesson -> lesson.getCourse().getTitle()).containsExactly("Joins", "Joins", "Indexes", "Joins");
            assertThat(session.select(Lesson.class).options(Load.joined("course")).toSql())
                    .contains("FROM school.lessons lessons_1 JOIN school.courses courses_1 ON")
                    .contains("lessons_1.course_term = courses_1.term").contains("lessons_1.course_code = courses_1.code");
            assertThat(session.select(Course.class).options(Load.joined("lessons").thenJoined("course")).toSql())
                    .doesNotContain(") JOIN school.courses courses_2").contains(") LEFT OUTER JOIN school.courses courses_2");
            assertThat(session.statistics().statements()).isEqualTo(1);
        }
    }

    /**
     * A composite key's list of row values: 40,003 courses in batches of 40,000 would be 80,000 parameters, past
     * PostgreSQL's 65,535, and its parser fails on a list of some 8,000 rows anyway ("stack depth limit exceeded"), so
     * there a statement holds at most 1,000 keys: 41 statements. H2 takes the two batches whole.
     */
    @Test
    void aSelectinBatchOfCompositeKeysStaysWithinTheDatabasesParameterLimit() {
        db.execute(backend == Backend.H2
                ? "INSERT INTO school.courses (code, term, title) SELECT 'C' || x, 9, 'bulk' FROM SYSTEM_RANGE(1, 40000)"
                : "INSERT INTO school.courses (code, term, title) SELECT 'C' || x, 9, 'bulk' FROM generate_series(1, 40000) AS x");
        try (Session session = db.database().openSession(db.metadata(),
                SessionOptions.DEFAULTS.selectinBatchSize(40_000).nPlusOneThreshold(100))) {
            List<Course> courses = session.select(Course.class).options(Load.selectin("lessons")).list();

            assertThat(courses).hasSize(40_003);
            assertThat(courses.stream().mapToInt(course -> course.getLessons().size()).sum()).isEqualTo(4);
            assertThat(session.statistics().statements()).isEqualTo(backend == Backend.POSTGRES ? 1 + 41 : 1 + 2);
        }
    }
}
