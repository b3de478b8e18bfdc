package dev.tenon.engine;

import dev.tenon.exception.CommitOutcomeUnknownException;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.TenonException;
import dev.tenon.sql.BoundSql;
import dev.tenon.sql.Dialect;
import dev.tenon.sql.Param;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handle on one unit of work with the database, and the only holder of a {@link Connection} above the pool: the
 * session, its loaders and the DDL run every statement through it, and none of them ever sees the connection. The
 * connection is taken from the pool at the first statement and given back when the transaction ends, by
 * {@link #commit()} or {@link #rollback()}; the handle then begins the next transaction with its next statement.
 *
 * <p><b>Reads outside a transaction.</b> Under READ COMMITTED (the default of PostgreSQL and H2) every statement
 * sees what was committed when it began, whether or not a transaction is open, so reads run in auto-commit until
 * the first write; only then does the transaction begin. A unit of work that only reads therefore ends with nothing
 * to commit or roll back: one round trip per lookup on PostgreSQL instead of two, and no rollback, which on H2 also
 * throws away the connection's cache of parsed queries. Under a stricter isolation, where a transaction's reads and
 * writes must share a snapshot, the transaction begins with the first statement. A cursor begins it too: PostgreSQL
 * fetches a result in chunks only inside a transaction; and so does a read that locks rows
 * ({@link #queryInTransaction}), whose locks would otherwise end with it.
 *
 * <p><b>A failed statement loses the transaction.</b> PostgreSQL refuses everything after it (SQLState
 * {@code 25P02}) and answers {@code COMMIT} with a rollback, without an error. The first failure is remembered
 * ({@link #failure()}) until the owner {@link #acknowledge() acknowledges} it; H2 would carry on, and Tenon behaves
 * the same on both by refusing to.
 *
 * <p>Not thread-safe: it belongs to its session.
 */
public final class Transaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transaction.class);

    private final Connections connections;
    private final Executor executor;
    private final Dialect dialect;
    private final boolean readsOutsideTransactions;
    private final Statistics statistics = new Statistics(this::failed);
    private Connection connection;
    /** The connection's auto-commit as the pool gave it: put back when it returns, whatever pool it is. */
    private boolean pooledAutoCommit;
    private boolean begun;
    private TenonException failure;
    private Function<TenonException, RuntimeException> refusal;

    /** Where a handle takes its connections from: the pool. */
    @FunctionalInterface
    interface Connections {
        Connection get();
    }

    Transaction(Connections connections, Executor executor, Dialect dialect, boolean readsOutsideTransactions) {
        this.connections = connections;
        this.executor = executor;
        this.dialect = dialect;
        this.readsOutsideTransactions = readsOutsideTransactions;
    }

    /** The database's dialect. */
    public Dialect dialect() {
        return dialect;
    }

    /** What this handle ran, over all its transactions. */
    public Statistics statistics() {
        return statistics;
    }

    /** Runs a query, handing each row to {@code handler}; returns the number of rows. */
    public long query(BoundSql sql, RowHandler handler) {
        return executor.query(reading(), sql, statistics, handler);
    }

    /**
     * Runs a query that locks rows ({@code SELECT ... FOR UPDATE}) in the transaction, which it begins if the reads so
     * far ran in auto-commit: there the locks would end with the statement. They last until {@link #commit()} or
     * {@link #rollback()}. Returns the number of rows.
     */
    public long queryInTransaction(BoundSql sql, RowHandler handler) {
        return executor.query(writing(), sql, statistics, handler);
    }

    /** Runs one INSERT, UPDATE, DELETE or DDL statement; returns the affected row count. */
    public int update(BoundSql sql) {
        return executor.update(writing(), sql, statistics);
    }

    /**
     * Runs one INSERT of {@code rows} rows (a multi-row {@code VALUES} list); with {@code returned}, a statement that
     * reads columns of the written rows back ({@code RETURNING}, H2's delta table), each handed to it. Returns the
     * rows written.
     */
    public int insert(BoundSql sql, int rows, RowHandler returned) {
        return executor.insert(writing(), sql, rows, statistics, returned);
    }

    /** One statement text for many parameter rows, in JDBC batches of at most {@code batchSize}; the row counts. */
    public int[] batch(String sql, List<List<Param>> rows, int batchSize) {
        return executor.batch(writing(), sql, rows, batchSize, null, statistics, null);
    }

    /** {@link #batch(String, List, int)}, reading the {@code returning} columns of every row back, in row order. */
    public int[] batch(String sql, List<List<Param>> rows, int batchSize, String[] returning, RowHandler generated) {
        return executor.batch(writing(), sql, rows, batchSize, returning, statistics, generated);
    }

    /** Opens a query read as it is fetched; the caller closes the cursor. Begins the transaction (see above). */
    public Cursor cursor(BoundSql sql, int fetchSize) {
        return executor.open(writing(), sql, statistics, fetchSize);
    }

    /** Work done with the connection itself: plain JDBC in the transaction, for what Tenon does not do. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        /** Does the work; it must not commit, roll back, close the connection or change its auto-commit. */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs plain JDBC in this transaction (which it begins): the connection is lent for the call only. What the
     * work runs is not logged or counted by Tenon; a {@link SQLException} it throws loses the transaction like a
     * failed statement, and comes back as Tenon's {@link SqlExecutionException}.
     */
    public <T> T withConnection(ConnectionWork<T> work) {
        Connection lent = writing();
        try {
            return work.run(lent);
        } catch (SQLException e) {
            TenonException wrapped = executor.failure("working with the connection", "(a JDBC call of the work, not a statement of Tenon)", e);
            statistics.recordFailure(wrapped);
            throw wrapped;
        }
    }

    /**
     * Sets savepoint {@code name} ({@code SAVEPOINT}, logged and counted like every statement), beginning the
     * transaction if only reads ran so far: a savepoint lives inside a transaction.
     */
    public void savepoint(String name) {
        executor.update(writing(), BoundSql.of("SAVEPOINT " + dialect.quote(name)), statistics);
    }

    /**
     * Rolls back to savepoint {@code name}: what the transaction wrote since is undone, and the transaction is usable
     * again, a statement that failed since included (PostgreSQL accepts statements again after it). When this fails
     * too, the transaction is lost as after any failed statement.
     */
    public void rollbackToSavepoint(String name) {
        TenonException failedInside = failure;
        failure = null;
        try {
            executor.update(writing(), BoundSql.of("ROLLBACK TO SAVEPOINT " + dialect.quote(name)), statistics);
        } catch (TenonException e) {
            if (failedInside != null) {
                failure = failedInside;
            }
            throw e;
        }
    }

    /** Forgets savepoint {@code name}: what was written since it is kept, for the transaction to commit. */
    public void releaseSavepoint(String name) {
        executor.update(writing(), BoundSql.of("RELEASE SAVEPOINT " + dialect.quote(name)), statistics);
    }

    /** Whether a connection is held: a statement has run since the last commit or rollback. */
    public boolean active() {
        return connection != null;
    }

    /** Whether the current transaction has begun on the database: something wrote, or needs a snapshot. */
    public boolean begun() {
        return begun;
    }

    /**
     * The first statement that failed in this transaction, or null while none has. It stays after the rollback, so
     * that the owner keeps refusing to work in the lost transaction until {@link #acknowledge()}.
     */
    public TenonException failure() {
        return failure;
    }

    /** The owner has told the application that the transaction is lost. */
    public void acknowledge() {
        failure = null;
    }

    /**
     * What a statement asked for after a failure gets instead of running: {@code refusal} is given the first failure
     * and returns the exception to throw (the owner's chance to end the lost transaction its own way).
     */
    public void refuseAfterFailure(Function<TenonException, RuntimeException> refusal) {
        this.refusal = refusal;
    }

    private void failed(TenonException statement) {
        if (failure == null) {
            failure = statement;
        }
    }

    /**
     * Commits and gives the connection back. When the database refuses (a deferred constraint, a serialization
     * failure at commit), the refusal is thrown as an {@link SqlExecutionException} and the connection kept for the
     * caller's {@link #rollback()}; when the connection fails instead, nobody knows whether the database committed:
     * the connection is given back and that is thrown as {@link CommitOutcomeUnknownException}.
     */
    public void commit() {
        if (connection == null) {
            return;
        }
        if (!begun) {
            release();          // only reads ran, each committed by itself
            return;
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            SqlExecutionException refused = executor.failure("committing", "COMMIT", e);
            if (refused.isConnectionFailure() || connectionLost()) {
                release();
                throw new CommitOutcomeUnknownException("The connection failed while COMMIT was on its way (" + refused.getMessage()
                        + "), so whether the database committed the transaction is unknown. The session has detached its objects "
                        + "and kept the keys its flushes set: check whether the rows are in the database before you write them again",
                        e);
            }
            throw refused;
        }
        release();
    }

    /**
     * Rolls back and gives the connection back; never throws. When the database cannot be told, its connection is
     * gone, and the server has dropped the transaction by itself.
     */
    public void rollback() {
        if (connection == null) {
            return;
        }
        if (begun) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                LOG.debug("Rollback could not reach the database ({}); the server drops the transaction with its connection",
                        e.getMessage());
            }
        }
        release();
    }

    /** {@link #rollback()}: what is not committed is not kept. */
    @Override
    public void close() {
        rollback();
    }

    /** The connection for a read: in auto-commit until the transaction begins, where the isolation allows. */
    private Connection reading() {
        if (failure != null && refusal != null) {
            throw refusal.apply(failure);
        }
        if (connection == null) {
            Connection taken = connections.get();
            try {
                pooledAutoCommit = taken.getAutoCommit();
                if (pooledAutoCommit != readsOutsideTransactions) {
                    taken.setAutoCommit(readsOutsideTransactions);
                }
            } catch (SQLException e) {
                Quietly.close(taken);
                throw executor.failure("setting up a connection", "(setAutoCommit)", e);
            }
            connection = taken;
            begun = !readsOutsideTransactions;
        }
        return connection;
    }

    /** The connection for a write, in a transaction: begun now if the reads so far ran in auto-commit. */
    private Connection writing() {
        Connection held = reading();
        if (!begun) {
            try {
                held.setAutoCommit(false);
            } catch (SQLException e) {
                TenonException wrapped = executor.failure("beginning a transaction", "(setAutoCommit(false))", e);
                statistics.recordFailure(wrapped);
                throw wrapped;
            }
            begun = true;
        }
        return held;
    }

    private boolean connectionLost() {
        try {
            return connection.isClosed() || !connection.isValid(1);
        } catch (SQLException e) {
            return true;
        }
    }

    /** Gives the connection back to the pool, which checks it, discards a broken one and resets its auto-commit. */
    private void release() {
        Connection held = connection;
        connection = null;
        begun = false;
        restoreAutoCommit(held, pooledAutoCommit);
        try {
            held.close();
        } catch (SQLException e) {
            LOG.debug("Returning the connection to the pool failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            throw new TenonException("Cannot return the connection to the pool: " + e.getMessage(), e);
        }
    }

    /**
     * Puts a connection's auto-commit back as its pool gave it, so that a pool that does not reset it (not every pool
     * is HikariCP) hands the next user what it expects. After the transaction ended, so no round trip is needed.
     */
    static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            if (connection.getAutoCommit() != autoCommit) {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            LOG.debug("Could not put the connection's auto-commit back ({}); the pool discards a broken connection", e.getMessage());
        }
    }
}
