package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.LazyLoadException;
import dev.tenon.loading.model.Book;
import dev.tenon.loading.model.Seed;
import dev.tenon.loading.model.Shelf;
import dev.tenon.metadata.Metadata;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.query.Condition;
import dev.tenon.session.Session;
import dev.tenon.session.SessionOptions;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lazy loading that batches by itself: touching one parent's lazy relationship loads it for its unloaded siblings
 * from the same result, in one IN statement.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class BatchedLazyLoadingTest {
    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(Dept.class, Emp.class, Shelf.class, Book.class));
        Seed.scott(db);
        Seed.insert(db, List.of(new Shelf(1), new Shelf(2), new Shelf(3), new Shelf(4), new Shelf(5)),
                List.of(new Book(1, 1, "Dune"), new Book(2, 2, "Emma"), new Book(3, 2, "Ulysses"), new Book(4, 4, "Beloved"), new Book(5, 5, "Kim")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Session batching() {
        return db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.batchLazyLoads(true));
    }

    private static boolean isLoaded(List<?> collection) {
        return ((RelationCollection) collection).isLoaded();
    }

    @Test
    void printingScottTakesTwoStatementsInsteadOfFive() {
        try (Session session = batching()) {
            List<String> lines = session.select(Dept.class).orderBy("deptno").list().stream()
                    .map(dept -> dept.dname + " " + dept.loc + ": " + dept.employees.stream().map(emp -> emp.ename).collect(Collectors.joining(", ")))
                    .toList();

            assertThat(lines).isEqualTo(ScottStrategiesTest.PRINTED);
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void theFirstTouchFillsEverySiblingOfTheResult() {
        try (Session session = batching()) {
            List<Dept> depts = session.select(Dept.class).orderBy("deptno").list();

            depts.get(2).employees.size();

            assertThat(depts).allSatisfy(dept -> assertThat(isLoaded(dept.employees)).isTrue());
            assertThat(depts.get(3).employees).isEmpty();
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void manyToOneProxiesOfSiblingsLoadTogether() {
        try (Session session = batching()) {
            List<Emp> emps = session.select(Emp.class).orderBy("empno").list();

            assertThat(emps).extracting(emp -> emp.department.toString()).contains("Dept(10, ACCOUNTING)", "Dept(20, RESEARCH)", "Dept(30, SALES)");
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void aRelationshipBatchSizeFillsThatManyParentsPerStatement() {
        try (Session session = db.database().openSession(db.metadata())) {
            List<Shelf> shelves = session.select(Shelf.class).orderBy("id").list();

            assertThat(shelves.get(0).getBooks()).hasToString("[Dune]");
            assertThat(session.statistics().statements()).isEqualTo(2);
            assertThat(isLoaded(shelves.get(1).getBooks())).isTrue();
            assertThat(isLoaded(shelves.get(2).getBooks())).isFalse();

            assertThat(shelves).extracting(shelf -> shelf.getBooks().toString())
                    .containsExactly("[Dune]", "[Emma, Ulysses]", "[]", "[Beloved]", "[Kim]");
            assertThat(session.statistics().statements()).isEqualTo(1 + 3);
        }
    }

    @Test
    void expungedSiblingsAreLeftOutOfTheBatch() {
        try (Session session = batching()) {
            List<Dept> depts = session.select(Dept.class).orderBy("deptno").list();
            session.expunge(depts.get(1));

            depts.get(0).employees.size();

            assertThat(isLoaded(depts.get(2).employees)).isTrue();
            assertThat(isLoaded(depts.get(1).employees)).isFalse();
            assertThat(session.statistics().rowsRead()).isEqualTo(4 + 3 + 6);
            assertThatThrownBy(() -> depts.get(1).employees.size()).isInstanceOf(LazyLoadException.class);
        }
    }

    @Test
    void objectsOfALaterResultAreNotPartOfTheBatch() {
        try (Session session = batching()) {
            List<Dept> first = session.select(Dept.class).where(Condition.in("deptno", 10, 20)).list();
            List<Dept> later = session.select(Dept.class).where(Condition.in("deptno", 30, 40)).list();
            Dept added = new Dept(50, "RESEARCH 2", "AUSTIN");
            session.add(added);
            session.flush();
            long before = session.statistics().statements();

            first.get(0).employees.size();

            assertThat(first).allSatisfy(dept -> assertThat(isLoaded(dept.employees)).isTrue());
            assertThat(later).allSatisfy(dept -> assertThat(isLoaded(dept.employees)).isFalse());
            assertThat(session.statistics().statements()).isEqualTo(before + 1);
        }
    }

    @Test
    void batchingDoesNotReloadASiblingTouchedBefore() {
        try (Session session = batching()) {
            List<Dept> depts = session.select(Dept.class).orderBy("deptno").list();
            List<Emp> research = depts.get(1).employees;
            research.size();
            long before = session.statistics().statements();

            depts.get(0).employees.size();
            depts.get(2).employees.size();

            assertThat(depts.get(1).employees).isSameAs(research);
            assertThat(session.statistics().statements()).isEqualTo(before);
        }
    }
}
