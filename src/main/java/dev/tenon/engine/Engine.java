package dev.tenon.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenon.TenonException;
import dev.tenon.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The core half of a database: a {@link DataSource}, the {@link Dialect} detected from it, the
 * {@link Executor} every statement runs through, and database-wide {@link Statistics}. Thread-safe.
 * Applications use its ORM subclass {@code dev.tenon.session.Database}; the DDL needs only this.
 */
public class Engine implements AutoCloseable {
    private final DataSource dataSource;
    private final AutoCloseable owned;
    private final Dialect dialect;
    private final Statistics statistics = new Statistics();
    private final Executor executor;

    /**
     * An engine over {@code dataSource}; {@code owned} is what {@link #close()} closes (the pool Tenon built),
     * or null when the caller owns the data source.
     */
    protected Engine(DataSource dataSource, AutoCloseable owned) {
        this.dataSource = dataSource;
        this.owned = owned;
        this.dialect = detect(dataSource, owned);
        this.executor = new Executor(dialect, statistics, Duration.ZERO, Duration.ZERO);
    }

    /**
     * An engine over a pool Tenon built from {@code options}, whose statement and socket timeouts its executor
     * applies and reports; {@link #close()} closes the pool.
     */
    protected Engine(HikariDataSource pool, ConnectionOptions options) {
        this.dataSource = pool;
        this.owned = pool;
        this.dialect = detect(pool, pool);
        this.executor = new Executor(dialect, statistics, options.statementTimeout(), options.socketTimeout());
    }

    /**
     * A HikariCP pool for the given options, holding its first connection; fails fast (no connection, no pool),
     * and within {@code connectTimeout}.
     */
    protected static HikariDataSource pool(ConnectionOptions options) {
        return ConnectionPool.open(options);
    }

    private static Dialect detect(DataSource dataSource, AutoCloseable owned) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.forProduct(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            Executor.closeQuietly(owned);
            throw new TenonException("Cannot connect to detect the database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Executor.closeQuietly(owned);
            throw e;
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

    /** The executor every statement runs through. */
    public Executor executor() {
        return executor;
    }

    /** The data source connections come from. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** A connection with auto-commit off; the caller closes it. */
    public Connection connection() {
        try {
            Connection connection = dataSource.getConnection();
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false);
            }
            return connection;
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

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(TransactionWork<T> work) {
        try (Connection connection = connection()) {
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

    /** Closes the pool Tenon built; a caller's own data source is left open. */
    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new TenonException("Cannot close the connection pool: " + e.getMessage(), e);
            }
        }
    }
}
