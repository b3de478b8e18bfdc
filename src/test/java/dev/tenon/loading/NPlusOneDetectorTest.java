package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.LazyLoadException;
import dev.tenon.loading.model.Post;
import dev.tenon.loading.model.PostTag;
import dev.tenon.loading.model.Seed;
import dev.tenon.loading.model.Tag;
import dev.tenon.loading.model.User;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Condition;
import dev.tenon.query.Load;
import dev.tenon.session.Session;
import dev.tenon.session.SessionOptions;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/** The N+1 detector: it notices one relationship lazy-loaded parent by parent from one result, and names the fix. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class NPlusOneDetectorTest {
    @Parameter
    Backend backend;

    TestDb db;
    final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    final Logger log = (Logger) LoggerFactory.getLogger("tenon.nplusone");

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(Dept.class, Emp.class, User.class, Post.class, Tag.class, PostTag.class));
        Seed.scott(db);
        Seed.blog(db);
        warnings.start();
        log.addAppender(warnings);
        log.setAdditive(false); // the warnings are expected here: keep them off the console
    }

    @AfterEach
    void close() {
        log.detachAppender(warnings);
        log.setAdditive(true);
        db.close();
    }

    private List<String> messages() {
        return warnings.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void theSecondLazyLoadFromOneResultWarnsOnceNamingTheRelationshipTheCallerAndTheFix() {
        try (Session session = db.database().openSession(db.metadata())) {
            for (Dept dept : session.select(Dept.class).orderBy("deptno").list()) {
                dept.employees.size();
            }
        }

        assertThat(messages()).singleElement().satisfies(message -> assertThat(message)
                .contains("N+1 detected: Dept.employees was lazy-loaded one Dept at a time, 2 times for the result of 'select Dept'")
                .contains("at " + NPlusOneDetectorTest.class.getName() + ".")
                .contains(".options(Load.selectin(\"employees\"))"));
    }

    @Test
    void aSingleLazyLoadIsNotAnNPlusOne() {
        try (Session session = db.database().openSession(db.metadata())) {
            List<Dept> depts = session.select(Dept.class).orderBy("deptno").list();
            depts.get(0).employees.size();
            depts.get(0).employees.size();
        }

        assertThat(messages()).isEmpty();
    }

    @Test
    void loadsFromDifferentResultsAreNotCountedTogether() {
        try (Session session = db.database().openSession(db.metadata())) {
            session.select(Dept.class).where(Condition.eq("deptno", 10)).one().employees.size();
            session.select(Dept.class).where(Condition.eq("deptno", 20)).one().employees.size();
        }

        assertThat(messages()).isEmpty();
    }

    @Test
    void eagerLoadingIsNotReported() {
        try (Session session = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.strictNPlusOne(true))) {
            for (Dept dept : session.select(Dept.class).options(Load.selectin("employees")).list()) {
                dept.employees.size();
            }
            assertThat(session.statistics().statements()).isEqualTo(2);
        }

        assertThat(messages()).isEmpty();
    }

    @Test
    void lazyReferencesAreCountedToo() {
        try (Session session = db.database().openSession(db.metadata())) {
            for (Post post : session.select(Post.class).where(Condition.in("id", 1, 3)).orderBy("id").list()) {
                post.getAuthor().getName();
            }
        }

        assertThat(messages()).singleElement().asString().contains("Post.author", ".options(Load.selectin(\"author\"))");
    }

    @Test
    void strictModeFailsTheSecondLoadWithTheFixInTheMessage() {
        try (Session session = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.strictNPlusOne(true))) {
            List<Dept> depts = session.select(Dept.class).orderBy("deptno").list();
            assertThat(depts.get(0).employees).hasSize(3);

            assertThatThrownBy(() -> depts.get(1).employees.size())
                    .isInstanceOf(LazyLoadException.class)
                    .hasMessageContaining("N+1 detected: Dept.employees")
                    .hasMessageContaining(".options(Load.selectin(\"employees\"))");
        }
        assertThat(messages()).isEmpty();
    }

    @Test
    void theThresholdIsConfigurable() {
        try (Session session = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.nPlusOneThreshold(3))) {
            List<Dept> depts = session.select(Dept.class).orderBy("deptno").list();
            depts.get(0).employees.size();
            depts.get(1).employees.size();
            assertThat(messages()).isEmpty();

            depts.get(2).employees.size();
            depts.get(3).employees.size();
        }

        assertThat(messages()).singleElement().asString().contains("3 times");
    }

    @Test
    void batchedLazyLoadsAreNotAnNPlusOne() {
        try (Session session = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.batchLazyLoads(true).strictNPlusOne(true))) {
            for (Dept dept : session.select(Dept.class).orderBy("deptno").list()) {
                dept.employees.size();
            }
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    /** The line of the caller, to compare with the call site a warning names. */
    private static int here() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow().getLineNumber();
    }

    @Test
    void anImplicitManyToOneLoadReadAsAFieldInALoopIsAnNPlusOne() {
        List<Integer> lines = new ArrayList<>();
        try (Session session = db.database().openSession(db.metadata())) {
            for (Emp emp : session.select(Emp.class).orderBy("empno").list()) {
                lines.add(here()); emp.department.dname.length(); // one line: the field read is the call site
            }
            // The employees, then departments 20, 30 and 10 once each: a department the session holds costs nothing.
            assertThat(session.statistics().statements()).isEqualTo(4);
        }

        // The 2nd employee (7499, of department 30) ran the 2nd statement.
        assertThat(messages()).singleElement().asString()
                .contains("N+1 detected: Emp.department was lazy-loaded one Emp at a time, 2 times for the result of 'select Emp'"
                        + " (2 statements), at " + NPlusOneDetectorTest.class.getName()
                        + ".anImplicitManyToOneLoadReadAsAFieldInALoopIsAnNPlusOne(NPlusOneDetectorTest.java:" + lines.get(1) + ")")
                .contains(".options(Load.selectin(\"department\"))");
    }

    @Test
    void aReferenceTheSessionAlreadyHoldsRunsNoStatementAndIsNotCounted() {
        try (Session session = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.strictNPlusOne(true))) {
            List<Emp> emps = session.select(Emp.class).orderBy("empno").list();
            session.select(Dept.class).list();
            for (Emp emp : emps) {
                emp.department.dname.length();
            }
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
        assertThat(messages()).isEmpty();
    }

    @Test
    void everyStatementOfALazyLoadIsCountedNotJustTheLoad() {
        // Each department's employees come with their reports: two statements per lazy load. Counting loads, a
        // threshold of 3 would fire at the 3rd department; counting statements, it fires at the 2nd.
        try (Session session = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.nPlusOneThreshold(3))) {
            List<Dept> depts = session.select(Dept.class).options(Load.lazy("employees").thenSelectin("reports")).orderBy("deptno").list();
            depts.get(0).employees.size();
            assertThat(messages()).isEmpty();

            depts.get(1).employees.size();
            assertThat(session.statistics().statements()).isEqualTo(1 + 2 + 2);
        }

        assertThat(messages()).singleElement().asString()
                .contains("Dept.employees was lazy-loaded one Dept at a time, 2 times for the result of 'select Dept' (4 statements)");
    }

    @Test
    void batchedLazyLoadsOfReferencesAreNotAnNPlusOne() {
        try (Session session = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.batchLazyLoads(true).strictNPlusOne(true))) {
            for (Emp emp : session.select(Emp.class).orderBy("empno").list()) {
                emp.department.dname.length();
            }
            // The employees, then one statement for the departments of all of them.
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
        assertThat(messages()).isEmpty();
    }
}
