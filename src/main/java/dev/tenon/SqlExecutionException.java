package dev.tenon;

import java.sql.SQLException;

/**
 * A statement failed in the database. Carries the SQL text and the driver's SQLState; never the bound
 * values (they may be secrets), which the {@code tenon.sql} logger shows at DEBUG.
 */
public class SqlExecutionException extends TenonException {
    private static final long serialVersionUID = 1L;

    private final String sql;
    private final String sqlState;

    /** Wraps the driver's exception for {@code sql}, saying what Tenon was doing ({@code doing}). */
    public SqlExecutionException(String doing, String sql, SQLException cause) {
        super("Error " + doing + ": " + cause.getMessage() + " [SQLState " + cause.getSQLState() + "]\nSQL: " + sql, cause);
        this.sql = sql;
        this.sqlState = cause.getSQLState();
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
