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

    /**
     * The kind of a statement that writes and may read its rows back: H2 wraps the write in a query
     * ({@code SELECT ... FROM FINAL TABLE (INSERT ...)}), so the first data-change word counts, not the first word.
     */
    public static StatementKind written(String sql) {
        StatementKind first = of(sql);
        if (first != SELECT) {
            return first;
        }
        java.util.regex.Matcher change = WRITE.matcher(sql);
        return change.find() ? of(change.group(1)) : first;
    }

    private static final java.util.regex.Pattern WRITE = java.util.regex.Pattern.compile("\\b(INSERT|UPDATE|DELETE)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);
}
