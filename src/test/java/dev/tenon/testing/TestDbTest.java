package dev.tenon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The fixture keeps its promises: fresh tables, plain-JDBC reads that are not counted, nothing left behind. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class TestDbTest {
    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void openCreatesEveryTableOfTheMetadata() {
        assertThat(db.schema().tableNames()).containsExactlyInAnyOrder("scott.dept", "scott.emp");
        assertThat(db.backend()).isEqualTo(backend);
        assertThat(db.dialect().name()).isEqualTo(backend == Backend.H2 ? "H2" : "PostgreSQL");
    }

    @Test
    void statisticsStartAtZeroAfterTheTablesAreCreated() {
        assertThat(db.statements()).isZero();
    }

    @Test
    void plainJdbcWritesAndReadsAreNotCountedAsTenonStatements() {
        db.execute("INSERT INTO scott.dept (deptno, dname, loc) VALUES (10, 'ACCOUNTING', 'NEW YORK')");

        List<List<Object>> rows = db.rows("SELECT deptno, dname, loc FROM scott.dept WHERE deptno = ?", 10);

        assertThat(rows).containsExactly(List.of(10, "ACCOUNTING", "NEW YORK"));
        assertThat(db.statements()).isZero();
    }

    @Test
    void rowsKeepNulls() {
        db.execute("INSERT INTO scott.dept (deptno, dname) VALUES (20, 'RESEARCH')");

        assertThat(db.rows("SELECT loc FROM scott.dept")).containsExactly(java.util.Arrays.asList((Object) null));
    }

    @Test
    void aFailingStatementReportsTheSql() {
        assertThatThrownBy(() -> db.execute("INSERT INTO scott.nowhere VALUES (1)"))
                .hasMessageContaining(backend.toString()).hasMessageContaining("INSERT INTO scott.nowhere");
    }

    @Test
    void openEmptyCreatesNothing() {
        try (TestDb empty = backend.openEmpty(Dept.class, Emp.class)) {
            // On PostgreSQL the second database is the same server: opening it removed the first one's tables too.
            assertThat(empty.schema().tableNames()).isEmpty();
            assertThat(empty.statements()).isZero();
        }
    }

    @Test
    void openingAgainStartsFromEmptyTablesEvenIfAnEarlierTestDidNotClose() {
        db.execute("INSERT INTO scott.dept (deptno, dname, loc) VALUES (10, 'ACCOUNTING', 'NEW YORK')");

        try (TestDb next = backend.open(Dept.class, Emp.class)) {
            assertThat(next.rows("SELECT count(*) FROM scott.dept").get(0).get(0)).isEqualTo(0L);
        }
    }

    @Test
    void closeDropsEverythingTheTestCreated() throws SQLException {
        String url;
        try (Connection connection = db.database().dataSource().getConnection()) {
            url = connection.getMetaData().getURL();
        }

        db.close();

        if (backend == Backend.H2) {
            assertThatThrownBy(() -> DriverManager.getConnection(url + ";IFEXISTS=TRUE").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("not found");
        } else {
            try (Connection connection = PostgresServer.connect()) {
                assertThat(SchemaSnapshot.read(connection, db.metadata().tables()).tableNames()).isEmpty();
                assertThat(SchemaSnapshot.read(connection, db.metadata().tables()).hasSchema("scott")).isFalse();
            }
        }
    }
}
