package dev.tenon.query;

import dev.tenon.exception.ResultSizeException;
import dev.tenon.exception.TenonException;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.sql.RowLock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SELECT of one entity, built fluently and run by its session: SQLAlchemy's {@code select(Dept)}.
 * Each builder call returns a new query, so a query can be shared and refined.
 *
 * <pre>{@code
 * List<Dept> depts = session.select(Dept.class)
 *     .where(Condition.like("dname", "S%"))
 *     .options(Load.selectin("employees"))
 *     .orderBy("deptno")
 *     .list();
 * }</pre>
 *
 * @param <T> the entity type
 */
public final class Query<T> {
    /** An ORDER BY term: an attribute path and a direction. */
    public record Order(String path, boolean descending) {
    }

    /** Restricts a query to the children of one parent: how a dynamic relationship is a query. */
    public record Parent(RelationshipModel relationship, Object parent) {
    }

    private final Class<T> type;
    private final QueryRunner runner;
    private final List<Condition> conditions;
    private final List<Order> orders;
    private final List<Load> options;
    private final Integer limit;
    private final Integer offset;
    private final Parent parent;
    private final boolean readOnly;
    private final RowLock lock;

    private Query(Class<T> type, QueryRunner runner, List<Condition> conditions, List<Order> orders, List<Load> options,
                  Integer limit, Integer offset, Parent parent, boolean readOnly, RowLock lock) {
        this.type = type;
        this.runner = runner;
        this.conditions = List.copyOf(conditions);
        this.orders = List.copyOf(orders);
        this.options = List.copyOf(options);
        this.limit = limit;
        this.offset = offset;
        this.parent = parent;
        this.readOnly = readOnly;
        this.lock = lock;
    }

    /** A query over every row of {@code type}, run by {@code runner}. */
    public static <T> Query<T> of(Class<T> type, QueryRunner runner) {
        return new Query<>(type, runner, List.of(), List.of(), List.of(), null, null, null, false, null);
    }

    /** A copy restricted to the children of {@code parent} through {@code relationship}. */
    public Query<T> childrenOf(RelationshipModel relationship, Object parentObject) {
        return new Query<>(type, runner, conditions, orders, options, limit, offset, new Parent(relationship, parentObject), readOnly, lock);
    }

    /** ANDs conditions into the WHERE clause. */
    public Query<T> where(Condition... more) {
        List<Condition> all = new ArrayList<>(conditions);
        all.addAll(nonNull(more, "where", "condition"));
        return new Query<>(type, runner, all, orders, options, limit, offset, parent, readOnly, lock);
    }

    /**
     * Appends ORDER BY terms: attribute paths, each optionally followed by {@code " desc"} (or {@code " asc"}).
     *
     * @throws IllegalArgumentException when a term is not of that form
     * @throws TenonException when a term is null
     */
    public Query<T> orderBy(String... terms) {
        List<Order> all = new ArrayList<>(orders);
        for (String term : nonNull(terms, "orderBy", "term")) {
            String[] words = term.trim().split("\\s+");
            boolean valid = !words[0].isEmpty() && (words.length == 1
                    || words.length == 2 && (words[1].equalsIgnoreCase("asc") || words[1].equalsIgnoreCase("desc")));
            if (!valid) {
                throw new IllegalArgumentException("orderBy(\"" + term + "\"): expected an attribute path, optionally followed by asc or desc, "
                        + "e.g. orderBy(\"sal desc\", \"ename\")");
            }
            all.add(new Order(words[0], words.length == 2 && words[1].equalsIgnoreCase("desc")));
        }
        return new Query<>(type, runner, conditions, all, options, limit, offset, parent, readOnly, lock);
    }

