package dev.tenon.metadata;

/**
 * A value computed by the database, parsed from {@code @Column(serverDefault = ...)} (at insert) or
 * {@code @Column(serverOnUpdate = ...)} (at update).
 *
 * @param kind  what the text is
 * @param text  the literal or expression as written ({@code "now"} for {@link Kind#NOW})
 */
public record ServerDefault(Kind kind, String text) {
    /** The three forms a server default takes. */
    public enum Kind {
        /** The current timestamp, rendered per dialect. */
        NOW,
        /** A quoted string or a number, rendered as written. */
        LITERAL,
        /** Any other SQL expression, rendered as written. */
        EXPRESSION
    }

    /** Parses the annotation's text; null for an empty one. */
    static ServerDefault parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("now") || trimmed.equalsIgnoreCase("now()")
                || trimmed.equalsIgnoreCase("current_timestamp")) {
            return new ServerDefault(Kind.NOW, trimmed);
        }
        if (trimmed.startsWith("'") || trimmed.matches("[-+]?\\d+(\\.\\d+)?")
                || trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
            return new ServerDefault(Kind.LITERAL, trimmed);
        }
        return new ServerDefault(Kind.EXPRESSION, trimmed);
    }
}
