package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementKind;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Rows of the same table and shape travel as one JDBC batch: one statement, however many rows. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class BatchingTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private static List<Dept> departments(int count) {
        List<Dept> depts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Dept dept = new Dept();
            dept.dname = "D" + i;
            dept.loc = i % 2 == 0 ? "EVEN" : null;
            depts.add(dept);
        }
        return depts;
    }

    @Test
    void aThousandInsertsAreOneBatchOfTheDefaultFlushBatchSizeWithEveryGeneratedKeyReadBack() {
        List<Dept> depts = departments(1000);
        session.addAll(depts);

        session.commit();

        // One prepared statement, executed as a JDBC batch per 1000 rows (SessionOptions.flushBatchSize).
        assertThat(session.statistics().statements()).isEqualTo(1);
        assertThat(session.statistics().statements(StatementKind.INSERT)).isEqualTo(1);
        assertThat(session.statistics().rowsWritten()).isEqualTo(1000);
        assertThat(depts).extracting(d -> d.deptno).doesNotContainNull().doesNotHaveDuplicates();
        // Keys come back in the order the rows were sent: each object gets its own row's key.
        List<List<Object>> rows = db.rows("SELECT deptno, dname FROM scott.dept");
        assertThat(rows).hasSize(1000);
        for (List<Object> row : rows) {
            Dept dept = depts.get(Integer.parseInt(((String) row.get(1)).substring(1)));
            assertThat(dept.deptno).isEqualTo(row.get(0));
        }
    }

    @Test
    void aFlushWritesItsRowsInBatchesOfTheSessionsFlushBatchSize() {
        try (Session small = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.flushBatchSize(300))) {
            small.addAll(departments(1000));
            small.commit();

            assertThat(small.statistics().statements(StatementKind.INSERT)).isEqualTo(4);
            assertThat(small.statistics().rowsWritten()).isEqualTo(1000);
        }
        assertThat(db.rows("SELECT COUNT(*) FROM scott.dept")).containsExactly(List.of(1000L));
    }

    @Test
    void manyUpdatesOfOneColumnAreOneStatement() {
        List<Dept> depts = departments(300);
        session.addAll(depts);
        session.commit();
        depts.forEach(d -> d.loc = "MOVED");

        session.commit();

        assertThat(session.statistics().statements(StatementKind.UPDATE)).isEqualTo(1);
        assertThat(session.statistics().statements()).isEqualTo(2);
        assertThat(db.rows("SELECT COUNT(*) FROM scott.dept WHERE loc = 'MOVED'")).containsExactly(List.of(300L));
    }

    @Test
    void manyDeletesAreOneStatement() {
        List<Dept> depts = departments(300);
        session.addAll(depts);
        session.commit();
        depts.forEach(session::delete);

        session.commit();

        assertThat(session.statistics().statements(StatementKind.DELETE)).isEqualTo(1);
        // The departments were new in this session, so it knows they have no employees to look for.
        assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of(StatementKind.INSERT, 1L, StatementKind.DELETE, 1L));
        assertThat(session.statistics().rowsWritten()).isEqualTo(600);
        assertThat(db.rows("SELECT COUNT(*) FROM scott.dept")).containsExactly(List.of(0L));
    }

    @Test
    void rowsWithAndWithoutAnExplicitKeyAreTwoShapes() {
        List<Dept> depts = departments(10);
        depts.get(3).deptno = 9000;
        depts.get(7).deptno = 9001;
        session.addAll(depts);

        session.commit();

        assertThat(session.statistics().statements(StatementKind.INSERT)).isEqualTo(2);
        assertThat(depts).extracting(d -> d.deptno).allMatch(Objects::nonNull).contains(9000, 9001);
        assertThat(db.rows("SELECT COUNT(*) FROM scott.dept")).containsExactly(List.of(10L));
    }
}
