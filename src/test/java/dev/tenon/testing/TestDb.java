package dev.tenon.testing;

import dev.tenon.Database;
import dev.tenon.metadata.Metadata;
import dev.tenon.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One test's database, opened by {@link Backend#open} or {@link Backend#openEmpty}: a connected
 * {@link Database} (a pool of at most 4 connections) and the {@link Metadata} it was opened for.
 * {@link #close()} closes the pool and drops everything of the metadata (on H2, the whole in-memory database).
 *
 * <p>{@link #rows} and {@link #execute} use plain JDBC on a connection of the pool: they bypass Tenon's
 * executor, so assertions read the truth and are not counted in {@link #statements()}.
 */
public final class TestDb implements AutoCloseable {
    /** What to do once the pool is closed, to leave nothing behind. */
    @FunctionalInterface
    interface Teardown {
        void run() throws SQLException;
    }

    private final Backend backend;
    private final Database database;
    private final Metadata metadata;
    private final Teardown teardown;
    private boolean closed;

    TestDb(Backend backend, Database database, Metadata metadata, Teardown teardown) {
        this.backend = backend;
        this.database = database;
        this.metadata = metadata;
        this.teardown = teardown;
    }

    /** The database under test. */
    public Database database() {
        return database;
    }

    /** The metadata this database was opened for. */
    public Metadata metadata() {
        return metadata;
    }

    /** Which backend this is. */
    public Backend backend() {
        return backend;
    }

    /** The dialect Tenon detected. */
    public Dialect dialect() {
        return database.dialect();
    }

    /** Statements Tenon ran on this database so far (after {@link Backend#open}: since the tables were created). */
    public long statements() {
        return database.statistics().statements();
    }

    /**
     * Runs a query with plain JDBC and returns its rows, each a list of {@code getObject} values (nulls
     * included), for assertions that must not go through Tenon.
     */
    public List<List<Object>> rows(String sql, Object... params) {
        try (Connection connection = database.dataSource().getConnection()) {
            try {
                return read(connection, sql, params);
            } finally {
                endTransaction(connection, false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot query on " + backend + ": " + e.getMessage() + "\nSQL: " + sql, e);
        }
    }

    /** Runs one statement with plain JDBC and commits it. */
    public void execute(String sql) {
        try (Connection connection = database.dataSource().getConnection()) {
            boolean done = false;
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                done = true;
            } finally {
                endTransaction(connection, done);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot execute on " + backend + ": " + e.getMessage() + "\nSQL: " + sql, e);
        }
    }

    /** The tables of the metadata as the database reports them through {@code DatabaseMetaData}. */
    public SchemaSnapshot schema() {
        try (Connection connection = database.dataSource().getConnection()) {
            try {
                return SchemaSnapshot.read(connection, metadata.tables());
            } finally {
                endTransaction(connection, false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schema on " + backend + ": " + e.getMessage(), e);
        }
    }

    /** Closes the pool and drops what the test created; safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            database.close();
        } finally {
            try {
                teardown.run();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot clean up the " + backend + " test database: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return backend + " " + metadata.tables();
    }

    private static List<List<Object>> read(Connection connection, String sql, Object[] params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int width = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(Collections.unmodifiableList(Arrays.asList(row)));
                }
            }
            return Collections.unmodifiableList(rows);
        }
    }

    // The pool hands out connections with auto-commit off: end the transaction so that the pool gets a clean one.
    private static void endTransaction(Connection connection, boolean commit) throws SQLException {
        if (!connection.getAutoCommit()) {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        }
    }
}
