package dev.tenon.engine;

import dev.tenon.exception.CommitOutcomeUnknownException;
import dev.tenon.exception.ReadOnlyException;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.TenonException;
import dev.tenon.sql.BoundSql;
import dev.tenon.sql.Dialect;
import dev.tenon.sql.Param;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
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
 * <p><b>Read-only handles.</b> A read-only session's handle refuses every write before it reaches the server, and
 * takes its connections from the database's replicas when it has some ({@link Replicas}). With replicas, a primary
 * handle follows each commit of a transaction that began on the database with one read of the commit's position in
 * the write-ahead log, which the read-only handles opened afterwards wait for.
 *
 * <p>Not thread-safe: it belongs to its session.
 */
public final class Transaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transaction.class);
    /** Where the log ends on the primary, read after a commit: at or past the commit's end. */
    static final BoundSql COMMIT_POSITION = BoundSql.of("SELECT pg_current_wal_insert_lsn()");

    private final Connections connections;
    private final Executor executor;
    private final Dialect dialect;
    private final boolean readsOutsideTransactions;
    private final Statistics statistics = new Statistics(this::failed);
    private Connection connection;
    /** The connection held, with how to give it back as the pool lent it; null while none is. */
    private Lease lease;
    private boolean begun;
    private TenonException failure;
    private Function<TenonException, RuntimeException> refusal;
    private final boolean readOnly;
    private final Consumer<WalPosition> commitPositions;
    private WalPosition lastCommitPosition;

    /**
     * A handle; a {@code readOnly} one refuses to write (before any SQL), and with {@code commitPositions} (only on
     * PostgreSQL with replicas) each commit that wrote is followed by a read of the commit's WAL position, told to it.
     */
    Transaction(Connections connections, Executor executor, Dialect dialect, boolean readsOutsideTransactions, boolean readOnly,
                Consumer<WalPosition> commitPositions) {
        this.connections = connections;
        this.executor = executor;
        this.dialect = dialect;
        this.readsOutsideTransactions = readsOutsideTransactions;
        this.readOnly = readOnly;
        this.commitPositions = commitPositions;
    }

    /** The database's dialect. */
    public Dialect dialect() {
        return dialect;
    }

    /** Whether exception messages may show row values (the database's {@code showValuesInErrors}). */
    boolean showsValuesInErrors() {
        return executor.showsValuesInErrors();
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
        refuseIfReadOnly(sql.sql());    // a standby refuses to lock rows (25006), as it refuses any write
        return executor.query(writing(), sql, statistics, handler);
    }

    /** Runs one INSERT, UPDATE, DELETE or DDL statement; returns the affected row count. */
    public int update(BoundSql sql) {
        refuseIfReadOnly(sql.sql());
        return executor.update(writing(), sql, statistics);
    }

    /**
     * Runs one INSERT of {@code rows} rows (a multi-row {@code VALUES} list); with {@code returned}, a statement that
     * reads columns of the written rows back ({@code RETURNING}, H2's delta table), each handed to it. Returns the
     * rows written.
     */
    public int insert(BoundSql sql, int rows, RowHandler returned) {
        refuseIfReadOnly(sql.sql());
        return executor.insert(writing(), sql, rows, statistics, returned);
    }

    /** One statement text for many parameter rows, in JDBC batches of at most {@code batchSize}; the row counts. */
    public int[] batch(String sql, List<List<Param>> rows, int batchSize) {
        refuseIfReadOnly(sql);
        return executor.batch(writing(), sql, rows, batchSize, null, statistics, null);
    }

    /** {@link #batch(String, List, int)}, reading the {@code returning} columns of every row back, in row order. */
    public int[] batch(String sql, List<List<Param>> rows, int batchSize, String[] returning, RowHandler generated) {
        refuseIfReadOnly(sql);
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
        if (commitPositions != null) {
            readCommitPosition();
        }
        release();
    }

    /**
     * Reads where the commit just made ended in the write-ahead log, on its own connection, and tells the replicas:
     * one statement, in auto-commit (no transaction is open after a commit, so turning it on costs no round trip).
     * The commit has happened whatever this meets: a failure is logged, and costs only read-your-writes on replicas.
     */
    private void readCommitPosition() {
        TenonException before = failure;
        WalPosition[] read = new WalPosition[1];
        try {
            connection.setAutoCommit(true);
            executor.query(connection, COMMIT_POSITION, statistics, row -> read[0] = WalPosition.parse(row.getString(1)));
        } catch (SQLException | TenonException e) {
            failure = before;
            LOG.warn("Committed, but could not read the commit's WAL position ({}); a read-only session may not see this commit "
                    + "on a replica at once", e.getMessage());
            return;
        }
        lastCommitPosition = read[0];
        commitPositions.accept(read[0]);
    }

    /** The WAL position after the last commit that wrote, on PostgreSQL with replicas; null before one, or without. */
    public WalPosition lastCommitPosition() {
        return lastCommitPosition;
    }

    /** Whether this handle refuses to write: a read-only session's, reading on a replica when there is one. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** Refuses a write of a read-only handle before it reaches the server (a standby would answer SQLState 25006). */
    private void refuseIfReadOnly(String sql) {
        if (readOnly) {
            throw new ReadOnlyException("This session is read-only (db.openReadOnlySession): it reads on a replica when the "
                    + "database has one, and cannot write. Write in a session of db.openSession(metadata)\nSQL (not run): " + sql);
        }
    }

    /** See {@link Connections.Probe}: counted like every statement, but a failure loses nothing of this handle's. */
    private long probe(Connection candidate, BoundSql sql, RowHandler handler) {
        TenonException before = failure;
        try {
            return executor.query(candidate, sql, statistics, handler);
        } catch (TenonException e) {
            failure = before;
            throw e;
        }
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
            Connection taken = connections.get(this::probe);
            try {
                lease = Lease.of(taken, readsOutsideTransactions, readOnly);
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

    /** Gives the connection back to the pool, as the pool lent it. */
    private void release() {
        Lease held = lease;
        connection = null;
        lease = null;
        begun = false;
        held.giveBack();
    }
}
