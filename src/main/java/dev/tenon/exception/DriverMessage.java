package dev.tenon.exception;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * What Tenon repeats of a driver's error in its own message. Drivers put row values in their messages: PostgreSQL's
 * detail ({@code Key (code)=(...)}, {@code Failing row contains (...)}), H2's description of the index or foreign key
 * that refused a row, which ends with the row's key or the whole row, both databases' data errors ({@code Cannot parse
 * "DATE" constant "..."}). Unless values are allowed, only what names the failure is kept: the SQLState, the
 * database's summary without its quoted values, and the constraint, table and column when the driver gives them apart.
 *
 * @param text          the driver's text as repeated (never null, may be empty)
 * @param sqlState      the SQLState, or null
 * @param constraint    the constraint that refused the row, or null when the driver does not say it apart
 * @param table         the table, schema-qualified when the driver says the schema, or null
 * @param column        the column, or null
 * @param valuesLeftOut whether some of the driver's text was left out because it may show values
 */
record DriverMessage(String text, String sqlState, String constraint, String table, String column, boolean valuesLeftOut) {
    /** The message of {@code cause}: all of it when {@code showValues}, else only what names the failure. */
    static DriverMessage of(SQLException cause, boolean showValues) {
        SQLException reported = reported(cause);
        String state = reported.getSQLState();
        if (showValues) {
            return new DriverMessage(String.valueOf(reported.getMessage()), state, null, null, null, false);
        }
        String driver = reported.getClass().getName();
        if (driver.startsWith("org.postgresql.")) {
            try {
                DriverMessage server = PostgresServerError.read(reported);
                if (server != null) {
                    return server;
                }
            } catch (LinkageError notVisible) {
                // The driver's classes are not visible from Tenon's class loader: fall back to its text below.
            }
        }
        if (reported instanceof BatchUpdateException) {
            // A batch's own message may quote the failed entry with its values inlined (PostgreSQL does).
            return new DriverMessage("", state, null, null, null, true);
        }
        String message = String.valueOf(reported.getMessage());
        if (driver.startsWith("org.h2.")) {
            return H2ErrorText.safe(message, state);
        }
        String firstLine = message.lines().findFirst().orElse("");
        if (dataOrConstraint(state)) {
            // An unknown driver's words for a refused value: nothing tells where its values are.
            return new DriverMessage("", state, null, null, null, true);
        }
        return new DriverMessage(firstLine, state, null, null, null, !firstLine.equals(message));
    }

    /**
     * The exception that says what went wrong: PostgreSQL's driver writes a failed batch entry with its values inlined
     * into the BatchUpdateException's message, while the next exception holds the server's own error.
     */
    static SQLException reported(SQLException cause) {
        return cause instanceof BatchUpdateException && cause.getNextException() != null ? cause.getNextException() : cause;
    }

    /**
     * Whether the SQLState is of class 22 (data exception: a value that does not fit) or 23 (integrity constraint
     * violation: a row refused): the two classes whose messages echo values. Other classes describe the statement,
     * the schema, the transaction or the connection; Tenon's statements carry no values, only placeholders.
     */
    static boolean dataOrConstraint(String sqlState) {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23"));
    }

    /** {@code text} up to its first double quote, where both databases start quoting a value, marked as cut if it was. */
    static String beforeFirstQuote(String text) {
        int quote = text.indexOf('"');
        return quote < 0 ? text : text.substring(0, quote).stripTrailing() + " \"…\"";
    }
}
