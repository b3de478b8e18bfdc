package dev.tenon.session;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenon.ddl.Ddl;
import dev.tenon.engine.ConnectionOptions;
import dev.tenon.engine.Engine;
import dev.tenon.identity.Ownership;
import dev.tenon.loading.StatementCache;
import dev.tenon.metadata.Metadata;
import java.util.List;
import javax.sql.DataSource;

/**
 * Where an application starts: a connection pool (or the application's own data source), the dialect
 * detected from it, and sessions opened over it. Thread-safe; build one per database and share it.
 *
 * <pre>{@code
 * try (Database db = Database.connect("jdbc:h2:mem:demo")) {
 *     db.createAll(metadata);
 *     try (Session session = db.openSession(metadata)) { ... }
 * }
 * }</pre>
 */
public final class Database extends Engine {
    private volatile SessionOptions sessionOptions = SessionOptions.DEFAULTS;
    private final Ownership ownership = new Ownership();
    private final StatementCache statements = new StatementCache();

    private Database(DataSource dataSource, AutoCloseable owned) {
        super(dataSource, owned);
    }

    private Database(HikariDataSource pool, ConnectionOptions options) {
        super(pool, options);
    }

    /** A HikariCP pool for {@code jdbcUrl}. */
    public static Database connect(String jdbcUrl) {
        return connect(ConnectionOptions.url(jdbcUrl));
    }

    /** A HikariCP pool for {@code jdbcUrl} with credentials. */
    public static Database connect(String jdbcUrl, String user, String password) {
        return connect(ConnectionOptions.url(jdbcUrl).user(user).password(password));
    }

    /**
     * A HikariCP pool built from {@code options}, with their timeouts (see {@link ConnectionOptions}): returns
     * within {@code connectTimeout} or throws a {@link dev.tenon.TimeoutException} naming it.
     */
    public static Database connect(ConnectionOptions options) {
        return new Database(pool(options), options);
    }

    /** Uses the application's own data source; {@link #close()} leaves it open. */
    public static Database of(DataSource dataSource) {
        return new Database(dataSource, null);
    }

    /** Opens a session over {@code metadata}; close it to return its connection. */
    public Session openSession(Metadata metadata) {
        return openSession(metadata, sessionOptions);
    }

    /** Opens a session with options of its own. */
    public Session openSession(Metadata metadata, SessionOptions options) {
        return new Session(new SessionContext(metadata, options, ownership, statements, transaction()));
    }

    /** The options new sessions get by default. */
    public SessionOptions sessionOptions() {
        return sessionOptions;
    }

    /** Sets the options new sessions get by default (strict N+1 detection for a test suite, say). */
    public Database sessionOptions(SessionOptions options) {
        this.sessionOptions = options;
        return this;
    }

    @Override
    public Database showValuesInErrors(boolean value) {
        super.showValuesInErrors(value);
        return this;
    }

    /**
     * How many compiled statements and load plans the sessions of this database share: one per query shape the
     * application has run (values left out), per entity looked up by key, and per secondary statement of a strategy.
     */
    public int cachedStatements() {
        return statements.size();
    }

    /** {@code Ddl.of(metadata).createAll(this)}: creates what does not exist yet; returns the DDL that ran. */
    public List<String> createAll(Metadata metadata) {
        return Ddl.of(metadata).createAll(this);
    }

    /** {@code Ddl.of(metadata).dropAll(this)}: drops the mapped tables that exist; returns the DDL that ran. */
    public List<String> dropAll(Metadata metadata) {
        return Ddl.of(metadata).dropAll(this);
    }
}
