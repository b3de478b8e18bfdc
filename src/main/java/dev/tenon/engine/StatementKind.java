package dev.tenon.engine;

/** What a statement does, for statistics: read from its first word. */
public enum StatementKind {
    SELECT, INSERT, UPDATE, DELETE, DDL, OTHER;

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
        return switch (sql.substring(start, end).toUpperCase(java.util.Locale.ROOT)) {
            case "SELECT", "WITH" -> SELECT;
            case "INSERT" -> INSERT;
            case "UPDATE" -> UPDATE;
            case "DELETE" -> DELETE;
            case "CREATE", "DROP", "ALTER" -> DDL;
            default -> OTHER;
        };
    }
}
