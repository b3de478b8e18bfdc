package dev.tenon.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenon.exception.TenonException;
import dev.tenon.sql.Dialect;
import dev.tenon.sql.PostgresDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The core half of a database: a {@link DataSource}, the {@link Dialect} detected from it, the executor every
 * statement runs through, and database-wide {@link Statistics}. Work with the database goes through a
 * {@link #transaction()} handle, the only holder of a connection. Thread-safe. Applications reach it through the
 * front door, {@code dev.tenon.Database}, which composes it with the sessions; the DDL needs only this.
 */
public final class Engine implements AutoCloseable {
    private final DataSource dataSource;
    private final AutoCloseable owned;
    private final Dialect dialect;
    private final Statistics statistics = new Statistics();
    private final Executor executor;
    private final boolean readsOutsideTransactions;
    /** The read replicas, or null without. */
    private final ReplicaRouter replicas;

    /**
     * An engine over {@code dataSource}; {@code owned} is what {@link #close()} closes (the pool Tenon built),
     * or null when the caller owns the data source.
     */
    private Engine(DataSource dataSource, AutoCloseable owned) {
        this.dataSource = dataSource;
        this.owned = owned;
        Probe probe = probe(dataSource, owned);
        this.dialect = probe.dialect();
        this.readsOutsideTransactions = probe.readCommitted();
        this.executor = new Executor(dialect, statistics, Duration.ZERO, Duration.ZERO);
        this.replicas = null;
    }

    /**
     * An engine over a pool Tenon built from {@code options}, whose statement and socket timeouts its executor
     * applies and reports; {@link #close()} closes the pool.
     */
    private Engine(HikariDataSource pool, ConnectionOptions options, Replicas replicas) {
        this.dataSource = pool;
        this.owned = pool;
        Probe probe = probe(pool, pool);
        this.dialect = probe.dialect();
        this.readsOutsideTransactions = probe.readCommitted();
        this.executor = new Executor(dialect, statistics, options.statementTimeout(), options.socketTimeout());
        this.replicas = replicas.isEmpty() ? null : openReplicas(pool, options, replicas);
    }

    /** The replicas' pools, over PostgreSQL only (see {@link Replicas}); the primary's pool is closed when they fail. */
    private ReplicaRouter openReplicas(HikariDataSource primary, ConnectionOptions options, Replicas replicas) {
        if (!(dialect instanceof PostgresDialect)) {
            Quietly.close(primary);
            throw new TenonException("Read replicas need PostgreSQL, whose standbys tell how far they have replayed the primary's "
                    + "log (read-your-writes depends on it); " + options.jdbcUrl() + " is " + dialect.getClass().getSimpleName()
                    + ": connect without Replicas");
        }
        try {
            return ReplicaRouter.open(options, replicas);
        } catch (RuntimeException e) {
            Quietly.close(primary);
            throw e;
        }
    }

    /**
     * An engine over a HikariCP pool built from {@code options}, with their timeouts (see {@link ConnectionOptions}):
     * returns within {@code connectTimeout} or throws a {@link dev.tenon.exception.TimeoutException} naming it.
     */
    public static Engine connect(ConnectionOptions options) {
        return connect(options, Replicas.NONE);
    }

    /**
     * An engine over a primary and its read replicas (see {@link Replicas}), each a HikariCP pool built from
     * {@code options} with the replica's URL: the primary's credentials, size and timeouts. Refused unless the primary
     * is PostgreSQL; every pool connects within {@code connectTimeout}, or none is left open.
     */
    public static Engine connect(ConnectionOptions options, Replicas replicas) {
        return new Engine(ConnectionPool.open(options), options, replicas);
    }

    /** An engine over the application's own data source, which {@link #close()} leaves open. */
    public static Engine of(DataSource dataSource) {
        return new Engine(dataSource, null);
    }

    /**
     * What one connection tells of the database at start: its dialect, and whether its connections read committed data
     * (or less). Then a read sees the same whether or not a transaction is open, and {@link Transaction} runs reads in
     * auto-commit until the first write; an isolation the driver cannot report counts as stricter, which is always safe.
     */
    private record Probe(Dialect dialect, boolean readCommitted) {
    }

    private static Probe probe(DataSource dataSource, AutoCloseable owned) {
        try (Connection connection = dataSource.getConnection()) {
            return new Probe(Dialect.forProduct(connection.getMetaData().getDatabaseProductName()), readCommitted(connection));
        } catch (SQLException e) {
            Quietly.close(owned);
            throw new TenonException("Cannot connect to detect the database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Quietly.close(owned);
            throw e;
        }
    }

    private static boolean readCommitted(Connection connection) {
        try {
            boolean readCommitted = connection.getTransactionIsolation() <= Connection.TRANSACTION_READ_COMMITTED;
            if (!connection.getAutoCommit()) {
                connection.rollback();      // the driver may have begun a transaction to ask
            }
            return readCommitted;
        } catch (SQLException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The dialect detected from the connection's metadata. */
    public Dialect dialect() {
        return dialect;
    }

    /** Database-wide statistics. */
    public Statistics statistics() {
        return statistics;
    }

    Executor executor() {
        return executor;
    }

    /**
     * A handle for one unit of work at a time, on the primary; it takes a connection with its first statement. With
     * replicas, each of its commits that wrote is followed by a read of the commit's WAL position (see {@link Replicas}).
     */
    public Transaction transaction() {
        return new Transaction(probe -> connection(), executor, dialect, readsOutsideTransactions, false,
                replicas == null ? null : replicas::committed);
    }

    /**
     * A handle that refuses to write, on the next replica in turn when there are replicas, else on the primary. On a
     * replica it first waits until the replica has replayed the furthest commit of this database's sessions, or reads
     * on the primary when that takes longer than the {@code readYourWritesTimeout} (see {@link Replicas}).
     */
    public Transaction readOnlyTransaction() {
        return readOnlyTransaction(null);
    }

    /**
     * {@link #readOnlyTransaction()} that must also see {@code position} (a commit of another database object or
     * process, {@code session.lastCommitPosition()}); null for none.
     */
    public Transaction readOnlyTransaction(WalPosition position) {
        Connections connections = probe -> connection();
        if (replicas != null) {
            connections = new ReadRoute(replicas, WalPosition.later(replicas.lastCommitted(), position), this::connection);
        }
        return new Transaction(connections, executor, dialect, readsOutsideTransactions, true, null);
    }

    /** The furthest commit position a session of this database has seen; empty without replicas, or before a commit. */
    public Optional<WalPosition> lastCommitPosition() {
        return Optional.ofNullable(replicas == null ? null : replicas.lastCommitted());
    }

    /** The replicas' data sources (HikariCP pools), in the order of their URLs; empty without replicas. */
    public List<DataSource> replicaDataSources() {
        return replicas == null ? List.of() : replicas.dataSources();
    }

    /** Registers a listener told of every statement this database runs. */
    public void addListener(StatementListener listener) {
        executor.addListener(listener);
    }

    /** Removes a listener. */
    public void removeListener(StatementListener listener) {
        executor.removeListener(listener);
    }

    /**
     * Lets {@link dev.tenon.exception.SqlExecutionException}'s message show the driver's whole message, row values included
     * (PostgreSQL's {@code Key (code)=(...) already exists}, H2's refused key); off by default, since messages end up
     * in logs and error pages. For development, or where the data holds no secrets.
     */
    public Engine showValuesInErrors(boolean value) {
        executor.showValuesInErrors(value);
        return this;
    }

    /** Whether exception messages may show row values; see {@link #showValuesInErrors(boolean)}. */
    public boolean showsValuesInErrors() {
        return executor.showsValuesInErrors();
    }


    /** The data source connections come from. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** A connection as the data source gives it; the caller sets its auto-commit, puts it back, and closes it. */
    Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            if (dataSource == owned && dataSource instanceof HikariDataSource pool) {
                throw ConnectionPool.acquireFailed(pool, e);
            }
            throw new TenonException("Cannot get a connection: " + e.getMessage(), e);
        }
    }

    /** Work done with a connection inside one transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        /** Does the work; the transaction commits when it returns and rolls back when it throws. */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs plain JDBC {@code work} in one transaction: committed if it returns, rolled back if it throws. The
     * connection is lent for the call only; what the work runs is neither logged nor counted by Tenon.
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        try (Connection connection = connection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result;
                try {
                    result = work.run(connection);
                } catch (SQLException | RuntimeException | Error e) {
                    rollbackAfter(connection, e);
                    if (e instanceof SQLException sql) {
                        throw executor.failure("working in a transaction", "(a JDBC call of the work, not a statement of the executor)", sql);
                    }
                    throw e;
                }
                try {
                    connection.commit();
                } catch (SQLException e) {
                    throw executor.failure("committing", "COMMIT", e);
                }
                return result;
            } finally {
                Lease.restoreAutoCommit(connection, autoCommit);
            }
        } catch (SQLException e) {
            throw executor.failure("opening or returning the connection", "(no statement)", e);
        }
    }

    /** Rolls back after {@code failure}; a rollback that fails too is kept with it, never in its place. */
    private static void rollbackAfter(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Closes the pools Tenon built, the replicas' first; a caller's own data source is left open. */
    @Override
    public void close() {
        if (replicas != null) {
            replicas.close();
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new TenonException("Cannot close the connection pool: " + e.getMessage(), e);
            }
        }
    }
}
