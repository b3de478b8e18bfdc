package dev.tenon.testing;

import dev.tenon.Database;
import dev.tenon.engine.ConnectionOptions;
import dev.tenon.metadata.Metadata;
import dev.tenon.metadata.TableModel;
import dev.tenon.sql.PostgresDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases every SQL-facing test runs on. A test class takes one as its parameter and opens a fresh
 * {@link TestDb} per test:
 *
 * <pre>{@code
 * @ParameterizedClass(name = "{0}")
 * @MethodSource("dev.tenon.testing.Backend#all")
 * class SomeTest {
 *     @Parameter Backend backend;
 *     TestDb db;
 *     @BeforeEach void open() { db = backend.open(Dept.class, Emp.class); }
 *     @AfterEach void close() { db.close(); }
 * }
 * }</pre>
 *
 * H2 gets a new in-memory database per {@code TestDb}. PostgreSQL is reached at {@code TENON_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code TENON_PG_USER} (default {@code postgres})
 * with {@code TENON_PG_PASSWORD} (default empty); when it cannot be reached its cases are skipped, or fail
 * when the environment variable {@code CI} is {@code true}. The skip happens before {@code @BeforeEach}
 * (see {@link BackendCondition}), so the {@code @AfterEach} above never sees a null {@code db}.
 */
public enum Backend {
    /** H2 2.x in memory, in its own mode: unquoted names fold to upper case. */
    H2 {
        @Override
        TestDb connect(Metadata metadata) throws SQLException {
            return connectH2(metadata, "");
        }

        @Override
        public Optional<String> unavailable() {
            return Optional.empty();
        }
    },

    /** The PostgreSQL server named by the environment; see {@link PostgresServer}. */
    POSTGRES {
        @Override
        TestDb connect(Metadata metadata) throws SQLException {
            PostgresServer.require();
            try (Connection connection = PostgresServer.connect()) {
                dropLeftovers(connection, metadata);
            }
            Database database = Database.connect(ConnectionOptions.url(PostgresServer.url()).user(PostgresServer.user())
                    .password(PostgresServer.password()).maximumPoolSize(POOL_SIZE));
            return new TestDb(this, database, metadata, () -> {
                try (Connection connection = PostgresServer.connect()) {
                    dropLeftovers(connection, metadata);
                }
            });
        }

        @Override
        public Optional<String> unavailable() {
            return PostgresServer.unreachable();
        }
    };

    private static final int POOL_SIZE = 4;
    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    /**
     * The URL, user and password of a database of this backend, for a program of its own to connect to (a child JVM):
     * an H2 database in that program's memory, or the PostgreSQL server, required as for every test.
     */
    public List<String> connectionArguments() {
        if (this == H2) {
            return List.of("jdbc:h2:mem:child;DB_CLOSE_DELAY=-1", "", "");
        }
        PostgresServer.require();
        String password = PostgresServer.password();
        return List.of(PostgresServer.url(), PostgresServer.user(), password == null ? "" : password);
    }

    /** Every backend: the {@code @MethodSource} of the parameterized test classes. */
    public static List<Backend> all() {
        return List.of(values());
    }

    /** A fresh database with every table of {@code classes} created; statistics start at zero. */
    public TestDb open(Class<?>... classes) {
        return open(Metadata.of(classes));
    }

    /** A fresh database with every table of {@code metadata} created; statistics start at zero. */
    public TestDb open(Metadata metadata) {
        TestDb db = openEmpty(metadata);
        try {
            db.database().createAll(metadata);
            // Tests count the statements they cause, not the set-up's DDL.
            db.database().statistics().reset();
            return db;
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    /** A fresh, connected database in which nothing of {@code classes} exists yet, for DDL tests. */
    public TestDb openEmpty(Class<?>... classes) {
        return openEmpty(Metadata.of(classes));
    }

    /**
     * A fresh, connected database in which nothing of {@code metadata} exists yet, for DDL tests. Closing it
     * drops whatever of {@code metadata} the test created.
     */
    public TestDb openEmpty(Metadata metadata) {
        try {
            return connect(metadata);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare a " + this + " test database: " + e.getMessage(), e);
        }
    }

    /**
     * A fresh H2 database opened with URL settings of its own ({@code ";DATABASE_TO_LOWER=TRUE"}, say), in which
     * nothing of {@code metadata} exists yet: for the tests of one H2 mode, which the other backends do not have.
     */
    public static TestDb openEmptyH2(Metadata metadata, String settings) {
        try {
            return connectH2(metadata, settings);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare an H2 test database" + settings + ": " + e.getMessage(), e);
        }
    }

    private static TestDb connectH2(Metadata metadata, String settings) throws SQLException {
        String url = "jdbc:h2:mem:tenon" + H2_DATABASES.incrementAndGet() + settings;
        // An in-memory database lives while a connection to it is open. This one keeps it alive whatever the
        // pool does with its own connections, and SHUTDOWN through it drops the database at close.
        Connection keeper = DriverManager.getConnection(url);
        Database database;
        try {
            database = Database.connect(ConnectionOptions.url(url).maximumPoolSize(POOL_SIZE));
        } catch (RuntimeException e) {
            keeper.close();
            throw e;
        }
        return new TestDb(H2, database, metadata, () -> {
            try (keeper; Statement statement = keeper.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        });
    }

    /** Why this backend cannot be used here (a message saying how to enable it), or empty when it can. */
    public abstract Optional<String> unavailable();

    /** Connects, with no table of {@code metadata} left over from an earlier run. */
    abstract TestDb connect(Metadata metadata) throws SQLException;

    /**
     * Drops the schemas of {@code metadata} and its tables in the default schema, if they exist: what a test
     * created, or what a crashed run left behind. CASCADE also takes tables a test made by hand in those schemas.
     */
    private static void dropLeftovers(Connection connection, Metadata metadata) throws SQLException {
        PostgresDialect dialect = new PostgresDialect();
        String defaultSchema = connection.getSchema();
        try (Statement statement = connection.createStatement()) {
            // A transaction left open by a leaking test would make DROP wait for ever; fail instead.
            statement.execute("SET lock_timeout = '10s'");
            for (String schema : metadata.tables().stream().map(TableModel::schema).distinct().toList()) {
                if (schema != null && !schema.equals(defaultSchema)) {
                    statement.execute("DROP SCHEMA IF EXISTS " + dialect.quote(schema) + " CASCADE");
                }
            }
            for (TableModel table : metadata.tables()) {
                if (table.schema() == null) {
                    statement.execute("DROP TABLE IF EXISTS " + dialect.quote(table.name()) + " CASCADE");
                } else if (table.schema().equals(defaultSchema)) {
                    statement.execute("DROP TABLE IF EXISTS " + dialect.quote(table.schema()) + "." + dialect.quote(table.name()) + " CASCADE");
                }
            }
        }
    }
}
