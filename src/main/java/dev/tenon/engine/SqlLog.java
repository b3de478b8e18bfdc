package dev.tenon.engine;

import dev.tenon.sql.Param;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the executor writes about each statement: the SQL with its time and outcome on {@code tenon.sql} at DEBUG,
 * and the bound values on {@code tenon.sql.bind} at TRACE, a separate logger so that an application can watch its
 * SQL without writing its data (passwords, personal data) to a log.
 *
 * <pre>
 * DEBUG tenon.sql      - INSERT INTO "scott"."dept" ("deptno", "dname", "loc") VALUES (?, ?, ?) | batch of 250 | 3.214 ms, 250 rows
 * TRACE tenon.sql.bind - values of 250 rows, the first 3: [50, OPS, ROME], [51, LAB, OSLO], [52, HR, LIMA]
 * </pre>
 */
final class SqlLog {
    private static final Logger STATEMENTS = LoggerFactory.getLogger("tenon.sql");
    private static final Logger VALUES = LoggerFactory.getLogger("tenon.sql.bind");
    /** How many rows of a batch the values line shows: enough to recognise the rows, not a megabyte of log. */
    static final int ROWS_SHOWN = 3;

    private SqlLog() {
    }

    /** A statement that ran: {@code outcome} is what came of it ("14 rows", "streaming"). */
    static void ran(String sql, long nanos, String outcome) {
        if (STATEMENTS.isDebugEnabled()) {
            STATEMENTS.debug("{} | {} ms, {}", sql, millis(nanos), outcome);
        }
    }

    /** A statement that ran and read or wrote {@code rows}; nothing is built while DEBUG is off. */
    static void ran(String sql, long nanos, long rows) {
        if (STATEMENTS.isDebugEnabled()) {
            STATEMENTS.debug("{} | {} ms, {} rows", sql, millis(nanos), rows);
        }
    }

    /**
     * A statement of {@code rows} rows of values that ran and wrote {@code affected}: its text with the rows after
     * the first left out ({@code VALUES (?, ?), ...}), which would make a line of a hundred kilobytes.
     */
    static void ranRows(String sql, long nanos, int rows, long affected) {
        if (rows == 1) {
            ran(sql, nanos, affected);
        } else if (STATEMENTS.isDebugEnabled()) {
            STATEMENTS.debug("{} | batch of {} | {} ms, {} rows", firstRowOnly(sql), rows, millis(nanos), affected);
        }
    }

    /** Whether the values of statements are logged, so that they are split per row only then. */
    static boolean showsValues() {
        return VALUES.isTraceEnabled();
    }

    /** The text with the row value lists after the first {@code VALUES (...)} replaced by {@code ...}. */
    static String firstRowOnly(String sql) {
        int values = sql.indexOf("VALUES (");
        int first = values < 0 ? -1 : closing(sql, values + "VALUES ".length());
        if (first < 0) {
            return sql;
        }
        int end = first + 1;
        while (sql.startsWith(", (", end)) {
            int close = closing(sql, end + 2);
            if (close < 0) {
                break;
            }
            end = close + 1;
        }
        return end == first + 1 ? sql : sql.substring(0, first + 1) + ", ..." + sql.substring(end);
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    private static int closing(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A statement that failed, with the driver's message. */
    static void failed(String sql, String message) {
        STATEMENTS.debug("FAILED {} | {}", sql, message);
    }

    /** The values bound to a statement of one row. */
    static void valuesOf(List<Param> row) {
        if (VALUES.isTraceEnabled() && !row.isEmpty()) {
            VALUES.trace("values {}", shown(row));
        }
    }

    /** The values bound to a statement: one list per row, as many as a batch has. */
    static void values(List<List<Param>> rows) {
        if (!VALUES.isTraceEnabled() || rows.isEmpty() || rows.size() == 1 && rows.get(0).isEmpty()) {
            return;
        }
        if (rows.size() == 1) {
            VALUES.trace("values {}", shown(rows.get(0)));
            return;
        }
        StringJoiner first = new StringJoiner(", ");
        rows.subList(0, Math.min(ROWS_SHOWN, rows.size())).forEach(row -> first.add(shown(row).toString()));
        VALUES.trace("values of {} rows{}: {}", rows.size(), rows.size() > ROWS_SHOWN ? ", the first " + ROWS_SHOWN : "", first);
    }

    private static List<Object> shown(List<Param> row) {
        return row.stream().map(Param::shown).toList();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
