package dev.tenon.demo;

import dev.tenon.engine.StatementKind;
import dev.tenon.engine.StatementListener;
import java.util.ArrayList;
import java.util.List;

/** Records the statements Tenon runs, so the demo can show the SQL of each loading strategy. */
final class SqlRecorder implements StatementListener {
    record Statement(String sql, List<Object> params, long nanos, long rows) {
    }

    private final List<Statement> statements = new ArrayList<>();

    @Override
    public synchronized void executed(StatementKind kind, String sql, List<Object> params, long nanos, long rows) {
        statements.add(new Statement(sql, params, nanos, rows));
    }

    synchronized List<Statement> drain() {
        List<Statement> copy = List.copyOf(statements);
        statements.clear();
        return copy;
    }
}
