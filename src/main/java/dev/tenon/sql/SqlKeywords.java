package dev.tenon.sql;

import java.util.Set;

/**
 * The words neither H2 nor PostgreSQL accept as bare identifiers (the union of both reserved lists, plus
 * H2's {@code key}, {@code value}, {@code year}, {@code month}, {@code day}), so that one mapping renders the
 * same on both.
 */
final class SqlKeywords {
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between",
            "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint",
            "create", "cross", "current_catalog", "current_date", "current_path", "current_role", "current_schema",
            "current_time", "current_timestamp", "current_user", "day", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "exists", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant",
            "group", "groups", "having", "hour", "if", "ilike", "in", "initially", "inner", "intersect", "interval", "into",
            "is", "isnull", "join", "key", "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp",
            "minus", "minute", "month", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
            "over", "overlaps", "partition", "placing", "primary", "qualify", "range", "references", "regexp", "returning",
            "right", "row", "rownum", "rows", "second", "select", "session_user", "set", "similar", "some", "symmetric",
            "system_user", "table", "tablesample", "then", "to", "top", "trailing", "true", "uescape", "union", "unique",
            "unknown", "user", "using", "value", "values", "variadic", "verbose", "when", "where", "window", "with",
            "year", "_rowid_");

    private SqlKeywords() {
    }

    static boolean needsQuotes(String identifier) {
        return !isPlain(identifier) || RESERVED.contains(identifier);
    }

    /** {@code [a-z_][a-z0-9_]*}, by hand: every statement Tenon writes asks this of each of its identifiers. */
    private static boolean isPlain(String identifier) {
        if (identifier.isEmpty()) {
            return false;
        }
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c == '_' || i > 0 && c >= '0' && c <= '9';
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
