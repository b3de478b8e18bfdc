package dev.tenon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenon.demo.Dept;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code Engine.inTransaction}, which the DDL runs in: all or nothing, and a failure without row values. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class InTransactionTest {
    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, dev.tenon.demo.Emp.class);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFailedWorkIsRolledBackAndReportedWithoutItsValues() {
        SqlExecutionException e = catchThrowableOfType(SqlExecutionException.class, () -> db.database().inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scott.dept (deptno, dname, loc) VALUES (?, ?, ?)")) {
                insert.setInt(1, 77);
                insert.setString(2, "SECRET-NAME-01");
                insert.setString(3, "AUSTIN");
                insert.executeUpdate();
                insert.executeUpdate();     // the same key again
            }
            return null;
        }));

        assertThat(e.isConstraintViolation()).as(e.getMessage()).isTrue();
        assertThat(e.getMessage()).doesNotContain("SECRET-NAME-01").doesNotContain("77");
        assertThat(db.rows("SELECT COUNT(*) FROM scott.dept")).containsExactly(List.of(0L));
    }

    @Test
    void aWorkThatReturnsIsCommitted() {
        Integer written = db.database().inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scott.dept (deptno, dname, loc) VALUES (50, 'LEGAL', 'AUSTIN')")) {
                return insert.executeUpdate();
            }
        });

        assertThat(written).isEqualTo(1);
        assertThat(db.rows("SELECT dname FROM scott.dept")).containsExactly(List.of("LEGAL"));
    }
}
