package dev.tenon.session;

import dev.tenon.CommitOutcomeUnknownException;
import dev.tenon.SqlExecutionException;
import dev.tenon.TenonException;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of a session's transaction: the connection it holds from its first statement to its end, and
 * what became of it. A transaction is lost as soon as one of its statements fails: PostgreSQL refuses everything
 * after that (SQLState {@code 25P02}) and answers {@code COMMIT} with a rollback, without an error. So the first
 * failure is remembered here, told by the session's statistics whichever loader ran the statement, and the session
 * refuses to commit over it. H2 would carry on after a failed statement; Tenon does not, so that an application
 * behaves the same on both.
 *
 * <p>Ending a transaction never fails for want of a connection: a rollback whose connection is gone has rolled back
 * all the same (the server drops a transaction with its connection), and the broken connection goes back to the
 * pool, which discards it.
 */
final class SessionTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(SessionTransaction.class);

    private final Database database;
    private Connection connection;
    private TenonException failure;

    SessionTransaction(Database database) {
        this.database = database;
    }

    /** The transaction's connection; the first call begins the transaction. */
    Connection connection() {
        if (connection == null) {
            connection = database.connection();
        }
        return connection;
    }

    /** Whether a statement has run since the last commit or rollback. */
    boolean active() {
        return connection != null;
    }

    /** Told of every failed statement of the session: the first one since the transaction began is kept. */
    void failed(TenonException statement) {
        if (failure == null) {
            failure = statement;
        }
    }

    /**
     * The first statement that failed in this transaction, or null while none has. It stays after the rollback, so
     * that the session keeps refusing to work in the lost transaction until {@link #acknowledge()}.
     */
    TenonException failure() {
        return failure;
    }

    /** The application has been told that the transaction is lost (commit() threw, or it rolled back). */
    void acknowledge() {
        failure = null;
    }

    /**
     * Commits and releases the connection. When the database refuses (a deferred constraint, a serialization failure
     * at commit), the refusal is thrown as an {@link SqlExecutionException} and the connection kept for the caller's
     * {@link #rollback()}; when the connection fails instead, nobody knows whether the database committed: the
     * connection is released and that is thrown as {@link CommitOutcomeUnknownException}.
     */
    void commit() {
        if (connection == null) {
            return;
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            SqlExecutionException refused = database.executor().failure("committing", "COMMIT", e);
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
     * Rolls back and releases the connection; never throws. When the database cannot be told, its connection is gone,
     * and the server has dropped the transaction by itself.
     */
    void rollback() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback could not reach the database ({}); the server drops the transaction with its connection",
                    e.getMessage());
        }
        release();
    }

    private boolean connectionLost() {
        try {
            return connection.isClosed() || !connection.isValid(1);
        } catch (SQLException e) {
            return true;
        }
    }

    /** Returns the connection to the pool, which checks it and discards a broken one. */
    private void release() {
        Connection held = connection;
        connection = null;
        try {
            held.close();
        } catch (SQLException e) {
            LOG.debug("Returning the connection to the pool failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            throw new TenonException("Cannot return the connection to the pool: " + e.getMessage(), e);
        }
    }
}
