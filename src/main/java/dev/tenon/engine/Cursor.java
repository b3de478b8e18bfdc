package dev.tenon.engine;

import dev.tenon.SqlExecutionException;
import dev.tenon.sql.BoundSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * An open query read row by row (for {@code stream()}); closing it closes the result set and statement and
 * counts the rows read.
 */
public final class Cursor implements AutoCloseable {
    private final PreparedStatement statement;
    private final ResultSet result;
    private final BoundSql sql;
    private final LongConsumer onClose;
    private final Consumer<SqlExecutionException> onFailure;
    private long rows;
    private boolean closed;

    Cursor(PreparedStatement statement, ResultSet result, BoundSql sql, LongConsumer onClose, Consumer<SqlExecutionException> onFailure) {
        this.statement = statement;
        this.result = result;
        this.sql = sql;
        this.onClose = onClose;
        this.onFailure = onFailure;
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
            SqlExecutionException failure = new SqlExecutionException("reading a row", sql.sql(), e);
            onFailure.accept(failure);
            throw failure;
        }
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
