package dev.tenon.session;

import dev.tenon.engine.RowHandler;
import dev.tenon.exception.MappingException;
import dev.tenon.exception.ResultSizeException;
import dev.tenon.exception.TenonException;
import dev.tenon.metadata.ColumnType;
import dev.tenon.metadata.EntityModel;
import dev.tenon.sql.BoundSql;
import dev.tenon.sql.NamedParameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written statement run in the session's transaction, with named parameters ({@code :name}) always bound as
 * JDBC parameters (see {@link NamedParameters} for what is and is not a parameter, and how a collection binds for
 * {@code IN (:ids)}). Made by {@link Session#sql(String)}; bind every parameter, then run it once or more:
 *
 * <pre>{@code
 * List<Emp> clerks = session.sql("SELECT * FROM scott.emp WHERE job = :job ORDER BY empno").bind("job", "CLERK").list(Emp.class);
 * List<Pay> pay = session.sql("SELECT ename, sal AS salary FROM scott.emp").list(Pay.class);   // record Pay(String ename, BigDecimal salary)
 * long clerks = session.sql("SELECT COUNT(*) FROM scott.emp WHERE job = :job").bind("job", "CLERK").scalar(Long.class);
 * int moved = session.sql("UPDATE scott.emp SET deptno = :to WHERE deptno = :from").bind("to", 40).bind("from", 10).execute();
 * }</pre>
 *
 * <ul>
 * <li>Each run flushes what is pending first, so that the statement sees it, and runs in the session's transaction,
 * begun for it: Tenon does not read the statement to learn whether it writes ({@code UPDATE ... RETURNING}) or locks
 * ({@code FOR UPDATE}). In a read-only session it reads on the session's connection and {@link #execute()} is refused
 * before any SQL.</li>
 * <li>It is logged on {@code tenon.sql} and counted like every statement; when it fails, the transaction is lost as
 * with any statement (the next one is refused until {@code commit()} or {@code rollback()} ends it).</li>
 * <li>{@link #execute()} does not touch the session's objects: what it changes in rows the session holds is not in
 * those objects until they are refreshed. Use {@link Session#update(Class)} and {@link Session#delete(Class)} for bulk
 * writes that keep them in step.</li>
 * </ul>
 *
 * Not thread-safe, like its session.
 */
public final class PlainSql {
    private final SessionContext context;
    private final SessionTransaction transaction;
    private final NamedParameters statement;
    private final Map<String, Object> values = new HashMap<>();

    PlainSql(SessionContext context, SessionTransaction transaction, String sql) {
        this.context = context;
        this.transaction = transaction;
        this.statement = NamedParameters.parse(sql);
    }

    /**
     * Binds a value to the parameter {@code :name} (again, to replace it); a collection binds one value per element.
     *
     * @throws TenonException when the statement has no such parameter
     */
    public PlainSql bind(String name, Object value) {
        if (!statement.distinctNames().contains(name)) {
            throw new TenonException("session.sql(...).bind(\"" + name + "\", ...): the statement has no parameter :" + name
                    + "; its parameters are " + statement.distinctNames().stream().map(n -> ":" + n).toList() + "\nSQL: " + statement.sql());
        }
        values.put(name, value);
        return this;
    }

    /**
     * The rows as objects of {@code type}, in row order: an entity's objects (each once, in the order of its first row;
     * an object the session holds is the same instance, unflushed changes and all; relationships load as mapped, with
     * selectin for what is mapped joined or subquery), or records.
     *
     * <p>An entity is read from every column it maps, found by name in any order ({@code SELECT e.*} or each column
     * named; other columns may come too); a column it maps and the statement does not return is an error naming it,
     * raised on the first row. A record takes each column by its label (see {@code RecordRows}).
     */
    public <T> List<T> list(Class<T> type) {
        return context.guard().call(() -> {
            BoundSql sql = prepare();
            if (context.metadata().isMapped(type)) {
                EntityModel entity = context.metadata().entity(type);
                List<Object> objects = context.queryRunner().fromStatement(entity, sql, !context.handle().isReadOnly());
                List<T> typed = new ArrayList<>(objects.size());
                objects.forEach(object -> typed.add(type.cast(object)));
                return typed;
            }
            if (!type.isRecord()) {
                throw new MappingException("session.sql(...).list(" + type.getName() + ".class): " + type.getSimpleName()
                        + " is neither an entity of this session's metadata nor a record; list entities or records, or read one column"
                        + " with scalars(" + type.getSimpleName() + ".class)");
            }
            List<T> records = new ArrayList<>();
            List<RecordRows<T>> reader = new ArrayList<>(1);     // made on the first row, from its columns
            run(sql, row -> {
                if (reader.isEmpty()) {
                    reader.add(RecordRows.of(type, row.getMetaData(), sql.sql()));
                }
                records.add(reader.get(0).read(row));
            });
            return records;
        });
    }

    /**
     * The one row as an object of {@code type} (see {@link #list(Class)}).
     *
     * @throws ResultSizeException when there are no rows, or several
     */
    public <T> T one(Class<T> type) {
        List<T> found = list(type);
        if (found.size() != 1) {
            throw new ResultSizeException("session.sql(...).one(" + type.getSimpleName() + ".class) expected exactly one "
                    + (context.metadata().isMapped(type) ? "object" : "row") + " but found " + found.size() + "\nSQL: " + statement.sql());
        }
        return found.get(0);
    }

    /**
     * The statement's one value: its only column of its only row, read as {@code type}; null when there is no row.
     *
     * @throws ResultSizeException when there are several rows
     */
    public <T> T scalar(Class<T> type) {
        List<T> found = scalars(type);
        if (found.size() > 1) {
            throw new ResultSizeException("session.sql(...).scalar(" + type.getSimpleName() + ".class) expected at most one row but "
                    + "found " + found.size() + "; read them with scalars(" + type.getSimpleName() + ".class)\nSQL: " + statement.sql());
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The statement's only column, one value per row, read as {@code type} (null for SQL NULL). */
    public <T> List<T> scalars(Class<T> type) {
        return context.guard().call(() -> {
            BoundSql sql = prepare();
            ColumnType columnType = ColumnType.of(type);
            List<T> found = new ArrayList<>();
            boolean[] checked = {false};
            run(sql, row -> {
                if (!checked[0]) {
                    int columns = row.getMetaData().getColumnCount();
                    if (columns != 1) {
                        throw new MappingException("session.sql(...).scalars(" + type.getSimpleName() + ".class) reads one column, but the"
                                + " statement returns " + columns + "; select one, or read the rows as records with list(...)\nSQL: " + sql.sql());
                    }
                    checked[0] = true;
                }
                Object value = columnType != null ? columnType.read(row, 1) : type == Object.class ? row.getObject(1) : row.getObject(1, type);
                found.add(type.cast(value));
            });
            return found;
        });
    }

    /**
     * Runs a statement that returns no rows (an UPDATE, a DELETE, an INSERT, DDL) and returns its update count. The
     * session's objects are left as they are (see above).
     */
    public int execute() {
        return context.guard().call(() -> {
            BoundSql sql = prepare();
            return context.transaction().update(sql);
        });
    }

    /** The statement as written. */
    @Override
    public String toString() {
        return statement.sql();
    }

    /** Binds the values (every parameter bound, none unknown) and flushes what is pending, before any SQL. */
    private BoundSql prepare() {
        context.checkOpen();
        BoundSql sql = statement.bind(values);
        transaction.autoflush();
        return sql;
    }

    private void run(BoundSql sql, RowHandler handler) {
        if (context.handle().isReadOnly()) {
            context.transaction().query(sql, handler);
        } else {
            context.transaction().queryInTransaction(sql, handler);
        }
    }
}
