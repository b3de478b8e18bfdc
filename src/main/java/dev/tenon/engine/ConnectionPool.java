package dev.tenon.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.tenon.exception.TenonException;
import dev.tenon.exception.TimeoutException;
import dev.tenon.exception.TimeoutException.Which;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The HikariCP pool Tenon builds from {@link ConnectionOptions}: its timeouts handed to HikariCP and the driver,
 * its first connection bounded by {@code connectTimeout}, and its expiries told in Tenon's words.
 */
final class ConnectionPool {
    private ConnectionPool() {
    }

    /** A started pool holding one open connection; fails fast, naming the rule broken or the timeout that expired. */
    static HikariDataSource open(ConnectionOptions options) {
        return open(options, "tenon");
    }

    /** {@link #open(ConnectionOptions)} named {@code poolName} in HikariCP's logs and metrics (a replica's). */
    static HikariDataSource open(ConnectionOptions options, String poolName) {
        if (options.jdbcUrl() == null || !options.jdbcUrl().startsWith("jdbc:")) {
            throw new TenonException("Not a JDBC URL: '" + options.jdbcUrl() + "'; expected jdbc:h2:... or jdbc:postgresql://...");
        }
        if (options.maximumPoolSize() < 1) {
            throw new TenonException("maximumPoolSize must be at least 1, was " + options.maximumPoolSize());
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(options.jdbcUrl());
        config.setUsername(options.user());
        config.setPassword(options.password());
        config.setMaximumPoolSize(options.maximumPoolSize());
        // HikariCP's default, auto-commit on, is what most units of work want: reads run without a transaction, and a
        // Transaction turns it off at its first write (HikariCP turns it back on when the connection returns).
        config.setAutoCommit(true);
        config.setPoolName(poolName);
        if (options.isolation() != null) {
            config.setTransactionIsolation(options.isolation().jdbcName());
        }
        long acquireMillis = options.acquireTimeout().toMillis();
        config.setConnectionTimeout(acquireMillis);
        // HikariCP wants the check of an idle connection to be shorter than the wait for one, and warns otherwise.
        config.setValidationTimeout(Math.min(acquireMillis, 5000));
        if (options.jdbcUrl().startsWith("jdbc:postgresql:")) {
            // Without these the driver waits for ever on a server that accepts the connection and never answers,
            // and HikariCP's single thread that opens connections waits with it.
            String connectSeconds = String.valueOf(seconds(options.connectTimeout()));
            config.addDataSourceProperty("connectTimeout", connectSeconds);
            config.addDataSourceProperty("loginTimeout", connectSeconds);
            if (!options.socketTimeout().isZero()) {
                config.addDataSourceProperty("socketTimeout", String.valueOf(seconds(options.socketTimeout())));
            }
        }
        return start(config, options);
    }

    /** Whole seconds, rounded up, for the drivers and JDBC calls that count in seconds. */
    static int seconds(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, (duration.toMillis() + 999) / 1000);
    }

    /**
     * Builds the pool, which opens its first connection, on a thread of its own, so that {@code Database.connect}
     * returns within {@code connectTimeout} even when the driver has no timeout of its own (H2 over TCP reads its
     * handshake for ever). A pool that such a driver finishes opening after the caller gave up is closed at once.
     */
    private static HikariDataSource start(HikariConfig config, ConnectionOptions options) {
        CompletableFuture<HikariDataSource> starting = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                starting.complete(new HikariDataSource(config));
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        }, "tenon-connect");
        opener.setDaemon(true);
        long begin = System.nanoTime();
        opener.start();
        try {
            return starting.get(options.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            starting.thenAccept(HikariDataSource::close);
            throw connectTimedOut(options, null);
        } catch (ExecutionException e) {
            // A driver that gives up at the deadline itself (PostgreSQL's loginTimeout) may just beat the wait above.
            if (System.nanoTime() - begin >= options.connectTimeout().toNanos()) {
                throw connectTimedOut(options, e.getCause());
            }
            throw new TenonException("Cannot connect to " + options.jdbcUrl() + ": " + rootMessage(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            starting.thenAccept(HikariDataSource::close);
            throw new TenonException("Interrupted while connecting to " + options.jdbcUrl(), e);
        }
    }

    private static TimeoutException connectTimedOut(ConnectionOptions options, Throwable cause) {
        return new TimeoutException(Which.CONNECT, options.connectTimeout(), "no connection to " + options.jdbcUrl() + " within "
                + TimeoutException.shown(options.connectTimeout()) + (cause == null ? "" : " (" + rootMessage(cause) + ")")
                + "; check that the server at that address is up and answering, or raise connectTimeout", cause);
    }

    /**
     * The exception for a failed {@code getConnection}: HikariCP reports an expired wait as a
     * {@link SQLTransientConnectionException}, which becomes an {@code acquireTimeout} with the pool's state then.
     */
    static TenonException acquireFailed(HikariDataSource pool, SQLException e) {
        if (!(e instanceof SQLTransientConnectionException) || pool.isClosed()) {
            return new TenonException("Cannot get a connection: " + e.getMessage(), e);
        }
        HikariPoolMXBean state = pool.getHikariPoolMXBean();
        String opening = e.getCause() == null ? "" : "; the pool could not open a new one: " + rootMessage(e.getCause());
        return new TimeoutException(Which.ACQUIRE, Duration.ofMillis(pool.getConnectionTimeout()), "no free connection in the pool (total="
                + state.getTotalConnections() + ", active=" + state.getActiveConnections() + ", idle=" + state.getIdleConnections()
                + ", waiting=" + state.getThreadsAwaitingConnection() + ", maximumPoolSize=" + pool.getMaximumPoolSize() + ")" + opening
                + "; close sessions sooner (a session holds its connection until commit, rollback or close), or raise "
                + "maximumPoolSize or acquireTimeout", e);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
