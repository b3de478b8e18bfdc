package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementKind;
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

/** A flush compares each object with its snapshot: it updates the changed columns only, and nothing else. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class DirtyCheckingTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Scott.load(db);
        session = db.database().openSession(db.metadata());
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void anUpdateSetsOnlyTheChangedColumn() {
        Emp blake = session.get(Emp.class, 7698);
        blake.sal = new BigDecimal("3000.00");
        log.clear();

        session.commit();

        assertThat(log.sql()).containsExactly("UPDATE scott.emp SET sal = ? WHERE empno = ?");
        assertThat(db.rows("SELECT sal FROM scott.emp WHERE empno = 7698")).containsExactly(List.of(new BigDecimal("3000.00")));
    }

    @Test
    void anUpdateSetsEveryChangedColumnAndNoOther() {
        Emp blake = session.get(Emp.class, 7698);
        blake.job = "DIRECTOR";
        blake.comm = new BigDecimal("100.00");
        log.clear();

        session.flush();

        assertThat(log.sql()).containsExactly("UPDATE scott.emp SET job = ?, comm = ? WHERE empno = ?");
    }

    @Test
    void anUnchangedObjectWritesNothing() {
        session.select(Emp.class).list();
        long before = session.statistics().statements();

        session.flush();
        session.commit();

        assertThat(session.statistics().statements()).isEqualTo(before);
        assertThat(session.statistics().rowsWritten()).isZero();
    }

    @Test
    void aValueEqualToTheLoadedOneWritesNothing() {
        Emp blake = session.get(Emp.class, 7698);
        blake.sal = new BigDecimal("2850.0");
        blake.ename = new String("BLAKE");

        session.flush();

        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aColumnChangedAndChangedBackWritesNothing() {
        Emp blake = session.get(Emp.class, 7698);
        blake.job = "DIRECTOR";
        blake.job = "MANAGER";

        session.flush();

        assertThat(session.statistics().statements(StatementKind.UPDATE)).isZero();
    }

    @Test
    void aSecondFlushWritesOnlyWhatChangedSinceTheFirst() {
        Emp blake = session.get(Emp.class, 7698);
        blake.job = "DIRECTOR";
        session.flush();
        blake.sal = new BigDecimal("4000.00");
        log.clear();

        session.flush();
        session.flush();

        assertThat(log.sql()).containsExactly("UPDATE scott.emp SET sal = ? WHERE empno = ?");
    }

    @Test
    void rowsChangedTheSameWayAreUpdatedInOneBatch() {
        List<Emp> all = session.select(Emp.class).list();
        all.forEach(emp -> emp.sal = emp.sal.add(BigDecimal.TEN));
        log.clear();

        session.commit();

        assertThat(log.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.sql()).isEqualTo("UPDATE scott.emp SET sal = ? WHERE empno = ?");
            assertThat(entry.rows()).isEqualTo(14);
        });
        assertThat(db.rows("SELECT SUM(sal) FROM scott.emp")).containsExactly(List.of(new BigDecimal("29165.00")));
    }

    @Test
    void rowsChangedInDifferentColumnsGetOneStatementPerShape() {
        session.select(Emp.class).list();
        // get() runs no SQL for loaded objects, so no autoflush writes a change before the flush under test.
        session.get(Emp.class, 7698).sal = new BigDecimal("1.00");
        session.get(Emp.class, 7782).sal = new BigDecimal("2.00");
        session.get(Emp.class, 7566).job = "CLERK";
        log.clear();

        session.flush();

        assertThat(log.sql()).containsExactlyInAnyOrder("UPDATE scott.emp SET sal = ? WHERE empno = ?", "UPDATE scott.emp SET job = ? WHERE empno = ?");
        assertThat(session.statistics().rowsWritten()).isEqualTo(3);
    }
}
