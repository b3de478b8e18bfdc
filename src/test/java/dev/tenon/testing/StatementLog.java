package dev.tenon.testing;

import dev.tenon.Database;
import dev.tenon.engine.StatementKind;
import dev.tenon.engine.StatementListener;
import java.util.ArrayList;
import java.util.List;

/** Records the text of every statement a database runs, so that a test can assert the exact SQL. */
public final class StatementLog implements StatementListener {
    /** One executed statement (a JDBC batch is one). */
    public record Entry(StatementKind kind, String sql, long rows) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** A log attached to {@code database}'s executor. */
    public static StatementLog on(Database database) {
        StatementLog log = new StatementLog();
        database.addListener(log);
        return log;
    }

    @Override
    public synchronized void executed(StatementKind kind, String sql, List<Object> params, long nanos, long rows) {
        entries.add(new Entry(kind, sql, rows));
    }

    /** The statements run so far, oldest first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The text of the statements run so far, oldest first. */
    public synchronized List<String> sql() {
        return entries.stream().map(Entry::sql).toList();
    }

    /** Forgets what was recorded, so that the next assertion sees only what follows. */
    public synchronized void clear() {
        entries.clear();
    }
}
