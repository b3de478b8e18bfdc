package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenon.Database;
import dev.tenon.api.Status;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.Isolated;
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
 * Two sessions at SERIALIZABLE read one salary and both raise it: the second is refused with 40001. What it read is
 * stale, so committing its objects again would write a raise computed from the old salary over the first one (a
 * lost update): after a conflict the session detaches what it read, and a retry reads again.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class SerializationConflictTest {
    @Parameter
    Backend backend;

    TestDb db;
    Database serializable;

    @BeforeEach
    void open() {
        assumeTrue(backend == Backend.POSTGRES, "H2 has no serializable snapshot isolation to conflict in");
        db = backend.open(Dept.class, Emp.class);
        Scott.load(db);
        serializable = Database.of(Isolated.serializable(db.database().dataSource()));
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private BigDecimal salary() {
        return (BigDecimal) db.rows("SELECT sal FROM scott.emp WHERE empno = 7369").get(0).get(0);
    }

    private static void raise(Session session) {
        Emp smith = session.get(Emp.class, 7369);
        smith.sal = smith.sal.add(new BigDecimal("100.00"));
    }

    @Test
    void aConflictDetachesWhatTheTransactionReadSoThatCommittingAgainWritesNoStaleValue() {
        BigDecimal start = salary();
        try (Session first = serializable.openSession(db.metadata()); Session second = serializable.openSession(db.metadata())) {
            Emp smith = second.get(Emp.class, 7369);
            raise(first);
            first.commit();
            smith.sal = smith.sal.add(new BigDecimal("100.00"));

            SqlExecutionException e = catchThrowableOfType(SqlExecutionException.class, second::commit);

            assertThat(e.isConflict()).isTrue();
            assertThat(e.sqlState()).isEqualTo("40001");
            assertThat(second.status(smith)).isEqualTo(Status.DETACHED);
            second.commit();
            assertThat(salary()).isEqualByComparingTo(start.add(new BigDecimal("100.00")));
        }
    }

    @Test
    void aRetryThatReadsAgainCountsBothRaises() {
        BigDecimal start = salary();
        try (Session first = serializable.openSession(db.metadata()); Session second = serializable.openSession(db.metadata())) {
            second.get(Emp.class, 7369);
            raise(first);
            first.commit();
            raise(second);
            catchThrowableOfType(SqlExecutionException.class, second::commit);

            raise(second);
            second.commit();

            assertThat(salary()).isEqualByComparingTo(start.add(new BigDecimal("200.00")));
            assertThat(db.rows("SELECT COUNT(*) FROM scott.emp WHERE sal IS NULL")).containsExactly(List.of(0L));
        }
    }
}
