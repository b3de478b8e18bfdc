package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenon.Database;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.ConnectionOptions;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A database closes what Tenon opened and nothing else, and knows which database it talks to. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class DatabaseTest {
    @Parameter
    Backend backend;

    TestDb db;
    HikariDataSource pool;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Scott.load(db);
        pool = (HikariDataSource) db.database().dataSource();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static String dnameOf10(Database database, dev.tenon.metadata.Metadata metadata) {
        try (Session session = database.openSession(metadata)) {
            return session.get(Dept.class, 10).dname;
        }
    }

    @Test
    void theDialectIsDetectedFromTheConnection() {
        assertThat(db.database().dialect().name()).isEqualTo(backend == Backend.H2 ? "H2" : "PostgreSQL");
    }

    @Test
    void closingADatabaseOverTheApplicationsDataSourceLeavesItOpen() {
        Database own = Database.of(pool);
        assertThat(dnameOf10(own, db.metadata())).isEqualTo("ACCOUNTING");

        own.close();

        assertThat(pool.isClosed()).isFalse();
        assertThat(db.rows("SELECT dname FROM scott.dept WHERE deptno = 10")).containsExactly(List.of("ACCOUNTING"));
    }

    @Test
    void closingAConnectedDatabaseClosesItsPool() {
        Database connected = Database.connect(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        assertThat(dnameOf10(connected, db.metadata())).isEqualTo("ACCOUNTING");

        connected.close();

        assertThat(((HikariDataSource) connected.dataSource()).isClosed()).isTrue();
        assertThat(pool.isClosed()).isFalse();
    }

    @Test
    void connectTakesOptionsForThePool() {
        ConnectionOptions options = ConnectionOptions.url(pool.getJdbcUrl()).user(pool.getUsername()).password(pool.getPassword())
                .maximumPoolSize(2);
        try (Database connected = Database.connect(options)) {
            assertThat(((HikariDataSource) connected.dataSource()).getMaximumPoolSize()).isEqualTo(2);
            assertThat(dnameOf10(connected, db.metadata())).isEqualTo("ACCOUNTING");
        }
    }

    @Test
    void aSessionOnAClosedDatabaseFailsWithTenonsException() {
        Database connected = Database.connect(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        connected.close();

        try (Session session = connected.openSession(db.metadata())) {
            assertThatThrownBy(() -> session.get(Dept.class, 10))
                    .isInstanceOf(dev.tenon.exception.TenonException.class)
                    .hasMessageStartingWith("Cannot get a connection");
        }
    }
}
