package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.demo.ScottData;
import dev.tenon.engine.StatementKind;
import dev.tenon.exception.TenonException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inserts go parent first and deletes child first, whatever order the objects were added or deleted in, for
 * parent/child tables and for rows of one self-referencing table.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class FlushOrderTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        session = db.database().openSession(db.metadata());
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private static Emp emp(String name) {
        Emp emp = new Emp();
        emp.ename = name;
        return emp;
    }

    @Test
    void aChildAddedBeforeItsParentByKeyColumnIsInsertedAfterIt() {
        Emp clerk = new Emp(1, "CLERK", "CLERK", null, "2024-01-01", "1000.00", null, 50);
        session.add(clerk);
        session.add(new Dept(50, "LEGAL", "AUSTIN"));

        session.commit();

        assertThat(log.sql()).hasSize(2);
        // "contains": on H2 an INSERT that reads values back (emp.created) is a SELECT ... FROM FINAL TABLE (INSERT ...).
        assertThat(log.sql().get(0)).contains("INSERT INTO scott.dept ");
        assertThat(log.sql().get(1)).contains("INSERT INTO scott.emp ");
        assertThat(db.rows("SELECT deptno FROM scott.emp")).containsExactly(List.of(50));
    }

    @Test
    void rowsOfOneFlushThatReferenceEachOtherInACycleAreRefusedBeforeAnyStatement() {
        session.add(new Dept(50, "LEGAL", "AUSTIN"));
        session.add(new Emp(1, "FIRST", "CLERK", 2, "2024-01-01", "1000.00", null, 50));
        session.add(new Emp(2, "SECOND", "CLERK", 1, "2024-01-01", "1000.00", null, 50));

        assertThatThrownBy(() -> session.flush())
                .isInstanceOf(TenonException.class)
                .hasMessageContaining("Rows of Emp reference each other in a cycle");
        assertThat(log.sql()).noneMatch(sql -> sql.contains("INSERT INTO scott.emp"));
    }

    @Test
    void aChildAddedBeforeItsParentByRelationshipGetsTheParentsGeneratedKey() {
        Dept dept = new Dept();
        dept.dname = "LEGAL";
        Emp clerk = emp("CLERK");
        clerk.department = dept;
        session.add(clerk);

        session.commit();

        assertThat(dept.deptno).isNotNull();
        assertThat(clerk.deptno).isEqualTo(dept.deptno);
        assertThat(log.sql()).hasSize(2);
        assertThat(log.sql().get(0)).contains("INSERT INTO scott.dept ");
        assertThat(db.rows("SELECT e.ename FROM scott.emp e JOIN scott.dept d ON d.deptno = e.deptno WHERE d.dname = 'LEGAL'"))
                .containsExactly(List.of("CLERK"));
    }

    @Test
    void employeesAddedReportsFirstAreInsertedManagersFirstLevelByLevel() {
        session.addAll(ScottData.departments());
        List<Emp> employees = new ArrayList<>(ScottData.employees());
        Collections.reverse(employees);
        session.addAll(employees);

        session.commit();

        // KING; his 3 managers; their 8 reports; SMITH and ADAMS, who report to analysts: 4 levels, 4 batches.
        assertThat(session.statistics().statements(StatementKind.INSERT)).isEqualTo(5);
        assertThat(db.rows("SELECT COUNT(*) FROM scott.emp")).containsExactly(List.of(14L));
    }

    @Test
    void aSelfReferentialChainAddedBottomUpByRelationshipGetsEveryGeneratedKey() {
        Emp boss = emp("BOSS");
        Emp middle = emp("MIDDLE");
        Emp worker = emp("WORKER");
        worker.manager = middle;
        middle.manager = boss;
        session.add(worker);

        session.commit();

        assertThat(List.of(boss, middle, worker)).allSatisfy(e -> assertThat(e.empno).isNotNull());
        assertThat(worker.mgr).isEqualTo(middle.empno);
        assertThat(middle.mgr).isEqualTo(boss.empno);
        assertThat(boss.mgr).isNull();
        assertThat(session.statistics().statements(StatementKind.INSERT)).isEqualTo(3);
        assertThat(db.rows("SELECT e.ename, m.ename FROM scott.emp e JOIN scott.emp m ON m.empno = e.mgr ORDER BY e.ename"))
                .containsExactly(List.of("MIDDLE", "BOSS"), List.of("WORKER", "MIDDLE"));
    }

    @Test
    void parentsAndChildrenDeletedParentsFirstAreDeletedChildrenFirst() {
        Scott.load(db);
        List<Dept> depts = session.select(Dept.class).list();
        List<Emp> employees = session.select(Emp.class).list();
        log.clear();

        depts.forEach(session::delete);
        employees.forEach(session::delete);
        session.commit();

        // One query finds the employees of the departments and one the reports of the employees (neither relationship
        // cascades the delete, so their children would keep a NULL key); then employees level by level, then departments.
        assertThat(log.entries()).extracting(StatementLog.Entry::kind).containsExactly(StatementKind.SELECT, StatementKind.SELECT,
                StatementKind.DELETE, StatementKind.DELETE, StatementKind.DELETE, StatementKind.DELETE, StatementKind.DELETE);
        assertThat(log.sql().get(log.sql().size() - 1)).isEqualTo("DELETE FROM scott.dept WHERE deptno = ?");
        assertThat(db.rows("SELECT COUNT(*) FROM scott.emp")).containsExactly(List.of(0L));
        assertThat(db.rows("SELECT COUNT(*) FROM scott.dept")).containsExactly(List.of(0L));
    }

    @Test
    void employeesDeletedManagersFirstAreDeletedReportsFirstLevelByLevel() {
        Scott.load(db);
        List<Emp> employees = session.select(Emp.class).orderBy("empno").list();
        List<Emp> managersFirst = new ArrayList<>(employees);
        managersFirst.sort((a, b) -> Boolean.compare(b.mgr == null, a.mgr == null));
        log.clear();

        managersFirst.forEach(session::delete);
        session.commit();

        // One query for the reports of the deleted employees, then 4 levels of deletes: SMITH and ADAMS first, KING last.
        assertThat(log.entries()).extracting(StatementLog.Entry::kind).containsExactly(StatementKind.SELECT,
                StatementKind.DELETE, StatementKind.DELETE, StatementKind.DELETE, StatementKind.DELETE);
        assertThat(log.sql().subList(1, 5)).containsOnly("DELETE FROM scott.emp WHERE empno = ?");
        assertThat(session.statistics().rowsWritten()).isEqualTo(14);
        assertThat(db.rows("SELECT COUNT(*) FROM scott.emp")).containsExactly(List.of(0L));
    }
}