    /** At most {@code rows} results; with a joined collection, {@code rows} parents. */
    public Query<T> limit(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + rows);
        }
        return new Query<>(type, runner, conditions, orders, options, rows, offset, parent, readOnly, lock);
    }

    /** Skips {@code rows} results (parents, with a joined collection). */
    public Query<T> offset(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + rows);
        }
        return new Query<>(type, runner, conditions, orders, options, limit, rows, parent, readOnly, lock);
    }

    /**
     * A copy whose results are not tracked by the session: plain objects for a report, an export or an API response,
     * read without the bookkeeping of the unit of work. Identity is still resolved within the one result (two rows of
     * the same department give one object), relationships load by the same strategies (a lazy one while the session
     * is open), and the objects are never flushed: <b>a change made to them is not written</b>. To change an object,
     * load it with a tracking query.
     */
    public Query<T> readOnly() {
        if (lock != null) {
            throw lockedReadOnly();
        }
        return new Query<>(type, runner, conditions, orders, options, limit, offset, parent, true, lock);
    }

    /** Whether the results are read-only, not tracked by the session. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * A copy that locks the rows it reads ({@code SELECT ... FOR UPDATE}) until the session commits or rolls back:
     * no other transaction can lock, change or delete them meanwhile, and one that tries waits. The query begins the
     * session's transaction when it has not begun (reads otherwise run in auto-commit, where a lock would end with its
     * statement). Keeps {@link #skipLocked()} or {@link #noWait()} if given.
     *
     * <p>The rows locked are the queried entity's own, as with SQLAlchemy's {@code with_for_update()} without
     * {@code of}: not those of a relationship joined in the same statement (PostgreSQL gets {@code FOR UPDATE OF} the
     * entity's table), nor those loaded by selectin or subquery statements, which do not lock. A relationship loaded
     * by subquery is loaded by its parents' keys instead, since the parent query run again would not meet the same
     * rows. With a LIMIT and a joined collection, the lock is taken in the nested query of the parents. A stream locks
     * the rows as its cursor reads them.
     *
     * <p>On H2 the same, except that H2 also locks the rows of an inner-joined table (a mandatory reference loaded
     * joined, the link table of a many-to-many relationship's children), so such a query is refused with an
     * {@link dev.tenon.exception.UnsupportedFeatureException} before any SQL: load the reference with
     * {@code Load.selectin} instead.
     *
     * @throws TenonException on a {@link #readOnly()} query, whose objects are not tracked: nothing changed on them
     *                        would be written
     */
    public Query<T> forUpdate() {
        return locking(RowLock.Strength.UPDATE, lock == null ? RowLock.Wait.WAIT : lock.waitPolicy());
    }

    /**
     * {@link #forUpdate()} with a shared lock ({@code FOR SHARE}): other transactions may read and share-lock the rows
     * too, but not change or delete them. PostgreSQL only: H2 has no shared row lock, and the query is refused there
     * with an {@link dev.tenon.exception.UnsupportedFeatureException}.
     */
    public Query<T> forShare() {
        return locking(RowLock.Strength.SHARE, lock == null ? RowLock.Wait.WAIT : lock.waitPolicy());
    }

    /**
     * A locking copy ({@link #forUpdate()} when no lock was asked for) that passes over rows another transaction has
     * locked, as if they did not match ({@code SKIP LOCKED}): how workers share a job queue, each claiming a job no
     * other holds.
     *
     * <pre>{@code
     * Job job = session.select(Job.class).where(Condition.eq("status", "NEW")).orderBy("id")
     *     .limit(1).forUpdate().skipLocked().first();
     * if (job != null) { job.status = "DONE"; session.commit(); }   // the commit ends the lock
     * }</pre>
     *
     * @throws TenonException after {@link #noWait()}, or on a read-only query
     */
    public Query<T> skipLocked() {
        if (lock != null && lock.waitPolicy() == RowLock.Wait.NOWAIT) {
            throw bothWaitPolicies();
        }
        return locking(lock == null ? RowLock.Strength.UPDATE : lock.strength(), RowLock.Wait.SKIP_LOCKED);
    }

    /**
     * A locking copy ({@link #forUpdate()} when no lock was asked for) that fails at once when a row it reads is locked
     * by another transaction ({@code NOWAIT}) instead of waiting: a {@link dev.tenon.exception.SqlExecutionException}
     * whose {@code isLockNotAvailable()} is true. Like any failed statement, that ends the session's transaction:
     * roll back, then try again.
     *
     * @throws TenonException after {@link #skipLocked()}, or on a read-only query
     */
    public Query<T> noWait() {
        if (lock != null && lock.waitPolicy() == RowLock.Wait.SKIP_LOCKED) {
            throw bothWaitPolicies();
        }
        return locking(lock == null ? RowLock.Strength.UPDATE : lock.strength(), RowLock.Wait.NOWAIT);
    }

    /** The row lock the query takes, or null for none. */
    public RowLock lock() {
        return lock;
    }

    private Query<T> locking(RowLock.Strength strength, RowLock.Wait wait) {
        if (readOnly) {
            throw lockedReadOnly();
        }
        return new Query<>(type, runner, conditions, orders, options, limit, offset, parent, readOnly, new RowLock(strength, wait));
    }

    private static TenonException lockedReadOnly() {
        return new TenonException("A read-only query cannot lock its rows (forUpdate(), forShare(), skipLocked(), noWait()): "
                + "its objects are not tracked, so a change made to them is never written and the lock would guard nothing. "
                + "Drop readOnly() to lock the rows and change them, or drop the lock to only read them");
    }

    private static TenonException bothWaitPolicies() {
        return new TenonException("skipLocked() and noWait() together: skipLocked() passes over a row another transaction "
                + "has locked, noWait() fails at it; keep one of them");
    }

    /** Adds loader options. */
    public Query<T> options(Load... more) {
        List<Load> all = new ArrayList<>(options);
        all.addAll(nonNull(more, "options", "option"));
        return new Query<>(type, runner, conditions, orders, all, limit, offset, parent, readOnly, lock);
    }

    /**
     * A projection of this query's rows: some columns, attribute paths or aggregates ({@link Selection}), read into
     * records, scalars or {@code Object[]} rows; this query's conditions, order, limit and offset carry over.
     *
     * <pre>{@code
     * session.select(Emp.class).where(eq("job", "CLERK")).orderBy("ename")
     *     .columns("ename", "department.dname as dept").into(EmpSummary.class).list();
     * }</pre>
     *
     * @see Projection
     */
    public Projection<Object[]> columns(Object... columns) {
        return Projection.of(this).columns(columns);
    }

    /**
     * A projection of this query's rows grouped by attribute paths; name its columns next:
     * {@code groupBy("department.dname").columns("department.dname", count(), sum("sal"))}.
     *
     * @see Projection
     */
    public Projection<Object[]> groupBy(String... paths) {
        return Projection.of(this).groupBy(paths);
    }

    /** This query without its order and loader options: what a projection starts from. */
    Query<T> bare() {
        return new Query<>(type, runner, conditions, List.of(), List.of(), limit, offset, parent, readOnly, lock);
    }

    /** The runner this query was handed by its session. */
    QueryRunner runner() {
        return runner;
    }

    /** The arguments of a builder call, refused with a message naming the call when they or one of them is null. */
    private static <E> List<E> nonNull(E[] arguments, String call, String what) {
        if (arguments == null) {
            throw new TenonException(call + "(null): the " + what + "s are null; pass one or more");
        }
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == null) {
                throw new TenonException(call + "(...): " + what + " " + i + " is null");
            }
        }
        return List.of(arguments);
    }

    /**
     * This query as a subquery selecting one attribute, for {@link Condition#in(String, Subquery)} and
     * {@link Condition#notIn(String, Subquery)}: {@code select(Emp.class).where(gt("sal", 2000)).attribute("deptno")}.
     * The attribute is checked against the mapping when the outer query runs.
     *
     * @throws TenonException when the query has a limit, an offset, a row lock, loader options or a parent: a subquery
     *                        keeps only its entity and conditions, and those would silently change nothing
     */
    public Subquery attribute(String name) {
        List<String> unsupported = new ArrayList<>();
        if (limit != null || offset != null) {
            unsupported.add("limit()/offset()");
        }
        if (lock != null) {
            unsupported.add("a row lock");
        }
        if (!options.isEmpty()) {
            unsupported.add("loader options");
        }
        if (parent != null) {
            unsupported.add("a parent (a dynamic relationship's query)");
        }
        if (!unsupported.isEmpty()) {
            throw new TenonException("attribute(\"" + name + "\"): a subquery selects one attribute of the rows its conditions match,"
                    + " and this query has " + String.join(", ", unsupported) + "; build the subquery from select(" + type.getSimpleName()
                    + ".class).where(...) alone");
        }
        return new Subquery(type, conditions, name);
    }

    /** Every result. */
    public List<T> list() {
        return runner.list(this);
    }

    /** The first result, or null: runs with LIMIT 1. */
    public T first() {
        List<T> results = limit(1).list();
        return results.isEmpty() ? null : results.get(0);
    }

    /**
     * Exactly one result.
     *
     * @throws ResultSizeException when there are none or several
     */
    public T one() {
        List<T> results = list();
        if (results.size() != 1) {
            throw new ResultSizeException("Expected exactly one " + type.getSimpleName() + " but found " + results.size()
                    + (results.isEmpty() ? "; use first() when none is a valid answer" : "; add conditions to narrow the query")
                    + "\nSQL: " + toSql());
        }
        return results.get(0);
    }

    /**
     * Results fetched as they are consumed, a batch at a time; close the stream (try-with-resources) to close the
     * cursor. Objects the stream has moved past leave the session unless changed, so memory stays bounded.
     */
    public Stream<T> stream() {
        return runner.stream(this);
    }

    /**
     * The number of rows the query matches, without loading them.
     *
     * @throws TenonException on a locking query: a count locks no row (the databases refuse {@code FOR UPDATE} with
     *                        an aggregate); list the rows to lock them
     */
    public long count() {
        if (lock != null) {
            throw new TenonException("count() cannot lock rows: the databases refuse FOR UPDATE with COUNT(*). "
                    + "Call list() on the locking query to lock the rows, or count() on one without forUpdate()");
        }
        return runner.count(this);
    }

    /** The SQL of the main statement, with its parameters, for reading and debugging. */
    public String toSql() {
        return runner.toSql(this);
    }

    /**
     * What the query will load and what it will cost, without running anything: each relationship's strategy and where
     * it came from, the statements each runs and how their number grows, and their SQL. {@code println} it, or check
     * {@link LoadPlan#predict} in a test.
     */
    public LoadPlan explain() {
        return runner.explain(this);
    }

    /** The queried entity type. */
    public Class<T> type() {
        return type;
    }

    /** The WHERE conditions, ANDed. */
    public List<Condition> conditions() {
        return conditions;
    }

    /** The ORDER BY terms. */
    public List<Order> orders() {
        return orders;
    }

    /** The loader options. */
    public List<Load> options() {
        return options;
    }

    /** LIMIT, or null. */
    public Integer limit() {
        return limit;
    }

    /** OFFSET, or null. */
    public Integer offset() {
        return offset;
    }

    /** The parent restriction of a dynamic relationship, or null. */
    public Parent parent() {
        return parent;
    }

    @Override
    public String toString() {
        return toSql();
    }
}
