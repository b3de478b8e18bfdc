package dev.tenon.engine;

import java.util.List;

/**
 * Told of every statement after it ran: how the demo shows the SQL of each loading strategy, and how a test
 * can assert the exact text. Called on the thread that ran the statement.
 */
@FunctionalInterface
public interface StatementListener {
    /**
     * @param kind   what the statement does
     * @param sql    the text with placeholders
     * @param params the bound values of the first row (of a batch), as shown in logs
     * @param nanos  elapsed time of the execution
     * @param rows   rows read or written
     */
    void executed(StatementKind kind, String sql, List<Object> params, long nanos, long rows);
}
