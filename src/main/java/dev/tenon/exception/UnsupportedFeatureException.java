package dev.tenon.exception;

/**
 * The database cannot do what was asked (H2 has no {@code FOR SHARE}, say), found out before any SQL ran. The message
 * names the database, what it lacks and what to do instead; {@link #database()} names the database to code.
 */
public class UnsupportedFeatureException extends TenonException {
    private static final long serialVersionUID = 1L;

    private final String database;

    /** An exception for {@code database} (as the dialect names it: "H2", "PostgreSQL") with the full message. */
    public UnsupportedFeatureException(String database, String message) {
        super(message);
        this.database = database;
    }

    /** The database that lacks the feature, as its dialect names it. */
    public String database() {
        return database;
    }
}
