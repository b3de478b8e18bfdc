package dev.tenon.exception;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The PostgreSQL server's error, read field by field: the server sends the summary, the detail (where the values
 * are: {@code Key (code)=(...) already exists}, {@code Failing row contains (...)}), the constraint, the table and
 * the column apart, and the driver keeps them apart. The driver is an optional dependency: this class is loaded
 * only for an exception of the driver's own package, so an application on H2 alone never needs it.
 */
final class PostgresServerError {
    private PostgresServerError() {
    }

    /** The safe message of a server error, or null when {@code e} carries none (an error of the driver itself). */
    static DriverMessage read(SQLException e) {
        if (!(e instanceof PSQLException psql) || psql.getServerErrorMessage() == null) {
            return null;
        }
        ServerErrorMessage server = psql.getServerErrorMessage();
        String summary = server.getMessage() == null ? "" : server.getMessage();
        String state = server.getSQLState() != null ? server.getSQLState() : e.getSQLState();
        // The summary names the constraint and table; values only reach it for a data exception ("invalid input
        // syntax for type integer: \"...\""), and then always in double quotes.
        String text = state != null && state.startsWith("22") ? DriverMessage.beforeFirstQuote(summary) : summary;
        String table = server.getTable() == null ? null
                : server.getSchema() == null ? server.getTable() : server.getSchema() + "." + server.getTable();
        boolean leftOut = !text.equals(summary) || server.getDetail() != null || server.getWhere() != null
                || server.getInternalQuery() != null;
        return new DriverMessage(text, state, server.getConstraint(), table, server.getColumn(), leftOut);
    }
}
