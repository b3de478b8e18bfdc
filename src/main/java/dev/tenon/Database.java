package dev.tenon;

import dev.tenon.ddl.Ddl;
import dev.tenon.engine.ConnectionOptions;
import dev.tenon.engine.Engine;
import dev.tenon.engine.Replicas;
import dev.tenon.engine.StatementBudget;
import dev.tenon.engine.StatementListener;
import dev.tenon.engine.Statistics;
import dev.tenon.engine.Transaction;
import dev.tenon.engine.WalPosition;
import dev.tenon.metadata.Metadata;
import dev.tenon.session.Retry;
import dev.tenon.session.Session;
import dev.tenon.session.SessionAction;
import dev.tenon.session.SessionFactory;
import dev.tenon.session.SessionOptions;
import dev.tenon.session.SessionWork;
import dev.tenon.sql.Dialect;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where an application starts, the front door: one database, made of its {@link Engine} (the connection pool or the
 * application's own data source, the dialect detected from it, the statistics and listeners of every statement) and
 * its {@link SessionFactory} (the default session options, which session holds which object, the statements compiled
 * once for every session). Thread-safe; build one per database and share it.
 *
 * <pre>{@code
 * try (Database db = Database.connect("jdbc:h2:mem:demo")) {
 *     db.createAll(metadata);
 *     try (Session session = db.openSession(metadata)) { ... }
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    private final Engine engine;
    private final SessionFactory sessions;

    private Database(Engine engine) {
        this.engine = engine;
        this.sessions = new SessionFactory(engine);
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
     * within {@code connectTimeout} or throws a {@link dev.tenon.exception.TimeoutException} naming it.
     */
    public static Database connect(ConnectionOptions options) {
        return new Database(Engine.connect(options));
    }

    /**
     * A PostgreSQL primary and its read replicas (hot standbys), each a HikariCP pool built from {@code options} with
     * its own URL; read-only sessions ({@link #openReadOnlySession}) read on a replica, everything else goes to the
     * primary. See {@link Replicas} for the routing and read-your-writes; refused over any other database.
     *
     * <pre>{@code
     * Database.connect(ConnectionOptions.url("jdbc:postgresql://primary/shop").user("app"),
     *         Replicas.of("jdbc:postgresql://standby/shop"));
     * }</pre>
     */
    public static Database connect(ConnectionOptions options, Replicas replicas) {
        return new Database(Engine.connect(options, replicas));
    }

    /** Uses the application's own data source; {@link #close()} leaves it open. */
    public static Database of(DataSource dataSource) {
        return new Database(Engine.of(dataSource));
    }

    /** Opens a session over {@code metadata}; close it to return its connection. */
    public Session openSession(Metadata metadata) {
        return sessions.openSession(metadata);
    }

    /** Opens a session with options of its own. */
    public Session openSession(Metadata metadata, SessionOptions options) {
        return sessions.openSession(metadata, options);
    }

    /**
     * A unit of work that retries: opens a session, runs {@code work}, commits, closes the session; when the
     * database refuses for a conflict with a concurrent transaction (a serialization failure, a deadlock) or the
     * connection is lost before the commit, runs the whole work again in a new session, after a jittered wait, as the
     * database's {@link #retry() retry policy} says. Never after a commit whose outcome is unknown. When it gives up,
     * the last failure is thrown, the earlier ones suppressed in it.
     *
     * <pre>{@code
     * db.transact(metadata, session -> {
     *     Account account = session.get(Account.class, 42);
     *     account.balance = account.balance.add(amount);
     * });
     * }</pre>
     *
     * The work may run more than once: what it does outside the database belongs after this returns.
     */
    public void transact(Metadata metadata, SessionAction work) {
        transact(metadata, sessions.retry(), work);
    }

    /** {@link #transact(Metadata, SessionAction)} with a retry policy of its own ({@link Retry#NONE}: one attempt). */
    public void transact(Metadata metadata, Retry retry, SessionAction work) {
        sessions.transact(metadata, retry, session -> {
            work.run(session);
            return null;
        });
    }

    /** {@link #transact(Metadata, SessionAction)} for work that returns a value: what its last attempt returned. */
    public <T> T transactResult(Metadata metadata, SessionWork<T> work) {
        return sessions.transact(metadata, sessions.retry(), work);
    }

    /** {@link #transactResult(Metadata, SessionWork)} with a retry policy of its own. */
    public <T> T transactResult(Metadata metadata, Retry retry, SessionWork<T> work) {
        return sessions.transact(metadata, retry, work);
    }

    /**
     * A retrying unit of work that only reads, in read-only sessions ({@link #openReadOnlySession(Metadata)}): on a
     * replica when the database has replicas, where the standby may cancel a query that holds up its replay (a
     * recovery conflict, SQLState {@code 40001}); such a conflict is run again as {@link #transact} runs any other.
     *
     * <pre>{@code
     * List<Emp> clerks = db.transactReadOnly(metadata, session -> session.select(Emp.class).where(eq("job", "CLERK")).list());
     * }</pre>
     */
    public <T> T transactReadOnly(Metadata metadata, SessionWork<T> work) {
        return sessions.transactReadOnly(metadata, sessions.retry(), work);
    }

    /** {@link #transactReadOnly(Metadata, SessionWork)} with a retry policy of its own. */
    public <T> T transactReadOnly(Metadata metadata, Retry retry, SessionWork<T> work) {
        return sessions.transactReadOnly(metadata, retry, work);
    }

    /** The retry policy of {@link #transact} when it names none: {@link Retry#DEFAULT} until set. */
    public Retry retry() {
        return sessions.retry();
    }

    /** Sets the retry policy of {@link #transact} when it names none. */
    public Database retry(Retry value) {
        sessions.retry(value);
        return this;
    }

    /**
     * Opens a session that reads and never writes (adding, deleting or flushing a change is refused before any SQL
     * with a {@link dev.tenon.exception.ReadOnlyException}). With replicas it reads on the next one in turn, once that
     * replica has replayed this database's last commit; else, or when the replica is too far behind, on the primary.
     */
    public Session openReadOnlySession(Metadata metadata) {
        return sessions.openReadOnlySession(metadata, sessions.options(), null);
    }

    /**
     * {@link #openReadOnlySession(Metadata)} that must also see the commit at {@code position}: one made through
     * another {@code Database} or process, handed over as {@link Session#lastCommitPosition()} gave it.
     */
    public Session openReadOnlySession(Metadata metadata, WalPosition position) {
        return sessions.openReadOnlySession(metadata, sessions.options(), position);
    }

    /** The options new sessions get by default. */
    public SessionOptions sessionOptions() {
        return sessions.options();
    }

    /** Sets the options new sessions get by default (strict N+1 detection for a test suite, say). */
    public Database sessionOptions(SessionOptions options) {
        sessions.options(options);
        return this;
    }

    /** {@code Ddl.of(metadata).createAll(engine())}: creates what does not exist yet; returns the DDL that ran. */
    public List<String> createAll(Metadata metadata) {
        return Ddl.of(metadata).createAll(engine);
    }

    /** {@code Ddl.of(metadata).dropAll(engine())}: drops the mapped tables that exist; returns the DDL that ran. */
    public List<String> dropAll(Metadata metadata) {
        return Ddl.of(metadata).dropAll(engine);
    }

    /** The engine: connections, dialect, the executor of every statement. */
    public Engine engine() {
        return engine;
    }

    /** The sessions' shared state. */
    public SessionFactory sessions() {
        return sessions;
    }

    /** The database's dialect. */
    public Dialect dialect() {
        return engine.dialect();
    }

    /** Database-wide statistics: every statement of every session. */
    public Statistics statistics() {
        return engine.statistics();
    }

    /**
     * Asserts that the database runs exactly {@code count} statements, whichever sessions and threads run them, until
     * the budget is closed; see {@link Session#expectStatements(int)}, which counts one session's.
     */
    public StatementBudget expectStatements(int count) {
        return StatementBudget.open(engine, count, true);
    }

    /** Like {@link #expectStatements(int)}, but any number up to {@code count} passes. */
    public StatementBudget expectAtMost(int count) {
        return StatementBudget.open(engine, count, false);
    }

    /** Registers a listener told of every statement this database runs. */
    public void addListener(StatementListener listener) {
        engine.addListener(listener);
    }

    /** Removes a listener. */
    public void removeListener(StatementListener listener) {
        engine.removeListener(listener);
    }

    /** See {@link Engine#showValuesInErrors(boolean)}: whether exception messages may show row values. */
    public Database showValuesInErrors(boolean value) {
        engine.showValuesInErrors(value);
        return this;
    }

    /** Whether exception messages may show row values. */
    public boolean showsValuesInErrors() {
        return engine.showsValuesInErrors();
    }

    /** The data source connections come from. */
    public DataSource dataSource() {
        return engine.dataSource();
    }

    /** The replicas' data sources, empty without replicas; see {@link Engine#replicaDataSources()}. */
    public List<DataSource> replicaDataSources() {
        return engine.replicaDataSources();
    }

    /** The furthest commit position the sessions of this database have seen; see {@link Engine#lastCommitPosition()}. */
    public Optional<WalPosition> lastCommitPosition() {
        return engine.lastCommitPosition();
    }

    /** A transaction handle, for work outside a session (see {@link Engine#transaction()}). */
    public Transaction transaction() {
        return engine.transaction();
    }

    /** Runs plain JDBC in one transaction (see {@link Engine#inTransaction}). */
    public <T> T inTransaction(Engine.TransactionWork<T> work) {
        return engine.inTransaction(work);
    }

    /** See {@link SessionFactory#cachedStatements()}. */
    public int cachedStatements() {
        return sessions.cachedStatements();
    }

    /** Closes the pool Tenon built; a caller's own data source is left open. */
    @Override
    public void close() {
        engine.close();
    }
}
