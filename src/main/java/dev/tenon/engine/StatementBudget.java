package dev.tenon.engine;

import dev.tenon.exception.StatementBudgetError;
import dev.tenon.exception.TenonException;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.sql.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many statements a block of code may run, asserted when the block ends: a test's guard against the N+1 problem
 * and against any other statement that creeps into a page. Opened by {@code session.expectStatements(n)} or
 * {@code session.expectAtMost(n)} for the statements of one session, by {@code database.expectStatements(n)} or
 * {@code database.expectAtMost(n)} for those of every session and thread of a database.
 *
 * <pre>{@code
 * try (StatementBudget budget = session.expectStatements(2)) {
 *     for (Dept dept : session.select(Dept.class).options(Load.selectin("employees")).list()) {
 *         dept.employees.size();
 *     }
 * }   // StatementBudgetError unless exactly 2 statements ran, listing them
 * }</pre>
 *
 * <p>Closing checks the count and throws a {@link StatementBudgetError} listing every statement of the block, in order:
 * its SQL, its values only if the database shows values in errors ({@code showValuesInErrors}), and for a statement of
 * a lazy load the relationship and the line of the application that touched it. It fails at the end and never in the
 * middle: a statement over the budget runs, so that the block's own work (a flush, a load) is never cut in half. A
 * statement counts as {@link Statistics} counts it: one per execution or JDBC batch. Counting costs one list append per
 * statement; the line of a lazy load is found by walking the stack, only while a budget is open.
 */
public final class StatementBudget implements AutoCloseable {
    /**
     * One statement the block ran.
     *
     * @param kind     what it did
     * @param sql      its text with placeholders
     * @param params   its bound values (of the first row of a batch), or null when values are not shown in errors
     * @param rows     the rows it read or wrote
     * @param lazyLoad the relationship whose lazy load ran it, or null
     * @param callSite for a lazy load, the application's line that touched the relationship; else null
     */
    public record Statement(StatementKind kind, String sql, List<Object> params, long rows, RelationshipModel lazyLoad,
                            String callSite) {
        @Override
        public String toString() {
            String text = sql + (params == null ? "" : "\n     values " + params);
            return lazyLoad == null ? text : text + "\n     lazy load of " + lazyLoad + " at " + callSite;
        }
    }

    private final int limit;
    private final boolean exact;
    private final boolean showValues;
    /** What it watches: a handle's statistics, or else a whole database's executor. */
    private final Statistics statistics;
    private final Executor executor;
    private final StatementObserver observer = this::ran;
    private final List<Statement> seen = new ArrayList<>();
    private boolean closed;

    private StatementBudget(int limit, boolean exact, boolean showValues, Statistics statistics, Executor executor) {
        if (limit < 0) {
            throw new TenonException("A statement budget cannot be negative, was " + limit + "; expect 0 statements or more");
        }
        this.limit = limit;
        this.exact = exact;
        this.showValues = showValues;
        this.statistics = statistics;
        this.executor = executor;
    }

    /**
     * A budget over the statements of one transaction handle (a session's), open until closed: exactly {@code count}
     * of them, or, unless {@code exact}, at most {@code count}.
     */
    public static StatementBudget open(Transaction handle, int count, boolean exact) {
        StatementBudget budget = new StatementBudget(count, exact, handle.showsValuesInErrors(), handle.statistics(), null);
        handle.statistics().addObserver(budget.observer);
        return budget;
    }

    /** A budget over every statement of a database, whichever session or thread runs it; see {@link #open(Transaction, int, boolean)}. */
    public static StatementBudget open(Engine engine, int count, boolean exact) {
        StatementBudget budget = new StatementBudget(count, exact, engine.showsValuesInErrors(), null, engine.executor());
        engine.executor().addObserver(budget.observer);
        return budget;
    }

    /** Told of a statement by the executor, on the thread that ran it. */
    private void ran(StatementKind kind, String sql, List<Param> params, long rows, RelationshipModel lazyLoad) {
        // The stack is walked now, while the line that touched the relationship is still on it.
        String callSite = lazyLoad == null ? null : CallSite.find();
        List<Object> shown = showValues ? params.stream().map(Param::shown).toList() : null;
        synchronized (seen) {
            if (!closed) {
                seen.add(new Statement(kind, sql, shown, rows, lazyLoad, callSite));
            }
        }
    }

    /** The statements run so far in the block, oldest first. */
    public List<Statement> statements() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** The number of statements run so far in the block. */
    public int count() {
        synchronized (seen) {
            return seen.size();
        }
    }

    /**
     * Ends the block: stops counting and checks the count. Closing again does nothing.
     *
     * @throws StatementBudgetError when the block ran more statements than allowed (or, for an exact budget, fewer)
     */
    @Override
    public void close() {
        List<Statement> statements;
        synchronized (seen) {
            if (closed) {
                return;
            }
            closed = true;
            statements = List.copyOf(seen);
        }
        if (statistics != null) {
            statistics.removeObserver(observer);
        } else {
            executor.removeObserver(observer);
        }
        if (statements.size() > limit || exact && statements.size() < limit) {
            throw new StatementBudgetError(message(statements));
        }
    }

    private String message(List<Statement> statements) {
        StringBuilder message = new StringBuilder("Expected ").append(exact ? "exactly " : "at most ").append(count(limit))
                .append(statistics != null ? " in this session" : " on this database").append(", ran ").append(statements.size()).append(statements.isEmpty() ? "" : ":");
        for (int i = 0; i < statements.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(statements.get(i));
        }
        Map<RelationshipModel, Integer> lazyLoads = new LinkedHashMap<>();
        for (Statement statement : statements) {
            if (statement.lazyLoad() != null) {
                lazyLoads.merge(statement.lazyLoad(), 1, Integer::sum);
            }
        }
        lazyLoads.forEach((relationship, times) -> {
            if (times > 1) {
                message.append("\n").append(count(times)).append(" lazy-loaded ").append(relationship)
                        .append(": load it with the query instead, .options(Load.selectin(\"").append(relationship.name())
                        .append("\")), or set batchSize on the relationship");
            }
        });
        return message.toString();
    }

    private static String count(int statements) {
        return statements == 1 ? "1 statement" : statements + " statements";
    }
}
