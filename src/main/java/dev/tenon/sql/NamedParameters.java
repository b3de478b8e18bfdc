package dev.tenon.sql;

import dev.tenon.exception.TenonException;
import dev.tenon.metadata.ColumnType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A hand-written statement with named parameters ({@code :name}), as SQLAlchemy's {@code text()} and Jdbi take them:
 * the text cut at each parameter, which becomes a JDBC {@code ?} when the values are bound. A value is never written
 * into the text.
 *
 * <p>What is not a parameter: anything inside a string literal ({@code ':x'}, PostgreSQL's {@code E'\':x'} and
 * {@code $$...$$} or {@code $tag$...$tag$} strings), a quoted identifier ({@code ":x"}), a comment ({@code -- :x},
 * {@code /* :x *}{@code /}, nested as PostgreSQL nests them), PostgreSQL's cast {@code ::type}, and a colon escaped
 * with a backslash ({@code \:x} is the text {@code :x}). A positional {@code ?} is refused: bind by name (PostgreSQL's
 * {@code ?} operators are written {@code ??}, as its driver wants).
 *
 * <p>A collection bound to a parameter becomes one placeholder per element, for {@code IN (:ids)}; an empty one is
 * refused, since {@code IN ()} is not SQL.
 */
public final class NamedParameters {
    private final String sql;
    /** The text between parameters: one more piece than there are parameters. */
    private final List<String> pieces;
    private final List<String> names;

    private NamedParameters(String sql, List<String> pieces, List<String> names) {
        this.sql = sql;
        this.pieces = List.copyOf(pieces);
        this.names = List.copyOf(names);
    }

    /**
     * Cuts {@code sql} at its named parameters.
     *
     * @throws TenonException for a null or blank text, an unterminated literal or comment, or a positional {@code ?}
     */
    public static NamedParameters parse(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new TenonException("session.sql(" + (sql == null ? "null" : "\"\"") + "): the statement is empty; write the SQL to run");
        }
        List<String> pieces = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder piece = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'') {
                end = quoted(sql, i, '\'', escapedString(sql, i));
            } else if (c == '"') {
                end = quoted(sql, i, '"', false);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                end = newline < 0 ? n : newline + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = blockComment(sql, i);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                if (close < 0) {
                    throw unterminated(sql, "dollar-quoted string " + tag);
                }
                end = close + tag.length();
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                end = i + 2;
            } else if (c == '\\' && i + 1 < n && sql.charAt(i + 1) == ':') {
                piece.append(':');
                i += 2;
                continue;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1)) && sql.charAt(i + 1) != '$') {
                end = i + 2;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end)) && sql.charAt(end) != '$') {
                    end++;
                }
                pieces.add(piece.toString());
                piece.setLength(0);
                names.add(sql.substring(i + 1, end));
                i = end;
                continue;
            } else if (c == '?') {
                if (i + 1 < n && sql.charAt(i + 1) == '?') {
                    end = i + 2;
                } else {
                    throw new TenonException("session.sql(...): the statement has a positional parameter '?' at character " + (i + 1)
                            + "; name it (WHERE empno = :empno) and bind it with bind(\"empno\", value). PostgreSQL's ? operators are"
                            + " written ?? through JDBC\nSQL: " + sql);
                }
            } else {
                end = i + 1;
            }
            piece.append(sql, i, end);
            i = end;
        }
        pieces.add(piece.toString());
        return new NamedParameters(sql, pieces, names);
    }

    /** The statement as written. */
    public String sql() {
        return sql;
    }

    /** The parameter names in the order they appear, a name as often as it appears. */
    public List<String> names() {
        return names;
    }

    /** The distinct parameter names, in the order they first appear. */
    public Set<String> distinctNames() {
        return new LinkedHashSet<>(names);
    }

    /**
     * The statement with each parameter a {@code ?} and its value bound, typed by its Java class where Tenon knows
     * the type ({@link ColumnType#of}: an {@code Instant} as a zoned timestamp, an enum as its name).
     *
     * @throws TenonException when a parameter has no value or a value names no parameter (before any SQL runs), or a
     *                        collection is empty
     */
    public BoundSql bind(Map<String, Object> values) {
        Set<String> missing = new TreeSet<>(distinctNames());
        missing.removeAll(values.keySet());
        Set<String> extra = new TreeSet<>(values.keySet());
        extra.removeAll(distinctNames());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new TenonException("session.sql(...): " + (missing.isEmpty() ? "" : "no value bound for " + quotedList(missing)
                    + (extra.isEmpty() ? "" : "; ")) + (extra.isEmpty() ? "" : "bound " + quotedList(extra) + " but the statement has no such"
                    + " parameter") + ". Its parameters are " + quotedList(distinctNames()) + "; bind each once with bind(name, value)"
                    + "\nSQL (not run): " + sql);
        }
        StringBuilder text = new StringBuilder(sql.length() + 16);
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            text.append(pieces.get(i));
            Object value = values.get(names.get(i));
            if (value instanceof Collection<?> collection) {
                if (collection.isEmpty()) {
                    throw new TenonException("session.sql(...): parameter :" + names.get(i) + " is bound to an empty collection, and"
                            + " IN () is not SQL; leave the condition out when there is nothing to match\nSQL (not run): " + sql);
                }
                int at = 0;
                for (Object element : collection) {
                    text.append(at++ == 0 ? "?" : ", ?");
                    params.add(param(element));
                }
            } else {
                text.append('?');
                params.add(param(value));
            }
        }
        text.append(pieces.get(names.size()));
        return new BoundSql(text.toString(), params);
    }

    private static Param param(Object value) {
        return new ValueParam(value, value == null ? null : ColumnType.of(value.getClass()));
    }

    private static String quotedList(Collection<String> names) {
        List<String> shown = new ArrayList<>();
        names.forEach(name -> shown.add(":" + name));
        return shown.isEmpty() ? "none" : String.join(", ", shown);
    }

    /** Whether the quote at {@code start} opens PostgreSQL's escape string {@code E'...'}, where a backslash escapes. */
    private static boolean escapedString(String sql, int start) {
        return start > 0 && (sql.charAt(start - 1) == 'E' || sql.charAt(start - 1) == 'e')
                && (start == 1 || !Character.isJavaIdentifierPart(sql.charAt(start - 2)));
    }

    /** The end of the literal or identifier opened at {@code start}; a doubled quote is one quote inside it. */
    private static int quoted(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        throw unterminated(sql, quote == '"' ? "quoted identifier" : "string literal");
    }

    /** The end of the comment opened at {@code start}, comments nested in it included. */
    private static int blockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i + 1 < sql.length()) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw unterminated(sql, "comment /*");
    }

    /** PostgreSQL's {@code $tag$} opening a dollar-quoted string at {@code start}, or null ({@code $1} is no tag). */
    private static String dollarTag(String sql, int start) {
        if (start > 0 && Character.isJavaIdentifierPart(sql.charAt(start - 1))) {
            return null;
        }
        int i = start + 1;
        while (i < sql.length() && (Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_'
                || i > start + 1 && Character.isDigit(sql.charAt(i)))) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? sql.substring(start, i + 1) : null;
    }

    private static TenonException unterminated(String sql, String what) {
        return new TenonException("session.sql(...): the statement has an unterminated " + what + "; close it\nSQL (not run): " + sql);
    }
}
