package dev.tenon.testing;

import dev.tenon.Database;
import dev.tenon.engine.ConnectionOptions;
import dev.tenon.metadata.Metadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads {@code chinook/chinook.sql} (a test resource) into schema {@code chinook}, once: on H2 into an in-memory
 * database that lives as long as the test run, on PostgreSQL into the test database, where it stays from one run to
 * the next (loaded again only when a table's row count is not the script's, in one transaction, so never half).
 */
public final class ChinookData {
    /** Lower-case names fold as on PostgreSQL, as the script's unquoted names need. */
    private static final String H2_URL = "jdbc:h2:mem:chinook;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    private static final Map<String, Integer> ROWS = Map.ofEntries(Map.entry("album", 347), Map.entry("artist", 275),
            Map.entry("customer", 59), Map.entry("employee", 8), Map.entry("genre", 25), Map.entry("invoice", 412),
            Map.entry("invoice_line", 2240), Map.entry("media_type", 5), Map.entry("playlist", 18), Map.entry("playlist_track", 8715),
            Map.entry("track", 3503));
    private static final Set<Backend> LOADED = EnumSet.noneOf(Backend.class);

    private ChinookData() {
    }

    /** A pool of 4 over the loaded data; closing the {@link TestDb} closes the pool only. */
    public static TestDb open(Backend backend, Metadata metadata) {
        String url = backend == Backend.H2 ? H2_URL : PostgresServer.url();
        String user = backend == Backend.H2 ? null : PostgresServer.user();
        String password = backend == Backend.H2 ? null : PostgresServer.password();
        if (backend == Backend.POSTGRES) {
            PostgresServer.require();
        }
        synchronized (LOADED) {
            if (!LOADED.contains(backend)) {
                load(backend, url, user, password);
                LOADED.add(backend);
            }
        }
        Database database = Database.connect(ConnectionOptions.url(url).user(user).password(password).maximumPoolSize(4));
        return new TestDb(backend, database, metadata, () -> { });
    }

    private static void load(Backend backend, String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            if (complete(connection)) {
                return;
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS chinook CASCADE");
                statement.execute("CREATE SCHEMA chinook");
                statement.execute(backend == Backend.H2 ? "SET SCHEMA chinook" : "SET LOCAL search_path TO chinook");
                for (String sql : statements()) {
                    statement.execute(sql);
                }
            }
            connection.commit();
            if (backend == Backend.H2) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET SCHEMA public");
                }
            }
            if (!complete(connection)) {
                throw new IllegalStateException("chinook.sql loaded, but the row counts are not the script's");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the Chinook data into " + backend + ": " + e.getMessage(), e);
        }
    }

    /** Whether every table holds the script's rows. */
    private static boolean complete(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, Integer> table : ROWS.entrySet()) {
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM chinook." + table.getKey())) {
                    if (!count.next() || count.getInt(1) != table.getValue()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (SQLException missing) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return false;
        }
    }

    /** The script's statements: split at a semicolon that ends a line, comments and empty chunks left out. */
    private static List<String> statements() {
        String script;
        try (InputStream in = ChinookData.class.getResourceAsStream("/chinook/chinook.sql")) {
            if (in == null) {
                throw new IllegalStateException("chinook/chinook.sql is not on the test class path");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read chinook.sql: " + e.getMessage(), e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\r?\n")) {
            if (line.stripLeading().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String sql = current.toString().strip();
                sql = sql.substring(0, sql.length() - 1).strip();
                if (!sql.isEmpty()) {
                    statements.add(sql);
                }
                current.setLength(0);
            }
        }
        return statements;
    }
}
