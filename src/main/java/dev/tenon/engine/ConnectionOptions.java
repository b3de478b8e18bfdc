package dev.tenon.engine;

import dev.tenon.exception.TenonException;
import dev.tenon.exception.TimeoutException;
import java.time.Duration;

/**
 * How to reach a database, size its pool and bound every wait; immutable, each setter returns a copy.
 *
 * <pre>{@code
 * Database.connect(ConnectionOptions.url("jdbc:postgresql://127.0.0.1:5432/test").user("postgres").maximumPoolSize(4)
 *         .statementTimeout(Duration.ofSeconds(30)));
 * }</pre>
 *
 * <p>The timeouts, each raising a {@link TimeoutException} that names it and its value when it expires:
 * <ul>
 * <li>{@code connectTimeout} (default 10 s): the longest opening one connection may take, reaching the server and
 *     logging in. {@code Database.connect} waits this long for its first connection whatever the driver; the
 *     PostgreSQL driver also gets it for every later connection of the pool ({@code connectTimeout} and
 *     {@code loginTimeout}, in whole seconds rounded up).</li>
 * <li>{@code acquireTimeout} (default 30 s): the longest a caller waits for a free connection when every connection
 *     of the pool is in use (HikariCP's {@code connectionTimeout}; at least 250 ms).</li>
 * <li>{@code statementTimeout} (default none): the longest one statement may run; the database cancels it and the
 *     connection stays usable. JDBC's portable {@code setQueryTimeout}, honoured by PostgreSQL and H2, in whole
 *     seconds rounded up. None by default, because only the application knows how long its longest report runs.</li>
 * <li>{@code socketTimeout} (default none): the longest the PostgreSQL driver waits for the server to send anything,
 *     for a server or network that died in the middle of a statement, which no cancel can reach; the connection
 *     is lost when it expires. It must exceed the longest statement, hence none by default; set it above
 *     {@code statementTimeout}. Other drivers do not get it (H2 in memory has no network).</li>
 * </ul>
 * {@link Duration#ZERO} turns the statement and socket timeouts off.
 *
 * @param jdbcUrl          the JDBC URL
 * @param user             the user, or null
 * @param password         the password, or null
 * @param maximumPoolSize  the most connections the pool holds
 * @param connectTimeout   the longest opening a connection may take
 * @param acquireTimeout   the longest a caller waits for a connection from the pool
 * @param statementTimeout the longest a statement may run, or zero for no limit
 * @param socketTimeout    the longest the driver waits for the server to answer, or zero for no limit
 * @param isolation        the isolation of the connections' transactions, or null for the driver's default
 */
