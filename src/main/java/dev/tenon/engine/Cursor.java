package dev.tenon.engine;

import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.TenonException;
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
    private final Failures failures;
    private final LongConsumer onClose;
    private long rows;
    private boolean closed;

    /** How the cursor reports a driver error: fetching rows (which loses the transaction), or reading a row's values. */
    interface Failures {
        TenonException fetching(SQLException e);

        SqlExecutionException reading(SQLException e);
    }

    Cursor(PreparedStatement statement, ResultSet result, BoundSql sql, Failures failures, LongConsumer onClose) {
        this.statement = statement;
        this.result = result;
        this.sql = sql;
        this.failures = failures;
        this.onClose = onClose;
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
            throw failures.fetching(e);
        }
    }

    /** Tenon's exception for a driver error while reading the current row's values, with the cursor's SQL. */
    public SqlExecutionException failedReading(SQLException e) {
        return failures.reading(e);
    }

    /** The current row, to be read (not moved or closed) by the caller. */
    public ResultSet row() {
        return result;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Quietly.close(result);
            Quietly.close(statement);
            onClose.accept(rows);
        }
    }
}
