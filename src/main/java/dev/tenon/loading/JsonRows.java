package dev.tenon.loading;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON array nested loading selects: an array of flat objects whose keys are {@code "c1"} to
 * {@code "cN"}, each once, and whose values are scalars. Each object becomes an array of N values in key order: a
 * {@link String} for a JSON string, a {@link Number} for a number (its text, untouched, so that a decimal keeps its
 * digits and scale), a {@link Boolean}, or null.
 *
 * <p>A reader of its own rather than a JSON library: the loader must work with the compile-scope dependencies alone
 * (Jackson is optional, for JSON columns), the shapes are the few the databases write, and a strict reader of exactly
 * those fails loudly, at the first character it does not expect, on anything else. The JDBC drivers offer nothing
 * better: both hand the array over as text.
 */
final class JsonRows {
    /** A JSON number as written, for the column type to convert exactly. */
    record Number(String text) {
    }

    private final String text;
    private final int columns;
    private int at;

    private JsonRows(String text, int columns) {
        this.text = text;
        this.columns = columns;
    }

    /**
     * The objects of {@code json}, each as {@code columns} values.
     *
     * @throws IllegalArgumentException at the first thing that is not the expected shape, saying where and what
     */
    static List<Object[]> parse(String json, int columns) {
        JsonRows reader = new JsonRows(json, columns);
        List<Object[]> rows = reader.array();
        reader.space();
        if (reader.at != json.length()) {
            throw reader.error("the end of the text");
        }
        return rows;
    }

    private List<Object[]> array() {
        expect('[');
        List<Object[]> rows = new ArrayList<>();
        if (peek() == ']') {
            at++;
            return rows;
        }
        while (true) {
            rows.add(object());
            char next = next();
            if (next == ']') {
                return rows;
            }
            if (next != ',') {
                at--;
                throw error("',' or ']'");
            }
        }
    }

    private Object[] object() {
        expect('{');
        Object[] values = new Object[columns];
        boolean[] seen = new boolean[columns];
        for (int count = 0; count < columns; count++) {
            if (count > 0) {
                expect(',');
            }
            int column = key();
            if (seen[column]) {
                throw error("a key not seen before in the object");
            }
            seen[column] = true;
            expect(':');
            values[column] = value();
        }
        expect('}');
        return values;
    }

    /** A key {@code "c<n>"}, 1 ≤ n ≤ columns: its index from 0. */
    private int key() {
        space();
        int start = at;
        if (!text.startsWith("\"c", at)) {
            throw error("a key \"c1\" to \"c" + columns + "\"");
        }
        at += 2;
        int n = 0;
        while (at < text.length() && Character.isDigit(text.charAt(at)) && n <= columns) {
            n = n * 10 + (text.charAt(at++) - '0');
        }
        if (n < 1 || n > columns || at >= text.length() || text.charAt(at) != '"' || text.charAt(start + 2) == '0') {
            at = start;
            throw error("a key \"c1\" to \"c" + columns + "\"");
        }
        at++;
        return n - 1;
    }

    private Object value() {
        char first = peek();
        if (first == '"') {
            return string();
        }
        if (first == '-' || first >= '0' && first <= '9') {
            return number();
        }
        if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return null;
        }
        throw error("a string, a number, true, false or null");
    }

    private String string() {
        at++;
        StringBuilder out = null;
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                String value = out == null ? text.substring(start, at) : out.append(text, start, at).toString();
                at++;
                return value;
            }
            if (c < 0x20) {
                throw error("a control character escaped in a string");
            }
            if (c != '\\') {
                at++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder();
            }
            out.append(text, start, at);
            at++;
            out.append(escape());
            start = at;
        }
        throw error("the end of a string");
    }

    private char escape() {
        char c = at < text.length() ? text.charAt(at++) : 0;
        switch (c) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (at + 4 <= text.length()) {
                    try {
                        char unit = (char) Integer.parseInt(text.substring(at, at + 4), 16);
                        at += 4;
                        return unit; // a surrogate pair is two escapes, joined again as two chars
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                }
                at--;
                throw error("four hexadecimal digits after \\u");
            default:
                at--;
                throw error("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
    }

    /** JSON's number grammar, exactly: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private Number number() {
        int start = at;
        if (peekRaw() == '-') {
            at++;
        }
        if (peekRaw() == '0') {
            at++;
        } else if (!digits()) {
            throw error("a digit");
        }
        if (peekRaw() == '.') {
            at++;
            if (!digits()) {
                throw error("a digit after the decimal point");
            }
        }
        if (peekRaw() == 'e' || peekRaw() == 'E') {
            at++;
            if (peekRaw() == '+' || peekRaw() == '-') {
                at++;
            }
            if (!digits()) {
                throw error("a digit in the exponent");
            }
        }
        return new Number(text.substring(start, at));
    }

    private boolean digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at > start;
    }

    private void expect(char c) {
        if (next() != c) {
            at--;
            throw error("'" + c + "'");
        }
    }

    private char next() {
        space();
        return at < text.length() ? text.charAt(at++) : 0;
    }

    private char peek() {
        space();
        return peekRaw();
    }

    private char peekRaw() {
        return at < text.length() ? text.charAt(at) : 0;
    }

    private void space() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\n' || text.charAt(at) == '\r'
                || text.charAt(at) == '\t')) {
            at++;
        }
    }

    // Where, not what: the text holds row values, which messages leave out.
    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("expected " + expected + " at character " + Math.max(at, 0) + " of "
                + text.length());
    }
}
