package dev.tenon.engine;

/**
 * How to reach a database and size its pool; immutable, each setter returns a copy.
 *
 * <pre>{@code
 * Database.connect(ConnectionOptions.url("jdbc:postgresql://127.0.0.1:5432/test").user("postgres").maximumPoolSize(4));
 * }</pre>
 *
 * @param jdbcUrl         the JDBC URL
 * @param user            the user, or null
 * @param password        the password, or null
 * @param maximumPoolSize the most connections the pool holds
 */
public record ConnectionOptions(String jdbcUrl, String user, String password, int maximumPoolSize) {
    /** Options for a URL, with no credentials and a pool of 10. */
    public static ConnectionOptions url(String jdbcUrl) {
        return new ConnectionOptions(jdbcUrl, null, null, 10);
    }

    /** A copy with this user. */
    public ConnectionOptions user(String value) {
        return new ConnectionOptions(jdbcUrl, value, password, maximumPoolSize);
    }

    /** A copy with this password. */
    public ConnectionOptions password(String value) {
        return new ConnectionOptions(jdbcUrl, user, value, maximumPoolSize);
    }

    /** A copy with this pool size. */
    public ConnectionOptions maximumPoolSize(int value) {
        return new ConnectionOptions(jdbcUrl, user, password, value);
    }

    // The password stays out of logs and exception messages.
    @Override
    public String toString() {
        return "ConnectionOptions[" + jdbcUrl + ", user=" + user + ", maximumPoolSize=" + maximumPoolSize + "]";
    }
}
