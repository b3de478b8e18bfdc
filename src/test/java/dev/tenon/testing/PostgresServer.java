package dev.tenon.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the tests use, from the environment: {@code TENON_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code TENON_PG_USER} (default {@code postgres}),
 * {@code TENON_PG_PASSWORD} (default empty). Whether it answers is checked once per JVM, with a short
 * timeout, so a laptop without PostgreSQL loses two seconds at most.
 */
final class PostgresServer {
    private static final String URL = env("TENON_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("TENON_PG_USER", "postgres");
    private static final String PASSWORD = env("TENON_PG_PASSWORD", "");

    private PostgresServer() {
    }

    /** The result of the one probe; the holder defers it to the first PostgreSQL case. */
    private static final class Probe {
        static final Optional<String> UNREACHABLE = probe();
    }

    static String url() {
        return URL;
    }

    static String user() {
        return USER;
    }

    static String password() {
        return PASSWORD.isEmpty() ? null : PASSWORD;
    }

    /** Whether PostgreSQL is required: on CI an unreachable server fails the run instead of skipping. */
    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Why the server cannot be used, with how to fix it; empty when it answers. */
    static Optional<String> unreachable() {
        return Probe.UNREACHABLE;
    }

    /** Aborts the calling test when the server cannot be used, or fails it when PostgreSQL is required. */
    static void require() {
        Optional<String> reason = unreachable();
        if (reason.isPresent()) {
            if (required()) {
                Assertions.fail(reason.get() + " [CI=true: PostgreSQL is required]");
            }
            Assumptions.abort(reason.get());
        }
    }

    /** A plain connection in auto-commit mode, outside any pool; the caller closes it. */
    static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        if (!PASSWORD.isEmpty()) {
            properties.setProperty("password", PASSWORD);
        }
        // Seconds: a server that is down refuses at once, one behind a firewall would otherwise hang.
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(URL, properties);
    }

    private static Optional<String> probe() {
        try {
            connect().close();
            return Optional.empty();
        } catch (SQLException e) {
            String reason = "PostgreSQL not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "): start it, or set TENON_PG_URL/TENON_PG_USER/TENON_PG_PASSWORD";
            if (!required()) {
                LoggerFactory.getLogger(PostgresServer.class).warn("{}; skipping the PostgreSQL cases", reason);
            }
            return Optional.of(reason);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
