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

    /**
     * Whether the database refused the statement for a conflict with a concurrent transaction, which a new
     * attempt of the whole transaction may not meet: a serialization failure ({@code 40001}), a deadlock
     * ({@code 40P01} on PostgreSQL; H2 reports it as {@code 40001}) or H2's concurrent update ({@code 90131}).
     */
    public boolean isConflict() {
        return isConflict(sqlState);
    }

    /** {@link #isConflict()} for a SQLState. */
    public static boolean isConflict(String sqlState) {
        return "40001".equals(sqlState) || "40P01".equals(sqlState) || "90131".equals(sqlState);
    }

    /**
     * Whether the connection failed: SQLState class {@code 08} (the network, or a connection already closed), or the
     * server ended it ({@code 57P01} to {@code 57P03}: an administrator or a shutdown terminated the backend).
     */
    public boolean isConnectionFailure() {
        return isConnectionFailure(sqlState);
    }

    /** {@link #isConnectionFailure()} for a SQLState. */
    public static boolean isConnectionFailure(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
    }
}
