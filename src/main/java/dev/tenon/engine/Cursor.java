package dev.tenon.engine;

import dev.tenon.SqlExecutionException;
import dev.tenon.sql.BoundSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.LongConsumer;

/**
 * An open query read row by row (for {@code stream()}); closing it closes the result set and statement and
 * counts the rows read.
 */
public final class Cursor implements AutoCloseable {
    private final PreparedStatement statement;
    private final ResultSet result;
    private final BoundSql sql;
    private final Executor executor;
    private final LongConsumer onClose;
    private final Statistics local;
    private long rows;
    private boolean closed;

    Cursor(PreparedStatement statement, ResultSet result, BoundSql sql, Executor executor, LongConsumer onClose, Statistics local) {
        this.statement = statement;
        this.result = result;
        this.sql = sql;
        this.executor = executor;
        this.onClose = onClose;
        this.local = local;
    }

    /** Moves to the next row; false at the end. */
    public boolean next() {
        try {
            boolean more = result.next();
            if (more) {
                rows++;
            }
            return more;
        } catch (SQLException e) {
            // Fetching the next rows runs on the server: a failure there ends the transaction like any statement's.
            throw executor.failed("reading a row", sql, e, local);
        }
    }

    /** Tenon's exception for a driver error while reading the current row's values, with the cursor's SQL. */
    public SqlExecutionException failedReading(SQLException e) {
        return executor.failure("reading a streamed row", sql.sql(), e);
    }

    /** The current row, to be read (not moved or closed) by the caller. */
    public ResultSet row() {
        return result;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Executor.closeQuietly(result);
            Executor.closeQuietly(statement);
            onClose.accept(rows);
        }
    }
}
