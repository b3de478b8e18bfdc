package dev.tenon.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a statement does, for statistics: read from its first word, except that a query of a data change delta
 * table (H2's {@code SELECT ... FROM FINAL TABLE (INSERT ...)}) is the change it wraps, and a MERGE there (H2's
 * upsert) is an INSERT, as PostgreSQL's {@code INSERT ... ON CONFLICT DO UPDATE} is by its first word.
 */
public enum StatementKind {
    SELECT, INSERT, UPDATE, DELETE, DDL, OTHER;

    private static final Pattern DELTA_TABLE = Pattern.compile("\\b(?:FINAL|NEW|OLD)\\s+TABLE\\s*\\(\\s*(INSERT|UPDATE|DELETE|MERGE)\\b",
            Pattern.CASE_INSENSITIVE);

    /** The kind of a SQL text. */
    public static StatementKind of(String sql) {
        int start = 0;
        while (start < sql.length() && (Character.isWhitespace(sql.charAt(start)) || sql.charAt(start) == '(')) {
            start++;
        }
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return switch (sql.substring(start, end).toUpperCase(Locale.ROOT)) {
            case "SELECT" -> deltaTable(sql);
            case "WITH" -> SELECT;
            case "INSERT" -> INSERT;
            case "UPDATE" -> UPDATE;
            case "DELETE" -> DELETE;
            case "CREATE", "DROP", "ALTER" -> DDL;
            default -> OTHER;
        };
    }

    /** The change a query of a delta table makes, else SELECT; the pattern runs only on a text that names a TABLE. */
    private static StatementKind deltaTable(String sql) {
        if (!sql.contains(" TABLE") && !sql.contains(" table")) {
            return SELECT;
        }
        Matcher change = DELTA_TABLE.matcher(sql);
        if (!change.find()) {
            return SELECT;
        }
        String kind = change.group(1).toUpperCase(Locale.ROOT);
        return kind.equals("MERGE") ? INSERT : valueOf(kind);
    }
}
