package dev.tenon.exception;

import java.sql.SQLException;

/**
 * A statement failed in the database. Carries the SQL text, the SQLState and, when the driver gives them apart
 * (PostgreSQL does), the constraint, table and column; its message never shows row values, unless the application
 * allows them ({@code Database.showValuesInErrors(true)}): drivers put them in their messages (PostgreSQL's
 * {@code Key (code)=(...) already exists}, H2's description of the index a row broke), and messages end up in logs
 * and error pages. The bound values are on the {@code tenon.sql.bind} logger at TRACE.
 *
 * <p>{@link #getCause()} is the driver's own exception, unchanged: its message may show values, so an application
 * that must not log them logs this exception's message, not the cause's.
 */
public class SqlExecutionException extends TenonException {
    private static final long serialVersionUID = 1L;

    private final String sql;
    private final String sqlState;
    private final String constraint;
    private final String table;
    private final String column;

    /** Wraps the driver's exception for {@code sql}, saying what Tenon was doing ({@code doing}); no values shown. */
    public SqlExecutionException(String doing, String sql, SQLException cause) {
        this(doing, sql, cause, false);
    }

    /**
     * Wraps the driver's exception for {@code sql}, saying what Tenon was doing ({@code doing}); with
     * {@code showValues}, the driver's whole message, values included, else only what names the failure.
     */
    public SqlExecutionException(String doing, String sql, SQLException cause, boolean showValues) {
        this(doing, sql, cause, DriverMessage.of(cause, showValues));
    }

    private SqlExecutionException(String doing, String sql, SQLException cause, DriverMessage driver) {
        super(message(doing, sql, driver), cause);
        this.sql = sql;
        this.sqlState = driver.sqlState();
        this.constraint = driver.constraint();
        this.table = driver.table();
        this.column = driver.column();
    }

    private static String message(String doing, String sql, DriverMessage driver) {
        StringBuilder text = new StringBuilder("Error ").append(doing).append(": ");
        text.append(driver.text().isEmpty() ? "the database refused it" : driver.text());
        text.append(" [SQLState ").append(driver.sqlState());
        part(text, "constraint", driver.constraint());
        part(text, "table", driver.table());
        part(text, "column", driver.column());
        text.append(']');
        if (isLockNotAvailable(driver.sqlState())) {
            text.append("\nA row it needs is locked by another transaction, which holds the lock until it ends; roll back and"
                    + " try again later, or lock with skipLocked() to pass over locked rows");
        }
        if (driver.valuesLeftOut()) {
            text.append("\n(row values left out: Database.showValuesInErrors(true) shows the driver's whole message,"
                    + " the tenon.sql.bind logger at TRACE the bound values)");
        }
        return text.append("\nSQL: ").append(sql).toString();
    }

    private static void part(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append(", ").append(name).append(' ').append(value);
        }
    }

    /** The statement that failed. */
    public String sql() {
        return sql;
    }

    /** The driver's SQLState, or null. */
    public String sqlState() {
        return sqlState;
    }

    /** The constraint the database named apart from its message (PostgreSQL does, H2 does not), or null. */
    public String constraint() {
        return constraint;
    }

    /** The table the database named apart from its message, schema-qualified when it said the schema, or null. */
    public String table() {
        return table;
    }

    /** The column the database named apart from its message (a NOT NULL violation on PostgreSQL), or null. */
    public String column() {
        return column;
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
        return "40001".equals(sqlState) || "40P01".equals(sqlState) || "90131".equals(sqlState);
    }

    /**
     * Whether a row the statement needed was locked by another transaction, and the statement gave up instead of
     * waiting: PostgreSQL's {@code 55P03} (lock_not_available: {@code NOWAIT}, or {@code lock_timeout} expired) or H2's
     * {@code HYT00} (its {@code NOWAIT}, or its lock timeout expired). The transaction is lost like after any failed
     * statement; a new attempt after a rollback may find the row free, or use {@code skipLocked()} to pass over it.
     */
    public boolean isLockNotAvailable() {
        return isLockNotAvailable(sqlState);
    }

    private static boolean isLockNotAvailable(String sqlState) {
        return "55P03".equals(sqlState) || "HYT00".equals(sqlState);
    }

    /**
     * Whether the connection failed: SQLState class {@code 08} (the network, or a connection already closed), or the
     * server ended it ({@code 57P01} to {@code 57P03}: an administrator or a shutdown terminated the backend).
     */
    public boolean isConnectionFailure() {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
    }
}
