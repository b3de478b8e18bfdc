package dev.tenon.testing;

import dev.tenon.Database;
import dev.tenon.engine.ConnectionOptions;
import dev.tenon.engine.Replicas;
import dev.tenon.engine.WalPosition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;

/**
 * The hot standby the replica tests read on, a streaming copy of the {@link PostgresServer}: at {@code TENON_REPLICA_URL},
 * by default the database of {@code TENON_PG_URL} on 127.0.0.1:55432, where {@code src/test/scripts/standby.sh} makes
 * and starts it, with the primary's user and password. Whether it answers, and is a standby, is checked once per JVM;
 * when not, the replica cases are skipped with a message, or fail when {@code CI} is {@code true}.
 */
public final class StandbyServer {
    /** The standby's port when {@code TENON_REPLICA_URL} does not say: the script's. */
    static final String DEFAULT_AUTHORITY = "127.0.0.1:55432";
    private static final String URL = replicaUrl(System.getenv("TENON_REPLICA_URL"), PostgresServer.url());

    private StandbyServer() {
    }

    private static final class Probe {
        static final Optional<String> UNUSABLE = probe();
    }

    /**
     * The standby's URL: {@code configured} when set, else the primary's URL with its host and port replaced by the
     * script's, so that the same database is read on both.
     */
    static String replicaUrl(String configured, String primaryUrl) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return primaryUrl.replaceFirst("^jdbc:postgresql://[^/?]*", "jdbc:postgresql://" + DEFAULT_AUTHORITY);
    }

    /** The standby's JDBC URL. */
    public static String url() {
        return URL;
    }

    /** Aborts the calling test when the standby cannot be used, or fails it when {@code CI} is {@code true}. */
    public static void require() {
        PostgresServer.require();
        Optional<String> reason = Probe.UNUSABLE;
        if (reason.isPresent()) {
            if (PostgresServer.required()) {
                Assertions.fail(reason.get() + " [CI=true: the standby is required]");
            }
            Assumptions.abort(reason.get());
        }
    }

    /**
     * A {@link Database} over the primary of the tests and its standby as one replica (pool of 4), with this
     * {@code readYourWritesTimeout}; more URLs of the standby make more replicas (the same server through other pools).
     */
    public static Database connect(Replicas replicas) {
        return Database.connect(ConnectionOptions.url(PostgresServer.url()).user(PostgresServer.user())
                .password(PostgresServer.password()).maximumPoolSize(4), replicas);
    }

    /** A plain connection to the standby, in auto-commit, outside any pool; the caller closes it. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, properties());
    }

    /** A plain connection to the primary, in auto-commit, outside any pool; the caller closes it. */
    public static Connection connectPrimary() throws SQLException {
        return PostgresServer.connect();
    }

    /** Waits until the standby has replayed everything the primary has written so far (a table just created, say). */
    public static void catchUp() {
        try (Connection primary = connectPrimary(); Connection standby = connect()) {
            WalPosition written = WalPosition.parse(text(primary, "SELECT pg_current_wal_insert_lsn()"));
            // Generous: a busy machine, or a large load of the primary's (the Chinook data, once per database), can keep
            // the standby's replay seconds behind; a standby that is not streaming stays behind for ever.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (WalPosition.parse(text(standby, "SELECT pg_last_wal_replay_lsn()")).reached(written)) {
                    return;
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("The standby at " + URL + " did not replay " + written + " within 60 s: is it streaming?");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compare the standby's replay with the primary: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the standby", e);
        }
    }

    /** The first column of the first row of {@code sql}, as text. */
    public static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user", PostgresServer.user());
        if (PostgresServer.password() != null) {
            properties.setProperty("password", PostgresServer.password());
        }
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "5");
        return properties;
    }

    private static Optional<String> probe() {
        String fix = "; make it with src/test/scripts/standby.sh (as root), or set TENON_REPLICA_URL";
        try (Connection connection = connect()) {
            if (!"t".equals(text(connection, "SELECT pg_is_in_recovery()"))) {
                return unusable("The server at " + URL + " is not a hot standby (pg_is_in_recovery() is false)" + fix);
            }
            return Optional.empty();
        } catch (SQLException e) {
            return unusable("No PostgreSQL standby at " + URL + " (" + e.getMessage() + ")" + fix);
        }
    }

    private static Optional<String> unusable(String reason) {
        if (!PostgresServer.required()) {
            LoggerFactory.getLogger(StandbyServer.class).warn("{}; skipping the replica cases", reason);
        }
        return Optional.of(reason);
    }
}
