package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.loading.model.Course;
import dev.tenon.loading.model.Lesson;
import dev.tenon.loading.model.Seed;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Load;
import dev.tenon.query.Condition;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
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
 * {@code session.get} compiles its statement once per entity and database and shares it between sessions, as every
 * query shape and every secondary statement is; each get is still one statement that reads the row it names.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class GetByKeyTest {
    @Parameter
    Backend backend;

    TestDb db;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(Dept.class, Emp.class, Course.class, Lesson.class));
        Seed.scott(db);
        Seed.insert(db, List.of(new Course("SQL", 1, "Joins"), new Course("SQL", 2, "Indexes")), List.of());
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void getsInSeveralSessionsRunOneStatementEachWithTheSameTextAndReadTheRowTheyName() {
        List<Object> found = new ArrayList<>();
        for (Object[] key : new Object[][] {{Emp.class, 7369}, {Emp.class, 7499}, {Course.class, List.of("SQL", 2)}, {Course.class, List.of("SQL", 1)}}) {
            try (Session session = db.database().openSession(db.metadata())) {
                found.add(session.get((Class<?>) key[0], key[1]));
                assertThat(session.statistics().statements()).isEqualTo(1);
            }
        }

        assertThat(found).extracting(Object::toString).containsExactly("Emp(7369, SMITH)", "Emp(7499, ALLEN)", "SQL/2", "SQL/1");
        assertThat(log.sql().get(1)).isEqualTo(log.sql().get(0));
        assertThat(log.sql().get(3)).isEqualTo(log.sql().get(2));
    }

    @Test
    void everyQueryShapeIsCompiledOnceAndSharedWithOtherValuesStrategiesAndSessions() {
        Runnable shapes = () -> {
            try (Session session = db.database().openSession(db.metadata())) {
                session.select(Dept.class).options(Load.selectin("employees")).where(Condition.gt("deptno", 10)).list();
                session.select(Dept.class).options(Load.subquery("employees")).limit(2).list();
                session.select(Dept.class).options(Load.joined("employees").thenSelectin("manager")).list();
                session.get(Emp.class, 7369).department.employees.size();
            }
        };
        shapes.run();
        int compiled = db.database().cachedStatements();
        List<String> first = List.copyOf(log.sql());
        log.clear();

        try (Session session = db.database().openSession(db.metadata())) {
            List<Dept> depts = session.select(Dept.class).options(Load.selectin("employees")).where(Condition.gt("deptno", 20)).list();
            assertThat(depts).extracting(dept -> dept.deptno).containsExactlyInAnyOrder(30, 40);
            assertThat(depts).filteredOn(dept -> dept.deptno == 30).singleElement().satisfies(dept -> assertThat(dept.employees).hasSize(6));
        }
        shapes.run();

        assertThat(compiled).as("statements compiled by the first run: four query shapes and their secondary statements").isGreaterThan(4);
        assertThat(db.database().cachedStatements()).as("nothing compiled again for other values or in other sessions").isEqualTo(compiled);
        assertThat(log.sql().subList(2, log.sql().size())).isEqualTo(first);
    }

    @Test
    void twoMappingsOfOneClassCompileApartAndEachSessionFindsItsOwnObjects() {
        Metadata other = Metadata.of(Dept.class, Emp.class, Course.class, Lesson.class);
        try (Session first = db.database().openSession(db.metadata());
             Session second = db.database().openSession(other)) {
            first.select(Dept.class).list();
            List<Dept> depts = second.select(Dept.class).orderBy("deptno").list();

            assertThat(second.get(Dept.class, 10)).isSameAs(depts.get(0));
            assertThat(second.statistics().statements()).as("the get found the query's object in the session").isEqualTo(1);
        }
    }
}
