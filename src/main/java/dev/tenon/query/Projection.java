package dev.tenon.query;

import dev.tenon.exception.ResultSizeException;
import dev.tenon.exception.TenonException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Some columns of a query's rows rather than its objects, SQLAlchemy's {@code select(Emp.ename, Dept.dname)} or JPA's
 * {@code select new}: attribute paths (through to-one relationships, each a LEFT OUTER JOIN) and aggregates
 * ({@link Selection}), grouped or not, read into records, scalars or {@code Object[]} rows. Made from an entity query
 * by {@link Query#columns} or {@link Query#groupBy}, so that its conditions, limit and offset carry over. Each builder
 * call returns a new projection.
 *
 * <pre>{@code
 * record EmpSummary(String ename, String dname) {}
 * List<EmpSummary> clerks = session.select(Emp.class).where(eq("job", "CLERK")).orderBy("ename")
 *     .columns("ename", "department.dname").into(EmpSummary.class).list();
 * // SELECT emp_1.ename, dept_1.dname FROM scott.emp emp_1 LEFT OUTER JOIN scott.dept dept_1 ON ...
 * //   WHERE emp_1.job = ? ORDER BY emp_1.ename
 *
 * record DeptTotal(String dname, long employees, BigDecimal total) {}
 * session.select(Emp.class).groupBy("department.dname")
 *     .columns("department.dname", count().as("employees"), sum("sal").as("total"))
 *     .having(gt("employees", 3)).orderBy("total desc").into(DeptTotal.class).list();
 * // SELECT dept_1.dname, COUNT(*), SUM(emp_1.sal) FROM ... GROUP BY dept_1.dname HAVING COUNT(*) > ?
 * //   ORDER BY SUM(emp_1.sal) DESC
 * }</pre>
 *
 * <p>The rows are read straight into the results: nothing is tracked, nothing enters the identity map, and a change to
 * a result is nobody's business but the application's. Pending changes of the session are flushed first, as before
 * every query, so that the projection sees them. A record is matched with the columns by the names of its components
 * and checked (names, count, types) by {@link #into}, before any SQL; the grouping rules (every column, order term
 * and having term aggregated or grouped) are checked when the statement is compiled, also before any SQL.
 *
 * <p>{@code orderBy} and {@code having} name a column of the projection ({@code "total desc"}, {@code gt("employees",
 * 3)}) or an attribute path; to filter or order on an aggregate, select it. Loader options of the query do not apply
 * to a projection and are dropped; a locking query ({@code forUpdate()}) is refused.
 *
 * @param <R> the type of each result: a record, a scalar, or {@code Object[]}
 */
public final class Projection<R> {
    /** How the rows are read: into {@code Object[]}, a record made of every column, or the one column itself. */
    public enum Kind {
        /** {@code Object[]}, one element per column. */
        ROWS,
        /** A record whose components are matched with the columns by name. */
        RECORD,
        /** The single column's value. */
        SCALAR
    }

    /** What each row becomes: {@code type} read as {@code kind}. */
    public record Target(Class<?> type, Kind kind) {
    }

    private static final Target ROWS = new Target(Object[].class, Kind.ROWS);

    private final Query<?> query;
    private final List<Selection> selections;
    private final List<String> grouping;
    private final List<Condition> havings;
    private final List<Query.Order> orders;
    private final Target target;

    private Projection(Query<?> query, List<Selection> selections, List<String> grouping, List<Condition> havings,
                       List<Query.Order> orders, Target target) {
        this.query = query;
        this.selections = List.copyOf(selections);
        this.grouping = List.copyOf(grouping);
        this.havings = List.copyOf(havings);
        this.orders = List.copyOf(orders);
        this.target = target;
    }

    /** A projection of {@code query} without columns yet; its order moves to the projection, its options are dropped. */
    static Projection<Object[]> of(Query<?> query) {
        if (query.lock() != null) {
            throw new TenonException("A projection cannot lock rows (forUpdate(), forShare()): it reads values, not objects to change."
                    + " Drop the lock, or lock the rows with the entity query and then read them");
        }
        return new Projection<>(query.bare(), List.of(), List.of(), List.of(), query.orders(), ROWS);
    }

    /**
     * Adds columns: attribute paths as strings, each optionally followed by {@code " as "} and a name
     * ({@code "department.dname as dept"}), and aggregates ({@code count()}, {@code sum("sal").as("total")}).
     *
     * @throws TenonException when a column is null, or neither a string nor a {@link Selection}
     */
    public Projection<R> columns(Object... columns) {
        if (columns == null || columns.length == 0) {
            throw new TenonException("columns(" + (columns == null ? "null" : "") + "): name one or more columns, e.g."
                    + " columns(\"ename\", \"department.dname\") or columns(\"department.dname\", count())");
        }
        List<Selection> all = new ArrayList<>(selections);
        for (int i = 0; i < columns.length; i++) {
            Object column = columns[i];
            if (column instanceof String path) {
                all.add(Selection.attribute(path));
            } else if (column instanceof Selection selection) {
                all.add(selection);
            } else {
                throw new TenonException("columns(...): column " + i + " is " + (column == null ? "null"
                        : "a " + column.getClass().getSimpleName()) + "; pass attribute paths (\"department.dname\")"
                        + " or aggregates (count(), sum(\"sal\"))");
            }
        }
        return new Projection<>(query, all, grouping, havings, orders, target);
    }

    /** ANDs conditions into the WHERE clause, over the rows before they are grouped. */
    public Projection<R> where(Condition... conditions) {
        return new Projection<>(query.where(conditions), selections, grouping, havings, orders, target);
    }

    /** Adds GROUP BY terms: attribute paths, through to-one relationships. */
    public Projection<R> groupBy(String... paths) {
        List<String> all = new ArrayList<>(grouping);
        if (paths == null || paths.length == 0) {
            throw new TenonException("groupBy(" + (paths == null ? "null" : "") + "): name one or more attribute paths to group by");
        }
        for (String path : paths) {
            if (path == null) {
                throw new TenonException("groupBy(...): a path is null; name an attribute, or a path such as \"department.dname\"");
            }
            all.add(path);
        }
        return new Projection<>(query, selections, all, havings, orders, target);
    }

    /**
     * ANDs conditions into the HAVING clause, over the groups: each names a column of the projection (an aggregate,
     * by its name) or a grouped attribute path, e.g. {@code having(gt("employees", 3))}.
     */
    public Projection<R> having(Condition... conditions) {
        List<Condition> all = new ArrayList<>(havings);
        // where(...) checks the conditions as it would for the entity query.
        all.addAll(blank().where(conditions).conditions());
        return new Projection<>(query, selections, grouping, all, orders, target);
    }

    /** Appends ORDER BY terms: a column's name or an attribute path, optionally followed by {@code asc} or {@code desc}. */
    public Projection<R> orderBy(String... terms) {
        List<Query.Order> all = new ArrayList<>(orders);
        all.addAll(blank().orderBy(terms).orders());
        return new Projection<>(query, selections, grouping, havings, all, target);
    }

    /** At most {@code rows} results. */
    public Projection<R> limit(int rows) {
        return new Projection<>(query.limit(rows), selections, grouping, havings, orders, target);
    }

    /** Skips {@code rows} results. */
    public Projection<R> offset(int rows) {
        return new Projection<>(query.offset(rows), selections, grouping, havings, orders, target);
    }

    /**
     * Reads each row into a record whose components are matched with the columns by name: as many components as
     * columns, each named like one column and of a type its values fit ({@code long} or {@code Long} for a count, a
     * primitive only for a column that is never null). Checked now, before any SQL.
     *
     * @throws TenonException when {@code type} is not a record, or does not match the columns (with what to change)
     */
    public <V> Projection<V> into(Class<V> type) {
        if (type == null || !type.isRecord()) {
            throw new TenonException("into(" + (type == null ? "null" : type.getName()) + "): a projection is read into a record,"
                    + " whose components are matched with the columns by name; use scalars(type) for one column, list() for Object[] rows");
        }
        return checked(new Target(type, Kind.RECORD));
    }

    /**
     * Reads the one column of each row as a value of {@code type}: {@code columns("ename").scalars(String.class)}.
     * Checked now, before any SQL.
     *
     * @throws TenonException when the projection has several columns, or the column's values are not {@code type}s
     */
    public <V> Projection<V> scalars(Class<V> type) {
        if (type == null) {
            throw new TenonException("scalars(null): name the type of the column's values, e.g. scalars(String.class)");
        }
        return checked(new Target(type, Kind.SCALAR));
    }

    /** A query of the same entity without terms, which parses and checks builder arguments as the entity query does. */
    private Query<?> blank() {
        return Query.of(query.type(), query.runner());
    }

    private <V> Projection<V> checked(Target next) {
        Projection<V> projection = new Projection<>(query, selections, grouping, havings, orders, next);
        query.runner().check(projection);
        return projection;
    }

    /** Every result. */
    public List<R> list() {
        return query.runner().list(this);
    }

    /** The first result, or null: runs with LIMIT 1. */
    public R first() {
        List<R> results = limit(1).list();
        return results.isEmpty() ? null : results.get(0);
    }

    /**
     * Exactly one result.
     *
     * @throws ResultSizeException when there are none or several
     */
    public R one() {
        List<R> results = list();
        if (results.size() != 1) {
            throw new ResultSizeException("Expected exactly one row of " + selections + " but found " + results.size()
                    + (results.isEmpty() ? "; use first() when none is a valid answer" : "; add conditions to narrow the query")
                    + "\nSQL: " + toSql());
        }
        return results.get(0);
    }

    /** Results read from the cursor as they are consumed; close the stream (try-with-resources) to close the cursor. */
    public Stream<R> stream() {
        return query.runner().stream(this);
    }

    /** The SQL of the statement, with its parameters, for reading and debugging. */
    public String toSql() {
        return query.runner().toSql(this);
    }

    /** The plan of the one statement a projection runs: no relationships, no other statement. */
    public LoadPlan explain() {
        return LoadPlan.single(query.type().getSimpleName(), toSql());
    }

    /** The entity query whose rows are projected: its conditions, limit and offset (its order is the projection's). */
    public Query<?> query() {
        return query;
    }

    /** The columns, in order. */
    public List<Selection> selections() {
        return selections;
    }

    /** The GROUP BY paths. */
    public List<String> grouping() {
        return grouping;
    }

    /** The HAVING conditions, ANDed. */
    public List<Condition> havings() {
        return havings;
    }

    /** The ORDER BY terms. */
    public List<Query.Order> orders() {
        return orders;
    }

    /** What each row is read into. */
    public Target target() {
        return target;
    }

    @Override
    public String toString() {
        return toSql();
    }
}
