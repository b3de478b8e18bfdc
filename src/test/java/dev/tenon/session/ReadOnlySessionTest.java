package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.Database;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A session that only reads ends without a COMMIT or a ROLLBACK: under READ COMMITTED its reads run in auto-commit,
 * and the transaction begins with the first write. Under a stricter isolation it begins with the first statement.
 * Counted on the connections themselves, where Tenon's statistics cannot see a commit.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ReadOnlySessionTest {
    @Parameter
    Backend backend;

    TestDb db;
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    /** The auto-commit of each connection as it went back to the pool. */
    final List<Boolean> autoCommitAtClose = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Scott.load(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The pool's connections, counting commit() and rollback(); at {@code isolation} when not -1. */
    private DataSource counting(int isolation) {
        return counting(isolation, null);
    }

    /** {@link #counting(int)}, with connections handed out at {@code autoCommit} when not null. */
    private DataSource counting(int isolation, Boolean autoCommit) {
        DataSource pool = db.database().dataSource();
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
            Object result = invoke(pool, method, args);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            if (isolation != -1) {
                connection.setTransactionIsolation(isolation);
            }
            if (autoCommit != null) {
                connection.setAutoCommit(autoCommit);
            }
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (c, m, a) -> {
                if (m.getName().equals("commit") || m.getName().equals("rollback")) {
                    calls.computeIfAbsent(m.getName(), k -> new AtomicInteger()).incrementAndGet();
                }
                if (m.getName().equals("close")) {
                    autoCommitAtClose.add(connection.getAutoCommit());
                }
                return invoke(connection, m, a);
            });
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private int count(String call) {
        return calls.getOrDefault(call, new AtomicInteger()).get();
    }

    @Test
    void aSessionThatOnlyReadsSendsNeitherCommitNorRollback() {
        try (Database counted = Database.of(counting(-1))) {
            calls.clear();
            try (Session session = counted.openSession(db.metadata())) {
                assertThat(session.get(Emp.class, 7839).ename).isEqualTo("KING");
                assertThat(session.select(Dept.class).list()).hasSize(4);
                session.commit();
                assertThat(session.statistics().statements()).isEqualTo(2);
            }
            try (Session session = counted.openSession(db.metadata())) {
                session.get(Emp.class, 7369);
            }
            assertThat(calls).isEmpty();
        }
    }

    @Test
    void theTransactionBeginsWithTheFirstWriteAndTheWriteIsCommittedOrRolledBack() {
        try (Database counted = Database.of(counting(-1))) {
            calls.clear();
            try (Session session = counted.openSession(db.metadata())) {
                Emp smith = session.get(Emp.class, 7369);
                smith.ename = "SMYTH";
                session.commit();
                smith.ename = "SMITHY";
                session.flush();
            }
            assertThat(count("commit")).isEqualTo(1);
            assertThat(count("rollback")).isEqualTo(1);
            assertThat(db.rows("SELECT ename FROM scott.emp WHERE empno = 7369")).containsExactly(List.of("SMYTH"));
        }
    }

    @Test
    void aConnectionGoesBackWithTheAutoCommitItCameWith() {
        // A pool other than HikariCP may not reset what its user changed: Tenon puts it back itself.
        try (Database counted = Database.of(counting(-1, false))) {
            autoCommitAtClose.clear();
            try (Session session = counted.openSession(db.metadata())) {
                session.get(Emp.class, 7839);                       // read in auto-commit
            }
            try (Session session = counted.openSession(db.metadata())) {
                session.get(Emp.class, 7369).ename = "SMYTH";        // then a transaction
                session.commit();
            }
            assertThat(autoCommitAtClose).containsExactly(false, false);
        }
    }

    @Test
    void underSerializableTheReadsAreInTheTransaction() {
        try (Database serializable = Database.of(counting(Connection.TRANSACTION_SERIALIZABLE))) {
            calls.clear();
            try (Session session = serializable.openSession(db.metadata())) {
                session.get(Emp.class, 7839);
                boolean inTransaction = session.withConnection(connection -> !connection.getAutoCommit());
                assertThat(inTransaction).isTrue();
            }
            assertThat(count("rollback")).isEqualTo(1);
        }
    }

    @Test
    void plainJdbcRunsInTheSessionsTransactionAfterItsPendingChanges() {
        try (Session session = db.database().openSession(db.metadata())) {
            session.get(Emp.class, 7369).ename = "SMYTH";
            String seen = session.withConnection(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("SELECT ename FROM scott.emp WHERE empno = 7369")) {
                    row.next();
                    return row.getString(1);
                }
            });
            assertThat(seen).as("flushed first").isEqualTo("SMYTH");
            session.rollback();
        }
        assertThat(db.rows("SELECT ename FROM scott.emp WHERE empno = 7369")).containsExactly(List.of("SMITH"));
    }

    @Test
    void aFailureOfPlainJdbcLosesTheTransactionLikeAFailedStatement() {
        try (Session session = db.database().openSession(db.metadata())) {
            assertThatThrownBy(() -> session.withConnection(connection -> connection.createStatement().executeQuery("SELECT nothing FROM nowhere")))
                    .isInstanceOf(SqlExecutionException.class).hasMessageContaining("a JDBC call of the work");
            assertThatThrownBy(() -> session.get(Emp.class, 7369)).isInstanceOf(dev.tenon.exception.TransactionRolledBackException.class);
            session.rollback();
            assertThat(session.get(Emp.class, 7369).ename).isEqualTo("SMITH");
        }
    }
}
