package dev.tenon.exception;

/**
 * H2's error text without the values in it. H2 gives no parts apart: its message is a sentence with parameters in
 * double quotes, then {@code "; SQL statement:\n"} and the statement, then {@code [code-build]}. The sentence is
 * translated into the JVM's language, but the parameters are not, and the error code decides which of them hold
 * values; the statement is Tenon's own, with placeholders, and Tenon shows it anyway.
 */
final class H2ErrorText {
    private H2ErrorText() {
    }

    /** The safe part of H2's {@code message}. */
    static DriverMessage safe(String message, String sqlState) {
        String sentence = sentence(message);
        String text = safeSentence(sentence, sqlState);
        return new DriverMessage(text, sqlState, null, null, null, !text.equals(sentence));
    }

    private static String sentence(String message) {
        int statement = message.indexOf("; SQL statement:");
        if (statement >= 0) {
            return message.substring(0, statement);
        }
        int code = message.lastIndexOf(" [");
        return code >= 0 && message.endsWith("]") ? message.substring(0, code) : message;
    }

    private static String safeSentence(String sentence, String sqlState) {
        if (!DriverMessage.dataOrConstraint(sqlState)) {
            return sentence;
        }
        return switch (sqlState) {
            // "PUBLIC.PK ON PUBLIC.T(ID) ( /* key:1 */ 1, 'row', ...)" or "... ON PUBLIC.T(CODE) VALUES ( /* 1 */ 'x' )":
            // the index, its table and columns, then the refused key or the existing row.
            case "23505" -> upToColumns(sentence, " ON ");
            // "FK: PUBLIC.EMP FOREIGN KEY(DEPTNO) REFERENCES PUBLIC.DEPT(DEPTNO) (99)": the key follows the columns.
            case "23503", "23506" -> upToColumns(sentence, " REFERENCES ");
            // The column and its type, then the value and its length: "Value too long for column \"S VARCHAR(5)\": \"'x' (9)\"".
            case "22001" -> {
                int value = sentence.indexOf("\": \"");
                yield value < 0 ? DriverMessage.beforeFirstQuote(sentence) : sentence.substring(0, value + 1) + ": \"…\"";
            }
            // A NULL in a NOT NULL column, a CHECK constraint's expression: names only.
            case "23502", "23513" -> sentence;
            default -> DriverMessage.beforeFirstQuote(sentence);
        };
    }

    /**
     * The sentence up to the column list that follows {@code marker}: a column name holding a parenthesis would cut
     * it shorter, never longer, since the values come after the list.
     */
    private static String upToColumns(String sentence, String marker) {
        int at = sentence.indexOf(marker);
        int close = at < 0 ? -1 : sentence.indexOf(')', at);
        return close < 0 ? DriverMessage.beforeFirstQuote(sentence) : sentence.substring(0, close + 1) + " …\"";
    }
}
