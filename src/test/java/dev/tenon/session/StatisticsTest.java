package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementKind;
import dev.tenon.engine.Statistics;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Statistics count every statement that ran (a batch is one), by kind, with the rows read and written. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class StatisticsTest {
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
    void aSessionCountsEachKindAndTheRowsOfWhatItRan() {
        List<Emp> clerks = session.select(Emp.class).where(dev.tenon.query.Condition.eq("job", "CLERK")).list();
        clerks.forEach(e -> e.job = "ASSISTANT");
        session.add(new Dept(50, "LEGAL", "AUSTIN"));
        session.add(new Dept(60, "PR", "MIAMI"));
        session.delete(session.get(Dept.class, 40));
        session.commit();

        Statistics stats = session.statistics();
        // The SELECT of the clerks, get(40) (its autoflush writes the clerks and the new departments first), then
        // the commit's flush: a SELECT for the employees of department 40, and its DELETE.
        assertThat(stats.byKind()).containsExactlyInAnyOrderEntriesOf(Map.of(
                StatementKind.SELECT, 3L, StatementKind.INSERT, 1L, StatementKind.UPDATE, 1L, StatementKind.DELETE, 1L));
        assertThat(stats.statements()).isEqualTo(6).isEqualTo(log.entries().size());
        assertThat(stats.rowsRead()).isEqualTo(4 + 1);
        assertThat(stats.rowsWritten()).isEqualTo(4 + 2 + 1);
    }

    @Test
    void theDatabaseCountsTheStatementsOfEverySession() {
        session.get(Dept.class, 10);
        try (Session other = db.database().openSession(db.metadata())) {
            other.get(Dept.class, 20);
            other.get(Dept.class, 30);

            assertThat(other.statistics().statements()).isEqualTo(2);
        }

        assertThat(session.statistics().statements()).isEqualTo(1);
        assertThat(db.database().statistics().statements()).isEqualTo(3);
        assertThat(db.database().statistics().rowsRead()).isEqualTo(3);
    }

    @Test
    void workDoneInMemoryCountsNothing() {
        session.get(Dept.class, 10);
        session.get(Dept.class, 10);
        Dept legal = new Dept(50, "LEGAL", "AUSTIN");
        session.add(legal);
        session.delete(legal);
        session.flush();

        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aStatementTheDatabaseRefusedIsNotCounted() {
        session.add(new Dept(10, "DUPLICATE", "NOWHERE"));

        org.assertj.core.api.Assertions.catchThrowableOfType(SqlExecutionException.class, session::flush);

        assertThat(session.statistics().statements()).isZero();
        assertThat(log.entries()).isEmpty();
    }

    @Test
    void resetStartsTheCountsAgain() {
        session.get(Dept.class, 10);

        session.statistics().reset();

        assertThat(session.statistics().statements()).isZero();
        assertThat(session.statistics().rowsRead()).isZero();
        assertThat(db.database().statistics().statements()).isEqualTo(1);
    }
}
