package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.api.Status;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.LazyLoadException;
import dev.tenon.loading.model.Course;
import dev.tenon.loading.model.Lesson;
import dev.tenon.loading.model.Seed;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Condition;
import dev.tenon.query.Load;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A read-only query returns plain objects the session does not track: identity resolved within the one result,
 * relationships loaded by the same strategies, and nothing ever flushed from them.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ReadOnlyQueryTest {
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

    private Session session() {
        return db.database().openSession(db.metadata());
    }

    @Test
    void aChangeToAReadOnlyObjectIsNeverWritten() {
        try (Session session = session()) {
            Emp smith = session.select(Emp.class).where(Condition.eq("ename", "SMITH")).readOnly().one();
            smith.sal = new BigDecimal("9999.00");
            session.commit();

            assertThat(session.contains(smith)).isFalse();
            assertThat(session.statistics().statements()).as("the query; no UPDATE").isEqualTo(1);
        }
        try (Session session = session()) {
            assertThat(session.get(Emp.class, 7369).sal).isEqualByComparingTo("800.00");
        }
    }

    @Test
    void rowsOfTheSameObjectGiveOneObjectWithinTheResultButNotTheSessionsObject() {
        try (Session session = session()) {
            Dept tracked = session.get(Dept.class, 30);
            List<Emp> emps = session.select(Emp.class).options(Load.joined("department")).where(Condition.eq("deptno", 30))
                    .readOnly().list();

            assertThat(emps).hasSize(6);
            assertThat(emps).extracting(emp -> emp.department).allSatisfy(dept -> assertThat(dept).isSameAs(emps.get(0).department));
            assertThat(emps.get(0).department).isNotSameAs(tracked);
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void eagerStrategiesLoadAReadOnlyGraphWithTheirUsualStatementCounts() {
        try (Session session = session()) {
            List<Dept> depts = session.select(Dept.class).options(Load.selectin("employees").thenJoined("manager"))
                    .orderBy("deptno").readOnly().list();

            assertThat(depts).extracting(dept -> dept.employees.size()).containsExactly(3, 5, 6, 0);
            Emp blake = depts.get(2).employees.stream().filter(emp -> emp.ename.equals("BLAKE")).findFirst().orElseThrow();
            assertThat(depts.get(2).employees).allSatisfy(emp -> assertThat(emp.manager == null || emp.manager == blake
                    || emp.manager.ename.equals("KING")).isTrue());
            assertThat(depts.get(2).employees).filteredOn(emp -> emp.ename.equals("ALLEN")).singleElement()
                    .satisfies(allen -> assertThat(allen.manager).isSameAs(blake));
            assertThat(session.statistics().statements()).isEqualTo(2);
            assertThat(depts).noneMatch(session::contains);
        }
    }

    @Test
    void aLazyRelationshipOfAReadOnlyObjectLoadsWhileTheSessionIsOpenAndSharesItsResult() {
        Emp smith;
        try (Session session = session()) {
            List<Emp> emps = session.select(Emp.class).where(Condition.in("ename", "SMITH", "ADAMS")).orderBy("ename").readOnly().list();
            smith = emps.get(1);

            assertThat(smith.department.dname).isEqualTo("RESEARCH");
            assertThat(emps.get(0).department).as("ADAMS works there too: the same object, from the result's own map")
                    .isSameAs(smith.department);
            assertThat(session.statistics().statements()).isEqualTo(2);
            assertThat(session.contains(smith.department)).isFalse();
        }
        assertThatThrownBy(() -> smith.department.employees.size()).isInstanceOf(LazyLoadException.class);
    }

    @Test
    void aReadOnlyObjectIsDetachedToTheSessionAndAddingItWritesItsChange() {
        try (Session session = session()) {
            Emp smith = session.select(Emp.class).where(Condition.eq("empno", 7369)).readOnly().one();
            assertThat(session.status(smith)).isEqualTo(Status.DETACHED);

            session.add(smith);
            smith.sal = new BigDecimal("850.00");
            session.commit();

            assertThat(session.status(smith)).isEqualTo(Status.PERSISTENT);
        }
        try (Session session = session()) {
            assertThat(session.get(Emp.class, 7369).sal).isEqualByComparingTo("850.00");
        }
    }

    @Test
    void aReadOnlyStreamLeavesTheSessionEmpty() {
        try (Session session = session();
             var emps = session.select(Emp.class).options(Load.selectin("reports")).orderBy("empno").readOnly().stream()) {
            assertThat(emps.mapToInt(emp -> emp.reports.size()).sum()).isEqualTo(13);
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }
}
