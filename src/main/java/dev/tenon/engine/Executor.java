package dev.tenon.engine;

import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.TenonException;
import dev.tenon.exception.TimeoutException;
import dev.tenon.exception.TimeoutException.Which;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.sql.BoundSql;
import dev.tenon.sql.Dialect;
import dev.tenon.sql.Param;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one place every statement runs through. It owns the lifetime of statements and result sets (nobody
 * else closes them), logs each statement on {@code tenon.sql} at DEBUG with its time and row count and its
 * values on {@code tenon.sql.bind} at TRACE, counts it in the database's and the caller's {@link Statistics},
 * and wraps a driver error in a {@link SqlExecutionException} carrying the SQL (never the values, unless
 * {@link #showValuesInErrors(boolean)}), or in a {@link TimeoutException} when the statement or socket timeout of
 * the {@link ConnectionOptions} expired. Machinery behind {@link Transaction}, which holds the connection it is given.
 */
final class Executor {
    private final Dialect dialect;
    private final Statistics statistics;
    private final Duration statementTimeout;
    private final Duration socketTimeout;
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();
    /** The budgets open on the whole database (rare): each is told of every statement, whichever session ran it. */
    private final List<StatementObserver> observers = new CopyOnWriteArrayList<>();
    private volatile boolean showValuesInErrors;

    /** An executor; a zero timeout is no limit (see {@link ConnectionOptions}). */
    Executor(Dialect dialect, Statistics statistics, Duration statementTimeout, Duration socketTimeout) {
        this.dialect = dialect;
        this.statistics = statistics;
        this.statementTimeout = statementTimeout;
        this.socketTimeout = socketTimeout;
    }

    /** Registers a listener told of every statement run through this executor. */
    void addListener(StatementListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener. */
    void removeListener(StatementListener listener) {
        listeners.remove(listener);
    }

    void addObserver(StatementObserver observer) {
        observers.add(observer);
    }

    void removeObserver(StatementObserver observer) {
        observers.remove(observer);
    }

    /**
     * Whether a {@link SqlExecutionException}'s message may repeat the driver's whole message, row values included
     * ({@code Key (code)=(...)}); off by default, since messages end up in logs and error pages.
     */
    void showValuesInErrors(boolean value) {
        this.showValuesInErrors = value;
    }

    /** Whether exception messages may show row values; see {@link #showValuesInErrors(boolean)}. */
    boolean showsValuesInErrors() {
        return showValuesInErrors;
    }

    /** Tenon's exception for a driver error while {@code doing} something with {@code sql}, values shown only if allowed. */
    SqlExecutionException failure(String doing, String sql, SQLException e) {
        return new SqlExecutionException(doing, sql, e, showValuesInErrors);
    }

    /** Runs a query, handing each row to {@code handler}; returns the number of rows. */
    long query(Connection connection, BoundSql sql, Statistics local, RowHandler handler) {
        long start = System.nanoTime();
        long rows = 0;
        checkParameterCount(sql.sql(), sql.params().size());
        try (PreparedStatement statement = limited(connection.prepareStatement(sql.sql()))) {
            bind(statement, sql.params());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    handler.row(result);
                    rows++;
                }
            }
        } catch (SQLException e) {
            throw failed("executing a query", sql, e, local);
        }
        long nanos = finish(StatementKind.SELECT, sql.sql(), sql.params(), start, rows, local);
        SqlLog.ran(sql.sql(), nanos, rows);
        SqlLog.valuesOf(sql.params());
        return rows;
    }

    /** Runs one INSERT, UPDATE, DELETE or DDL statement; returns the affected row count. */
    int update(Connection connection, BoundSql sql, Statistics local) {
        long start = System.nanoTime();
        int rows;
        checkParameterCount(sql.sql(), sql.params().size());
        try (PreparedStatement statement = limited(connection.prepareStatement(sql.sql()))) {
            bind(statement, sql.params());
            rows = statement.executeUpdate();
        } catch (SQLException e) {
            throw failed("executing an update", sql, e, local);
        }
        long nanos = finish(StatementKind.of(sql.sql()), sql.sql(), sql.params(), start, Math.max(rows, 0), local);
        SqlLog.ran(sql.sql(), nanos, Math.max(rows, 0));
        SqlLog.valuesOf(sql.params());
        return rows;
    }

    /**
     * Runs one statement that inserts {@code rows} rows, its values bound row after row (a multi-row
     * {@code INSERT ... VALUES (...), (...)}), counted as the kind its text says: H2's
     * {@code SELECT ... FROM FINAL TABLE (INSERT ...)} is an INSERT. With {@code returned}, the statement returns
     * rows (RETURNING, a delta table), each handed to it, and the result is how many; without, the update count.
     */
    int insert(Connection connection, BoundSql sql, int rows, Statistics local, RowHandler returned) {
        long start = System.nanoTime();
        int count = 0;
        checkParameterCount(sql.sql(), sql.params().size());
        try (PreparedStatement statement = limited(connection.prepareStatement(sql.sql()))) {
            bind(statement, sql.params());
            if (returned == null) {
                count = statement.executeUpdate();
            } else {
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        returned.row(result);
                        count++;
                    }
                }
            }
        } catch (SQLException e) {
            throw failed(rows == 1 ? "executing an insert" : "inserting a batch of " + rows + " rows", sql.sql(),
                    perRow(sql.params(), rows), e, local);
        }
        long nanos = finish(StatementKind.of(sql.sql()), sql.sql(), sql.params(), start, Math.max(count, 0), local);
        SqlLog.ranRows(sql.sql(), nanos, rows, Math.max(count, 0));
        if (SqlLog.showsValues()) {
            SqlLog.values(perRow(sql.params(), rows));
        }
        return count;
    }

    /** The parameters of a statement of {@code rows} rows, each row's apart, for the log. */
    private static List<List<Param>> perRow(List<Param> params, int rows) {
        if (rows <= 1 || params.size() % rows != 0) {
            return List.of(params);
        }
        int width = params.size() / rows;
        List<List<Param>> split = new ArrayList<>(rows);
        for (int from = 0; from < params.size(); from += width) {
            split.add(params.subList(from, from + width));
        }
        return split;
    }

    /**
     * Runs one statement text for many parameter rows as JDBC batches of at most {@code batchSize} rows: one round
     * trip each, counted as one statement each. Returns the affected row count of each row.
     */
    int[] batch(Connection connection, String sql, List<List<Param>> rows, int batchSize, Statistics local) {
        return batch(connection, sql, rows, batchSize, null, local, null);
    }

    /**
     * Runs batches and reads back the named columns of every written row (generated keys, server defaults), in the
     * order of {@code rows}: {@code getGeneratedKeys} with column names, which both drivers support (PostgreSQL
     * turns it into {@code RETURNING}). One prepared statement serves every batch; a batch bounds the parameters
     * held at once and the size of each round trip, however many rows a flush writes.
     */
    int[] batch(Connection connection, String sql, List<List<Param>> rows, int batchSize, String[] returning, Statistics local,
                       RowHandler generated) {
        int[] counts = new int[rows.size()];
        if (!rows.isEmpty()) {
            checkParameterCount(sql, rows.get(0).size());
        }
        try (PreparedStatement statement = limited(returning == null ? connection.prepareStatement(sql)
                : connection.prepareStatement(sql, returning))) {
            for (int start = 0; start < rows.size(); start += batchSize) {
                List<List<Param>> chunk = rows.subList(start, Math.min(rows.size(), start + batchSize));
                long begin = System.nanoTime();
                int[] chunkCounts = executeBatch(statement, chunk, sql, generated, local);
                System.arraycopy(chunkCounts, 0, counts, start, chunkCounts.length);
                long affected = 0;
                for (int count : chunkCounts) {
                    affected += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
                }
                long nanos = finish(StatementKind.of(sql), sql, chunk.get(0), begin, affected, local);
                if (chunk.size() == 1) {
                    SqlLog.ran(sql, nanos, affected);
                } else {
                    SqlLog.ran(sql + " | batch of " + chunk.size(), nanos, affected + " rows");
                }
                SqlLog.values(chunk);
            }
        } catch (SQLException e) {
            throw failed("preparing a batch", sql, rows, e, local);
        }
        return counts;
    }

    private int[] executeBatch(PreparedStatement statement, List<List<Param>> rows, String sql, RowHandler generated, Statistics local) {
        boolean single = rows.size() == 1;
        try {
            int[] counts;
            if (single) {
                bind(statement, rows.get(0));
                counts = new int[] {statement.executeUpdate()};
            } else {
                for (List<Param> row : rows) {
                    bind(statement, row);
                    statement.addBatch();
                }
                counts = statement.executeBatch();
            }
            if (generated != null) {
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    while (keys.next()) {
                        generated.row(keys);
                    }
                }
            }
            return counts;
        } catch (SQLException e) {
            throw failed(single ? "executing an update" : "executing a batch of " + rows.size() + " rows", sql, rows, e, local);
        }
    }

    /**
     * Opens a query whose rows are fetched as they are read, for streaming. The caller must close the cursor;
     * it is logged and counted when opened ("streaming"), and logged again with the rows it read when closed.
     */
    Cursor open(Connection connection, BoundSql sql, Statistics local, int fetchSize) {
        long start = System.nanoTime();
        PreparedStatement statement = null;
        checkParameterCount(sql.sql(), sql.params().size());
        try {
            statement = limited(connection.prepareStatement(sql.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
            statement.setFetchSize(fetchSize);
            bind(statement, sql.params());
            ResultSet result = statement.executeQuery();
            SqlLog.ran(sql.sql(), finish(StatementKind.SELECT, sql.sql(), sql.params(), start, 0, local), "streaming");
            SqlLog.valuesOf(sql.params());
            Cursor.Failures failures = new Cursor.Failures() {
                @Override
                public TenonException fetching(SQLException e) {
                    return failed("reading a row", sql, e, local);
                }

                @Override
                public SqlExecutionException reading(SQLException e) {
                    return failure("reading a streamed row", sql.sql(), e);
                }
            };
            return new Cursor(statement, result, sql, failures, rows -> {
                SqlLog.ran(sql.sql(), System.nanoTime() - start, rows + " rows streamed");
                statistics.addRowsRead(rows);
                if (local != null) {
                    local.addRowsRead(rows);
                }
            });
        } catch (SQLException e) {
            Quietly.close(statement);
            throw failed("opening a cursor", sql, e, local);
        }
    }

    /** The statement with the {@code statementTimeout}, which JDBC counts in whole seconds. */
    private PreparedStatement limited(PreparedStatement statement) throws SQLException {
        if (!statementTimeout.isZero()) {
            try {
                statement.setQueryTimeout(ConnectionPool.seconds(statementTimeout));
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
        }
        return statement;
    }

    /**
     * Refuses a statement with more parameters than the database takes before it reaches the driver, whose own error
     * says nothing of the limit or of the fix, and leaves the transaction as it was.
     */
    private void checkParameterCount(String sql, int count) {
        int most = dialect.maxParameters();
        if (count > most) {
            String shown = sql.length() > 300 ? sql.substring(0, 300) + "..." : sql;
            throw new TenonException(String.format(java.util.Locale.ROOT, "A statement with %,d parameters was not sent: %s binds at most %,d"
                    + " in one statement. Match many values of one attribute with Condition.in(path, values), which binds them as"
                    + " one array, rather than an OR of comparisons, or split the work over several statements.\nSQL: %s",
                    count, dialect.name(), most, shown));
        }
    }

    private void bind(PreparedStatement statement, List<Param> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            params.get(i).bind(statement, i + 1, dialect);
        }
    }

    /** Counts a statement that ran and tells the listeners; returns how long it took since {@code start}. */
    private long finish(StatementKind kind, String sql, List<Param> params, long start, long rows, Statistics local) {
        long nanos = System.nanoTime() - start;
        statistics.record(kind, rows);
        if (local != null) {
            local.record(kind, rows);
            if (!local.observers().isEmpty()) {
                local.observers().forEach(observer -> observer.ran(kind, sql, params, rows, local.lazyLoad()));
            }
        }
        if (!observers.isEmpty()) {
            RelationshipModel lazyLoad = local == null ? null : local.lazyLoad();
            observers.forEach(observer -> observer.ran(kind, sql, params, rows, lazyLoad));
        }
        if (!listeners.isEmpty()) {
            List<Object> shown = params.stream().map(Param::shown).toList();
            for (StatementListener listener : listeners) {
                listener.executed(kind, sql, shown, nanos, rows);
            }
        }
        return nanos;
    }

    /** The exception for a driver error while {@code doing}: a {@link TimeoutException} when one expired. */
    TenonException failed(String doing, BoundSql sql, SQLException e, Statistics local) {
        return failed(doing, sql.sql(), List.of(sql.params()), e, local);
    }

    private TenonException failed(String doing, String sql, List<List<Param>> rows, SQLException e, Statistics local) {
        SqlLog.failed(sql, e.getMessage());
        SqlLog.values(rows);
        TimeoutException expired = expired(doing, sql, e);
        return recordFailure(expired != null ? expired : failure(doing, sql, e), local);
    }

    /** Counts a failure and tells the caller's statistics, whose owner may have lost its transaction with it. */
    private TenonException recordFailure(TenonException failure, Statistics local) {
        statistics.recordFailure(failure);
        if (local != null) {
            local.recordFailure(failure);
        }
        return failure;
    }

    /**
     * The timeout behind a failure, if one expired. A statement cancelled for its {@code setQueryTimeout} fails
     * with SQLState 57014 on both PostgreSQL and H2; a read that outwaited the PostgreSQL driver's socketTimeout
     * fails with a {@link SocketTimeoutException} somewhere in its causes, and loses the connection.
     */
    private TimeoutException expired(String doing, String sql, SQLException e) {
        if (!statementTimeout.isZero() && "57014".equals(e.getSQLState())) {
            return new TimeoutException(Which.STATEMENT, statementTimeout, "the database cancelled the statement while " + doing
                    + "; make it faster, or raise statementTimeout [SQLState 57014]\nSQL: " + sql, e);
        }
        if (!socketTimeout.isZero()) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SocketTimeoutException) {
                    return new TimeoutException(Which.SOCKET, socketTimeout, "the database sent nothing for that long while " + doing
                            + ", and the connection is lost; raise socketTimeout above the longest statement (and statementTimeout) "
                            + "[SQLState " + e.getSQLState() + "]\nSQL: " + sql, e);
                }
            }
        }
        return null;
    }
}
