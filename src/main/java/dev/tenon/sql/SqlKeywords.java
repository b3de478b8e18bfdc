package dev.tenon.sql;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words neither H2 nor PostgreSQL accept as bare identifiers (the union of both reserved lists, plus
 * H2's {@code key}, {@code value}, {@code year}, {@code month}, {@code day}), so that one mapping renders the
 * same on both.
 */
final class SqlKeywords {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
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
        return !PLAIN.matcher(identifier).matches() || RESERVED.contains(identifier);
    }
}
