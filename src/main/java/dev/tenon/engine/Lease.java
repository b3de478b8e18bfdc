package dev.tenon.engine;

import dev.tenon.exception.TenonException;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection as a {@link Transaction} holds it: set up for the handle (auto-commit as the isolation allows, read-only
 * for a read-only session) and, when given back, put back as the pool lent it, so that a pool that does not reset
 * connections (not every pool is HikariCP) hands the next user what it expects.
 */
final class Lease {
    private static final Logger LOG = LoggerFactory.getLogger(Lease.class);

    private final Connection connection;
    private final boolean pooledAutoCommit;
    /** Whether the connection came read-only; only asked of a read-only handle's connection. */
    private final boolean pooledReadOnly;
    private final boolean readOnly;

    private Lease(Connection connection, boolean pooledAutoCommit, boolean pooledReadOnly, boolean readOnly) {
        this.connection = connection;
        this.pooledAutoCommit = pooledAutoCommit;
        this.pooledReadOnly = pooledReadOnly;
        this.readOnly = readOnly;
    }

    /**
     * Sets {@code taken} up: auto-commit as {@code autoCommit}, and read-only when {@code readOnly}, so that the server
     * refuses writes too (a primary a read-only session fell back to); no round trip until the transaction begins.
     */
    static Lease of(Connection taken, boolean autoCommit, boolean readOnly) throws SQLException {
        boolean pooledAutoCommit = taken.getAutoCommit();
        if (pooledAutoCommit != autoCommit) {
            taken.setAutoCommit(autoCommit);
        }
        boolean pooledReadOnly = false;
        if (readOnly) {
            pooledReadOnly = taken.isReadOnly();
            if (!pooledReadOnly) {
                taken.setReadOnly(true);
            }
        }
        return new Lease(taken, pooledAutoCommit, pooledReadOnly, readOnly);
    }

    Connection connection() {
        return connection;
    }

    /** Gives the connection back to the pool, which checks it and discards a broken one, as the pool lent it. */
    void giveBack() {
        restoreAutoCommit(connection, pooledAutoCommit);
        if (readOnly && !pooledReadOnly) {
            try {
                connection.setReadOnly(false);
            } catch (SQLException e) {
                LOG.debug("Could not put the connection's read-only flag back ({}); the pool discards a broken connection", e.getMessage());
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Returning the connection to the pool failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            throw new TenonException("Cannot return the connection to the pool: " + e.getMessage(), e);
        }
    }

    /** Puts a connection's auto-commit back as its pool gave it; after the transaction ended, so no round trip. */
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
