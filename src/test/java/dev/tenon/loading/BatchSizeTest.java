package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementKind;
import dev.tenon.exception.TenonException;
import dev.tenon.loading.model.Seed;
import dev.tenon.query.Load;
import dev.tenon.session.Session;
import dev.tenon.session.SessionOptions;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two batch sizes of a session, rows per flush statement and parents per selectin statement, each bounding only
 * its own statements; and a loader option's batch size, which overrides the session's for its path. SCOTT: 4
 * departments (40 without employees), 14 employees in departments 10, 20 and 30.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class BatchSizeTest {
    @Parameter
    Backend backend;

    TestDb db;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Seed.scott(db);
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Session session(SessionOptions options) {
        return db.database().openSession(db.metadata(), options);
    }

    private static List<Integer> sizes(List<Dept> depts) {
        return depts.stream().map(dept -> dept.employees.size()).toList();
    }

    @Test
    void theDefaultsAreAThousandRowsPerFlushStatementAndFiveHundredParentsPerSelectinStatement() {
        assertThat(SessionOptions.DEFAULTS.flushBatchSize()).isEqualTo(1000);
        assertThat(SessionOptions.DEFAULTS.selectinBatchSize()).isEqualTo(500);
    }

    @Test
    void fourDepartmentsInSelectinBatchesOfTwoTakeTwoStatementsAfterTheirOwn() {
        try (Session session = session(SessionOptions.DEFAULTS.selectinBatchSize(2))) {
            List<Dept> depts = session.select(Dept.class).options(Load.selectin("employees")).orderBy("deptno").list();

            assertThat(sizes(depts)).containsExactly(3, 5, 6, 0);
            assertThat(session.statistics().statements()).isEqualTo(1 + 2);
        }
    }

    @Test
    void fourteenEmployeesDepartmentsInBatchesOfTwoTakeTwoStatementsForTheirThreeDepartments() {
        try (Session session = session(SessionOptions.DEFAULTS.selectinBatchSize(2))) {
            List<Emp> emps = session.select(Emp.class).options(Load.selectin("department")).orderBy("empno").list();

            assertThat(emps).extracting(emp -> emp.department.deptno).containsOnly(10, 20, 30).hasSize(14);
            assertThat(session.statistics().statements()).isEqualTo(1 + 2); // departments 10, 20 | 30
        }
    }

    @Test
    void theOptionsBatchSizeOverridesTheSessionsSmallerOrLarger() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            List<Dept> depts = session.select(Dept.class).options(Load.selectin("employees").batchSize(1)).orderBy("deptno").list();

            assertThat(sizes(depts)).containsExactly(3, 5, 6, 0);
            assertThat(session.statistics().statements()).isEqualTo(1 + 4);
        }
        try (Session session = session(SessionOptions.DEFAULTS.selectinBatchSize(1))) {
            List<Dept> depts = session.select(Dept.class).options(Load.selectin("employees").batchSize(3)).orderBy("deptno").list();

            assertThat(sizes(depts)).containsExactly(3, 5, 6, 0);
            assertThat(session.statistics().statements()).isEqualTo(1 + 2); // 3 departments, then 1
        }
        try (Session session = session(SessionOptions.DEFAULTS.selectinBatchSize(2))) {
            List<Emp> emps = session.select(Emp.class).options(Load.selectin("department").batchSize(1)).list();

            assertThat(emps).extracting(emp -> emp.department.deptno).containsOnly(10, 20, 30);
            assertThat(session.statistics().statements()).isEqualTo(1 + 3);
        }
    }

    @Test
    void eachStepOfAPathHasItsOwnBatchSize() {
        try (Session session = session(SessionOptions.DEFAULTS.selectinBatchSize(1))) {
            List<Dept> depts = session.select(Dept.class)
                    .options(Load.selectin("employees").batchSize(4).thenSelectin("reports").batchSize(5)).orderBy("deptno").list();

            assertThat(sizes(depts)).containsExactly(3, 5, 6, 0);
            Emp king = depts.get(0).employees.stream().filter(emp -> emp.ename.equals("KING")).findFirst().orElseThrow();
            assertThat(king.reports).extracting(emp -> emp.ename).containsExactly("JONES", "BLAKE", "CLARK");
            // The departments; their 14 employees at once; the employees' reports in batches of 5, 5 and 4.
            assertThat(session.statistics().statements()).isEqualTo(1 + 1 + 3);
        }
    }

    @Test
    void anOptionReachingBelowAStepKeepsTheBatchSizeAnotherOptionGaveIt() {
        try (Session session = session(SessionOptions.DEFAULTS)) {
            List<Dept> depts = session.select(Dept.class)
                    .options(Load.selectin("employees").batchSize(1), Load.selectin("employees").thenJoined("manager"))
                    .orderBy("deptno").list();

            assertThat(sizes(depts)).containsExactly(3, 5, 6, 0);
            assertThat(session.statistics().statements()).isEqualTo(1 + 4);
            assertThat(log.sql().subList(1, 5)).allSatisfy(sql -> assertThat(sql).contains("LEFT OUTER JOIN"));
        }
    }

    @Test
    void batchedLazyLoadsTakeTheSessionsSelectinBatchSize() {
        try (Session session = session(SessionOptions.DEFAULTS.batchLazyLoads(true).selectinBatchSize(2))) {
            List<Dept> depts = session.select(Dept.class).orderBy("deptno").list();

            assertThat(sizes(depts)).containsExactly(3, 5, 6, 0);
            assertThat(session.statistics().statements()).isEqualTo(1 + 2);
        }
    }

    private static List<Emp> hires(int count) {
        List<Emp> hires = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hires.add(new Emp(9000 + i, "HIRE" + i, "CLERK", null, "2024-01-0" + (i + 1), "1000.00", null, 40));
        }
        return hires;
    }

    @Test
    void theFlushBatchSizeBoundsOnlyTheFlush() {
        try (Session session = session(SessionOptions.DEFAULTS.flushBatchSize(3))) {
            List<Emp> hires = hires(7);
            session.addAll(hires);
            session.flush();

            assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(Map.of(StatementKind.INSERT, 3L)); // 3, 3 and 1 rows
            hires.forEach(emp -> emp.sal = new BigDecimal("1234.56"));
            session.flush();
            assertThat(session.statistics().statements(StatementKind.UPDATE)).isEqualTo(3);

            long before = session.statistics().statements();
            List<Dept> depts = session.select(Dept.class).options(Load.selectin("employees")).orderBy("deptno").list();

            assertThat(sizes(depts)).containsExactly(3, 5, 6, 7);
            assertThat(session.statistics().statements() - before).isEqualTo(1 + 1);
            session.commit();
        }
        assertThat(db.rows("SELECT COUNT(*) FROM scott.emp WHERE sal = 1234.56")).containsExactly(List.of(7L));
    }

    @Test
    void theSelectinBatchSizeBoundsOnlyTheLoads() {
        try (Session session = session(SessionOptions.DEFAULTS.selectinBatchSize(2))) {
            List<Emp> hires = hires(7);
            session.addAll(hires);
            session.flush();

            assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(Map.of(StatementKind.INSERT, 1L));
            hires.forEach(emp -> emp.sal = new BigDecimal("1234.56"));
            session.flush();
            assertThat(session.statistics().statements(StatementKind.UPDATE)).isEqualTo(1);

            long before = session.statistics().statements();
            List<Dept> depts = session.select(Dept.class).options(Load.selectin("employees")).orderBy("deptno").list();

            assertThat(sizes(depts)).containsExactly(3, 5, 6, 7);
            assertThat(session.statistics().statements() - before).isEqualTo(1 + 2);
            session.commit();
        }
        assertThat(db.rows("SELECT COUNT(*) FROM scott.emp WHERE deptno = 40")).containsExactly(List.of(7L));
    }

    @Test
    void aBatchSizeBelowOneIsRefusedForTheSessionAndTheOption() {
        assertThatThrownBy(() -> SessionOptions.DEFAULTS.flushBatchSize(0))
                .isInstanceOf(TenonException.class).hasMessage("flushBatchSize must be at least 1, was 0");
        assertThatThrownBy(() -> SessionOptions.DEFAULTS.selectinBatchSize(-5))
                .isInstanceOf(TenonException.class).hasMessage("selectinBatchSize must be at least 1, was -5");
        assertThatThrownBy(() -> Load.selectin("employees").batchSize(0))
                .isInstanceOf(TenonException.class).hasMessageStartingWith("Load.selectin(\"employees\").batchSize(0): ")
                .hasMessageContaining("at least 1");
    }

    @Test
    void aStepThatIsNotSelectinRefusesABatchSize() {
        assertThatThrownBy(() -> Load.joined("department").batchSize(10))
                .isInstanceOf(TenonException.class)
                .hasMessage("Load.joined(\"department\").batchSize(10): only a selectin load runs one statement per batch of parents, "
                        + "and the strategy of \"department\" is joined; load it by selectin(\"department\") to set its batch size");
        assertThatThrownBy(() -> Load.selectin("employees").thenSubquery("reports").batchSize(2))
                .isInstanceOf(TenonException.class).hasMessageContaining("the strategy of \"reports\" is subquery");
        assertThatThrownBy(() -> Load.lazy("employees").batchSize(2))
                .isInstanceOf(TenonException.class).hasMessageContaining("the strategy of \"employees\" is lazy");
    }
}