public record ConnectionOptions(String jdbcUrl, String user, String password, int maximumPoolSize, Duration connectTimeout,
                                Duration acquireTimeout, Duration statementTimeout, Duration socketTimeout, Isolation isolation) {
    /**
     * The isolation of every transaction of the pool's connections. Under {@link #READ_COMMITTED} (both databases'
     * default) reads run outside transactions until the first write; under the stricter two a transaction's reads and
     * writes share one snapshot, and a write that raced another transaction is refused as a conflict
     * ({@code SqlExecutionException.isConflict()}) instead of losing its update: run such units of work with
     * {@code db.transact}, which runs them again.
     */
    public enum Isolation {
        /** Each statement sees what was committed when it began. */
        READ_COMMITTED("TRANSACTION_READ_COMMITTED"),
        /** The transaction sees one snapshot; a row changed since by another transaction cannot be written. */
        REPEATABLE_READ("TRANSACTION_REPEATABLE_READ"),
        /** As if the transactions ran one after another; PostgreSQL's serializable snapshot isolation. */
        SERIALIZABLE("TRANSACTION_SERIALIZABLE");

        private final String jdbcName;

        Isolation(String jdbcName) {
            this.jdbcName = jdbcName;
        }

        /** The name HikariCP takes: the JDBC constant's. */
        String jdbcName() {
            return jdbcName;
        }
    }

    /** The default {@code connectTimeout}: a server that has not answered in 10 s is down or unreachable. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default {@code acquireTimeout}, HikariCP's own default. */
    public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(30);
    /** HikariCP's smallest {@code connectionTimeout}, the floor of {@code acquireTimeout}. */
    static final Duration MINIMUM_ACQUIRE_TIMEOUT = Duration.ofMillis(250);

    /** Checks each timeout, naming the option and the rule it broke. */
    public ConnectionOptions {
        positive("connectTimeout", connectTimeout);
        positive("acquireTimeout", acquireTimeout);
        if (acquireTimeout.compareTo(MINIMUM_ACQUIRE_TIMEOUT) < 0) {
            throw new TenonException("acquireTimeout must be at least 250 ms (HikariCP's minimum), was " + TimeoutException.shown(acquireTimeout));
        }
        zeroOrPositive("statementTimeout", statementTimeout);
        zeroOrPositive("socketTimeout", socketTimeout);
    }

    /** Options for a URL, with no credentials, a pool of 10 and the default timeouts. */
    public static ConnectionOptions url(String jdbcUrl) {
        return new ConnectionOptions(jdbcUrl, null, null, 10, DEFAULT_CONNECT_TIMEOUT, DEFAULT_ACQUIRE_TIMEOUT, Duration.ZERO, Duration.ZERO, null);
    }

    /** A copy with this user. */
    public ConnectionOptions user(String value) {
        return new ConnectionOptions(jdbcUrl, value, password, maximumPoolSize, connectTimeout, acquireTimeout, statementTimeout, socketTimeout, isolation);
    }

    /** A copy with this password. */
    public ConnectionOptions password(String value) {
        return new ConnectionOptions(jdbcUrl, user, value, maximumPoolSize, connectTimeout, acquireTimeout, statementTimeout, socketTimeout, isolation);
    }

    /** A copy with this pool size. */
    public ConnectionOptions maximumPoolSize(int value) {
        return new ConnectionOptions(jdbcUrl, user, password, value, connectTimeout, acquireTimeout, statementTimeout, socketTimeout, isolation);
    }

    /** A copy with this {@code connectTimeout} (positive). */
    public ConnectionOptions connectTimeout(Duration value) {
        return new ConnectionOptions(jdbcUrl, user, password, maximumPoolSize, value, acquireTimeout, statementTimeout, socketTimeout, isolation);
    }

    /** A copy with this {@code acquireTimeout} (250 ms or more). */
    public ConnectionOptions acquireTimeout(Duration value) {
        return new ConnectionOptions(jdbcUrl, user, password, maximumPoolSize, connectTimeout, value, statementTimeout, socketTimeout, isolation);
    }

    /** A copy with this {@code statementTimeout} ({@link Duration#ZERO} for none). */
    public ConnectionOptions statementTimeout(Duration value) {
        return new ConnectionOptions(jdbcUrl, user, password, maximumPoolSize, connectTimeout, acquireTimeout, value, socketTimeout, isolation);
    }

    /** A copy with this {@code socketTimeout} ({@link Duration#ZERO} for none). */
    public ConnectionOptions socketTimeout(Duration value) {
        return new ConnectionOptions(jdbcUrl, user, password, maximumPoolSize, connectTimeout, acquireTimeout, statementTimeout, value, isolation);
    }

    /** A copy whose connections run their transactions at {@code value} (null: the driver's default). */
    public ConnectionOptions isolation(Isolation value) {
        return new ConnectionOptions(jdbcUrl, user, password, maximumPoolSize, connectTimeout, acquireTimeout, statementTimeout, socketTimeout,
                value);
    }

    private static void positive(String option, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new TenonException(option + " must be positive, was " + (value == null ? "null" : TimeoutException.shown(value)));
        }
    }

    private static void zeroOrPositive(String option, Duration value) {
        if (value == null || value.isNegative()) {
            throw new TenonException(option + " must be zero (no limit) or positive, was " + (value == null ? "null" : TimeoutException.shown(value)));
        }
    }

    // The password stays out of logs and exception messages.
    @Override
    public String toString() {
        return "ConnectionOptions[" + jdbcUrl + ", user=" + user + ", maximumPoolSize=" + maximumPoolSize + ", connectTimeout="
                + TimeoutException.shown(connectTimeout) + ", acquireTimeout=" + TimeoutException.shown(acquireTimeout) + ", statementTimeout="
                + TimeoutException.shown(statementTimeout) + ", socketTimeout=" + TimeoutException.shown(socketTimeout)
                + (isolation == null ? "" : ", isolation=" + isolation) + "]";
    }
}
