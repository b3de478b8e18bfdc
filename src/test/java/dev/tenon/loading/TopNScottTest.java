package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementKind;
import dev.tenon.loading.model.Seed;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Load;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Top-N per parent on SCOTT: the best paid employees of each department, ties broken by employee number, and a
 * collection that holds only the first members of each parent, which a flush must not take for the whole.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class TopNScottTest {
    @Parameter
    Backend backend;

    TestDb db;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(Dept.class, Emp.class));
        Seed.scott(db);
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Dept> departments(Session session, Load option) {
        return session.select(Dept.class).options(option).orderBy("deptno").list();
    }

    private static List<String> names(List<Dept> departments) {
        return departments.stream().map(dept -> dept.deptno + " " + dept.employees.stream().map(emp -> emp.ename).toList()).toList();
    }

    @Test
    void limitOneLoadsTheBestPaidEmployeeOfEachDepartment() {
        try (Session session = db.database().openSession(db.metadata())) {
            List<Dept> departments = departments(session, Load.selectin("employees").orderBy("sal desc").limit(1));

            assertThat(names(departments)).containsExactly("10 [KING]", "20 [SCOTT]", "30 [BLAKE]", "40 []");
            assertThat(session.statistics().statements()).isEqualTo(2);
            List<String> byHand = new ArrayList<>();
            for (List<Object> row : db.rows("SELECT deptno, ename FROM (SELECT deptno, ename, ROW_NUMBER() OVER (PARTITION BY deptno"
                    + " ORDER BY sal DESC, empno) AS place FROM scott.emp) ranked WHERE place = 1 ORDER BY deptno")) {
                byHand.add(row.get(0) + " [" + row.get(1) + "]");
            }
            assertThat(names(departments).subList(0, 3)).isEqualTo(byHand);
        }
    }

    @Test
    void tiesFallToTheLowerEmployeeNumberOnEveryRun() {
        try (Session session = db.database().openSession(db.metadata())) {
            // SCOTT (7788) and FORD (7902) both earn 3000; WARD (7521) and MARTIN (7654) both 1250.
            assertThat(names(departments(session, Load.selectin("employees").orderBy("sal desc").limit(2))))
                    .containsExactly("10 [KING, CLARK]", "20 [SCOTT, FORD]", "30 [BLAKE, ALLEN]", "40 []");
        }
        try (Session session = db.database().openSession(db.metadata())) {
            assertThat(names(departments(session, Load.selectin("employees").orderBy("sal").limit(2))))
                    .containsExactly("10 [MILLER, CLARK]", "20 [SMITH, ADAMS]", "30 [JAMES, WARD]", "40 []");
            assertThat(log.sql().get(log.sql().size() - 1)).contains("ORDER BY emp_1.sal, emp_1.empno)");
        }
    }

    @Test
    void aDepartmentWithFewerEmployeesThanTheLimitHoldsThemAll() {
        try (Session session = db.database().openSession(db.metadata())) {
            assertThat(names(departments(session, Load.selectin("employees").orderBy("sal desc").limit(5))))
                    .containsExactly("10 [KING, CLARK, MILLER]", "20 [SCOTT, FORD, JONES, ADAMS, SMITH]",
                            "30 [BLAKE, ALLEN, TURNER, WARD, MARTIN]", "40 []");
        }
    }

    @Test
    void thePartialCollectionIsLoadedAndNotLoadedAgain() {
        try (Session session = db.database().openSession(db.metadata())) {
            Dept research = departments(session, Load.selectin("employees").orderBy("sal desc").limit(2)).get(1);

            assertThat(research.employees).extracting(emp -> emp.ename).containsExactly("SCOTT", "FORD");
            assertThat(session.select(Dept.class).options(Load.selectin("employees")).list()).contains(research);
            assertThat(research.employees).hasSize(2); // loaded: neither a lazy load nor another query replaces it
            assertThat(session.statistics().statements()).isEqualTo(3);
        }
    }

    @Test
    void aDepartmentLoadedWholeBeforeKeepsAllItsEmployees() {
        try (Session session = db.database().openSession(db.metadata())) {
            Dept research = session.get(Dept.class, 20);
            assertThat(research.employees).hasSize(5);

            departments(session, Load.selectin("employees").orderBy("sal desc").limit(1));

            assertThat(research.employees).hasSize(5);
        }
    }

    @Test
    void aFlushAfterChangingOneLoadedEmployeeWritesThatEmployeeOnly() {
        try (Session session = db.database().openSession(db.metadata())) {
            Dept research = departments(session, Load.selectin("employees").orderBy("sal desc").limit(2)).get(1);
            log.clear();

            research.employees.get(1).sal = new BigDecimal("3100.00");
            session.commit();

            assertThat(log.entries()).extracting(StatementLog.Entry::kind).containsExactly(StatementKind.UPDATE);
            assertThat(log.sql().get(0)).contains("emp").doesNotContain("deptno =");
            assertThat(db.rows("SELECT ename FROM scott.emp WHERE deptno = 20 ORDER BY empno"))
                    .containsExactly(List.of("SMITH"), List.of("JONES"), List.of("SCOTT"), List.of("ADAMS"), List.of("FORD"));
        }
    }

    @Test
    void removingOneLoadedEmployeeDetachesItAloneAndLeavesTheUnloadedOnes() {
        try (Session session = db.database().openSession(db.metadata())) {
            Dept research = departments(session, Load.selectin("employees").orderBy("sal desc").limit(2)).get(1);
            log.clear();
            session.select(Dept.class).list(); // its autoflush finds nothing changed: the partial collection is as loaded
            assertThat(log.entries()).extracting(StatementLog.Entry::kind).containsExactly(StatementKind.SELECT);
            log.clear();

            research.employees.remove(1); // FORD
            session.commit();

            assertThat(log.entries()).extracting(StatementLog.Entry::kind).containsExactly(StatementKind.UPDATE);
            assertThat(db.rows("SELECT ename FROM scott.emp WHERE deptno = 20 ORDER BY empno"))
                    .containsExactly(List.of("SMITH"), List.of("JONES"), List.of("SCOTT"), List.of("ADAMS"));
            assertThat(db.rows("SELECT COUNT(*) FROM scott.emp WHERE deptno IS NULL")).containsExactly(List.of(1L));
        }
    }
}
