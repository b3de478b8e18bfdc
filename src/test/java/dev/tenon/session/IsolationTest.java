package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.Database;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.ConnectionOptions;
import dev.tenon.engine.ConnectionOptions.Isolation;
import dev.tenon.metadata.Metadata;
import dev.tenon.testing.Backend;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ConnectionOptions.isolation}: every transaction of the pool at the isolation asked for. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class IsolationTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Parameter
    Backend backend;

    private ConnectionOptions options() {
        if (backend == Backend.H2) {
            return ConnectionOptions.url("jdbc:h2:mem:isolation" + DATABASES.incrementAndGet()).maximumPoolSize(2);
        }
        List<String> server = backend.connectionArguments();
        return ConnectionOptions.url(server.get(0)).user(server.get(1)).password(server.get(2)).maximumPoolSize(2);
    }

    @Test
    void everyConnectionOfThePoolRunsItsTransactionsAtTheIsolationAskedFor() {
        for (Isolation isolation : Isolation.values()) {
            try (Database db = Database.connect(options().isolation(isolation));
                 Session session = db.openSession(Metadata.of(Dept.class, Emp.class))) {
                int level = session.withConnection(Connection::getTransactionIsolation);
                assertThat(level).as(isolation.name()).isEqualTo(switch (isolation) {
                    case READ_COMMITTED -> Connection.TRANSACTION_READ_COMMITTED;
                    case REPEATABLE_READ -> Connection.TRANSACTION_REPEATABLE_READ;
                    case SERIALIZABLE -> Connection.TRANSACTION_SERIALIZABLE;
                });
            }
        }
    }

    @Test
    void theOptionsShowTheIsolationWhenOneIsSet() {
        assertThat(ConnectionOptions.url("jdbc:h2:mem:x").toString()).doesNotContain("isolation");
        assertThat(ConnectionOptions.url("jdbc:h2:mem:x").isolation(Isolation.SERIALIZABLE).toString()).endsWith(", isolation=SERIALIZABLE]");
    }
}
