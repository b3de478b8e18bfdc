package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.api.Status;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.TransactionRolledBackException;
import dev.tenon.metadata.Metadata;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transaction is lost as soon as one of its statements fails. PostgreSQL then refuses every statement and turns
 * COMMIT into a rollback without an error; H2 would carry on. Tenon behaves the same on both: it refuses to commit
 * over the failure, says so, and puts the objects back as after a failed flush.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class LostTransactionTest {
    /** Mapped, but its table is never created: every query of it fails in the database. */
    @Table(name = "ghost", schema = "scott")
    static class Ghost {
        @Id @Column Integer id;
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Scott.load(db);
        session = db.database().openSession(Metadata.of(Dept.class, Emp.class, Ghost.class));
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private long depts() {
        return ((Number) db.rows("SELECT COUNT(*) FROM scott.dept").get(0).get(0)).longValue();
    }

    private SqlExecutionException failAStatement() {
        return catchThrowableOfType(SqlExecutionException.class, () -> session.select(Ghost.class).list());
    }

    @Test
    void aCommitAfterAFailedStatementThrowsAndWritesNothing() {
        Dept legal = new Dept(50, "LEGAL", "AUSTIN");
        session.add(legal);
        session.flush();
        SqlExecutionException failure = failAStatement();

        TransactionRolledBackException e = catchThrowableOfType(TransactionRolledBackException.class, session::commit);

        assertThat(e.failure()).isSameAs(failure);
        assertThat(e.isConflict()).isFalse();
        assertThat(e).hasMessageContaining("rolled back").hasMessageContaining("failed earlier");
        assertThat(depts()).isEqualTo(4);
        assertThat(session.status(legal)).isEqualTo(Status.PENDING);
    }

    @Test
    void theObjectsOfTheLostTransactionAreWrittenByTheNextCommit() {
        Dept legal = new Dept(50, "LEGAL", "AUSTIN");
        session.add(legal);
        session.flush();
        failAStatement();
        catchThrowableOfType(TransactionRolledBackException.class, session::commit);
        long before = session.statistics().statements();

        session.commit();

        assertThat(session.statistics().statements() - before).isEqualTo(1);
        assertThat(depts()).isEqualTo(5);
        assertThat(session.status(legal)).isEqualTo(Status.PERSISTENT);
    }

    @Test
    void everyStatementIsRefusedUntilTheLostTransactionIsEnded() {
        session.get(Dept.class, 10).loc = "BOSTON";
        session.flush();
        failAStatement();
        long before = session.statistics().statements();

        assertThat(catchThrowableOfType(TransactionRolledBackException.class, () -> session.get(Dept.class, 20))).isNotNull();
        assertThat(catchThrowableOfType(TransactionRolledBackException.class, session::flush)).isNotNull();
        assertThat(session.statistics().statements()).isEqualTo(before);

        session.rollback();

        assertThat(session.get(Dept.class, 20).dname).isEqualTo("RESEARCH");
        assertThat(db.rows("SELECT loc FROM scott.dept WHERE deptno = 10")).containsExactly(List.of("NEW YORK"));
    }

    @Test
    void aFailedStatementIsCountedAsAFailure() {
        failAStatement();

        assertThat(session.statistics().failures()).isEqualTo(1);
        assertThat(db.database().statistics().failures()).isEqualTo(1);
    }
}
