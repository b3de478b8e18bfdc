package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenon.Database;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.ConnectionOptions;
import dev.tenon.engine.Transaction;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.TimeoutException;
import dev.tenon.exception.TimeoutException.Which;
import dev.tenon.sql.BoundSql;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/** Every wait on the database is bounded by an option, and its expiry names the option and its value. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class TimeoutsTest {
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

    private ConnectionOptions options() {
        return ConnectionOptions.url(pool.getJdbcUrl()).user(pool.getUsername()).password(pool.getPassword());
    }

    /** A query that runs for many seconds: PostgreSQL sleeps, H2 counts a trillion pairs. */
    private BoundSql slowQuery(int seconds) {
        return BoundSql.of(backend == Backend.POSTGRES ? "SELECT pg_sleep(" + seconds + ")"
                : "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 1000000) a CROSS JOIN SYSTEM_RANGE(1, 1000000) b WHERE a.X + b.X = 0");
    }

    /** A server that accepts every connection and never sends a byte: a hung database, or a port that is not one. */
    static final class SilentServer implements AutoCloseable {
        final ServerSocket socket;
        final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(socket.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket client : accepted) {
                client.close();
            }
        }
    }

    @Test
    void connectingToAServerThatNeverAnswersFailsWhenTheConnectTimeoutExpires() throws IOException {
        try (SilentServer server = new SilentServer()) {
            String url = backend == Backend.POSTGRES ? "jdbc:postgresql://127.0.0.1:" + server.socket.getLocalPort() + "/silent"
                    : "jdbc:h2:tcp://127.0.0.1:" + server.socket.getLocalPort() + "/mem:silent";
            ConnectionOptions options = ConnectionOptions.url(url).connectTimeout(Duration.ofMillis(500));

            long start = System.nanoTime();
            TimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> catchThrowableOfType(TimeoutException.class, () -> Database.connect(options)));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(e.which()).isEqualTo(Which.CONNECT);
            assertThat(e.timeout()).isEqualTo(Duration.ofMillis(500));
            assertThat(e).hasMessageStartingWith("connectTimeout of 500 ms expired: no connection to " + url + " within 500 ms")
                    .hasMessageEndingWith("check that the server at that address is up and answering, or raise connectTimeout");
            assertThat(server.accepted).isNotEmpty();
            assertThat(millis).isBetween(450L, 3000L);
        }
    }

    @Test
    void waitingForAConnectionOfAFullPoolFailsWhenTheAcquireTimeoutExpiresShowingThePool() {
        try (Database small = Database.connect(options().maximumPoolSize(1).acquireTimeout(Duration.ofMillis(300)));
             Session holder = small.openSession(db.metadata());
             Session waiter = small.openSession(db.metadata())) {
            assertThat(holder.get(Dept.class, 10).dname).isEqualTo("ACCOUNTING");

            long start = System.nanoTime();
            TimeoutException e = catchThrowableOfType(TimeoutException.class, () -> waiter.get(Dept.class, 20));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(e.which()).isEqualTo(Which.ACQUIRE);
            assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
            assertThat(e).hasMessageStartingWith("acquireTimeout of 300 ms expired: no free connection in the pool "
                    + "(total=1, active=1, idle=0, waiting=0, maximumPoolSize=1); close sessions sooner");
            assertThat(millis).isBetween(250L, 3000L);

            holder.commit();
            assertThat(waiter.get(Dept.class, 20).dname).isEqualTo("RESEARCH");
        }
    }

    @Test
    void aStatementRunningPastTheStatementTimeoutIsCancelledAndTheConnectionStaysUsable() throws SQLException {
        try (Database limited = Database.connect(options().statementTimeout(Duration.ofSeconds(1)));
             Transaction transaction = limited.transaction()) {
            long start = System.nanoTime();
            TimeoutException e = catchThrowableOfType(TimeoutException.class,
                    () -> transaction.query(slowQuery(10), row -> { }));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(e.which()).isEqualTo(Which.STATEMENT);
            assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(e).hasMessageStartingWith("statementTimeout of 1 s expired: the database cancelled the statement while "
                    + "executing a query; make it faster, or raise statementTimeout [SQLState 57014]\nSQL: " + slowQuery(10).sql());
            assertThat(millis).isBetween(900L, 5000L);

            transaction.rollback();
            List<Object> answer = new java.util.ArrayList<>();
            transaction.query(BoundSql.of("SELECT dname FROM scott.dept WHERE deptno = 10"), row -> answer.add(row.getString(1)));
            assertThat(answer).containsExactly("ACCOUNTING");
        }
    }

    @Test
    void aServerSilentPastTheSocketTimeoutLosesTheConnectionWithTheTimeoutNamed() throws SQLException {
        assumeTrue(backend == Backend.POSTGRES, "the socket timeout is the PostgreSQL driver's; H2 in memory has no socket");
        // HikariCP warns that it drops the broken connection, which is expected here: keep it off the console.
        Logger hikari = (Logger) LoggerFactory.getLogger("com.zaxxer.hikari.pool.ProxyConnection");
        hikari.setLevel(Level.ERROR);
        try (Database limited = Database.connect(options().socketTimeout(Duration.ofSeconds(1)));
             Transaction transaction = limited.transaction()) {
            long start = System.nanoTime();
            TimeoutException e = catchThrowableOfType(TimeoutException.class,
                    () -> transaction.query(slowQuery(3), row -> { }));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(e.which()).isEqualTo(Which.SOCKET);
            assertThat(e).hasMessageStartingWith("socketTimeout of 1 s expired: the database sent nothing for that long while "
                    + "executing a query, and the connection is lost");
            assertThat(millis).isBetween(900L, 2900L);
            // The driver has closed the connection: plain JDBC lent it now finds it closed.
            assertThatThrownBy(() -> transaction.withConnection(connection -> connection.isValid(1)))
                    .isInstanceOf(SqlExecutionException.class).hasMessageContaining("closed");
        } finally {
            hikari.setLevel(null);
        }
    }
}
