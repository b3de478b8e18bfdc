package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.Database;
import dev.tenon.exception.TenonException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Tenon speaks H2 and PostgreSQL, and says so clearly when given anything else. */
class DatabaseDetectionTest {
    /** A data source whose connections say they are {@code product}; records whether the connection was closed. */
    private static DataSource claiming(String product, AtomicBoolean closed) {
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(DatabaseDetectionTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getDatabaseProductName" -> product;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Connection connection = (Connection) Proxy.newProxyInstance(DatabaseDetectionTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMetaData" -> metaData;
                    case "close" -> {
                        closed.set(true);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (DataSource) Proxy.newProxyInstance(DatabaseDetectionTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> connection;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void anUnsupportedDatabaseIsRefusedByName() {
        AtomicBoolean closed = new AtomicBoolean();

        assertThatThrownBy(() -> Database.of(claiming("MySQL", closed)))
                .isInstanceOf(TenonException.class)
                .hasMessage("Unsupported database 'MySQL': Tenon speaks H2 and PostgreSQL");
        assertThat(closed).isTrue();
    }

    @Test
    void aDataSourceThatCannotConnectIsReportedWithTheDriversMessage() {
        DataSource unreachable = (DataSource) Proxy.newProxyInstance(DatabaseDetectionTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new SQLException("connection refused", "08001");
                });

        assertThatThrownBy(() -> Database.of(unreachable))
                .isInstanceOf(TenonException.class)
                .hasMessage("Cannot connect to detect the database: connection refused");
    }

    @Test
    void aUrlThatIsNotJdbcIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> Database.connect("postgresql://localhost/test"))
                .isInstanceOf(TenonException.class)
                .hasMessageContaining("Not a JDBC URL: 'postgresql://localhost/test'");
    }

    @Test
    void theProductNameMatchesWhateverItsCase() {
        AtomicBoolean closed = new AtomicBoolean();

        assertThat(Database.of(claiming("h2", closed)).dialect().name()).isEqualTo("H2");
        assertThat(Database.of(claiming("PostgreSQL", closed)).dialect().name()).isEqualTo("PostgreSQL");
    }
}
