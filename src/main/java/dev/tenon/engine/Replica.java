package dev.tenon.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenon.exception.TenonException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One read replica: its pool, and the furthest it is known to have replayed the primary's log, so that a session
 * that needs a position it has passed does not ask it again. Thread-safe.
 */
final class Replica {
    private final String name;
    private final HikariDataSource pool;
    private final AtomicReference<WalPosition> replayed = new AtomicReference<>();

    Replica(String name, HikariDataSource pool) {
        this.name = name;
        this.pool = pool;
    }

    /** How logs and messages name it: its number and URL. */
    String name() {
        return name;
    }

    HikariDataSource pool() {
        return pool;
    }

    /** A connection from its pool, the caller's to give back. */
    Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw ConnectionPool.acquireFailed(pool, e);
        }
    }

    /** Whether it is known to have replayed {@code position}: the log only moves forward. */
    boolean hasReplayed(WalPosition position) {
        WalPosition known = replayed.get();
        return known != null && known.reached(position);
    }

    /** What a replay check found; the furthest known is kept, whatever order concurrent checks end in. */
    void replayed(WalPosition position) {
        replayed.accumulateAndGet(position, WalPosition::later);
    }

    /** Closes its pool. */
    void close() {
        try {
            pool.close();
        } catch (RuntimeException e) {
            throw new TenonException("Cannot close the pool of " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
