package dev.tenon;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * A statement failed in the database. Carries the SQL text and the driver's SQLState; never the bound
 * values (they may be secrets), which the {@code tenon.sql.bind} logger shows at TRACE.
 */
public class SqlExecutionException extends TenonException {
    private static final long serialVersionUID = 1L;

    private final String sql;
    private final String sqlState;

    /** Wraps the driver's exception for {@code sql}, saying what Tenon was doing ({@code doing}). */
    public SqlExecutionException(String doing, String sql, SQLException cause) {
        super("Error " + doing + ": " + reported(cause).getMessage() + " [SQLState " + reported(cause).getSQLState() + "]\nSQL: " + sql, cause);
        this.sql = sql;
        this.sqlState = reported(cause).getSQLState();
    }

    /**
     * The exception whose message is safe to show: PostgreSQL's driver writes a failed batch entry with its
     * values inlined into the BatchUpdateException's message, while the next exception holds the server's own error.
     */
    private static SQLException reported(SQLException cause) {
        return cause instanceof BatchUpdateException && cause.getNextException() != null ? cause.getNextException() : cause;
    }

    /** The statement that failed. */
    public String sql() {
        return sql;
    }

    /** The driver's SQLState, or null. */
    public String sqlState() {
        return sqlState;
    }

    /** Whether the database refused the statement for a constraint (SQLState class 23), on any database. */
    public boolean isConstraintViolation() {
        return sqlState != null && sqlState.startsWith("23");
    }
}
