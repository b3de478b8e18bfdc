package dev.tenon.loading;

import dev.tenon.exception.TenonException;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.query.Condition;
import dev.tenon.query.LoadPlan;
import dev.tenon.query.Projection;
import dev.tenon.query.Query;
import dev.tenon.query.QueryRunner;
import dev.tenon.sql.BoundSql;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Param;
import dev.tenon.sql.Select;
import dev.tenon.sql.ValueParam;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs queries for a session, the front of the loader engine: finds the query's compiled statement by its shape
 * (compiling it the first time), binds the query's values, runs it, and lets the engine assemble the objects and
 * each strategy load its relationships; a projection is run by a {@link ProjectionExecutor}. Flushes pending changes first (autoflush), so a query sees what the session
 * holds. A read-only query runs in an engine of its own, whose identity map holds only its result. A query that locks
 * rows ({@code forUpdate()}) begins the session's transaction, which holds the locks until it ends; a stream's cursor
 * has begun it already.
 */
public final class QueryExecutor implements QueryRunner {
    private final LoadContext context;
    private final Runnable autoflush;
    private final LoadingEngine engine;
    private final QueryCompiler compiler;
    private final ProjectionExecutor projections;

    /** An executor for one session. */
    public QueryExecutor(LoadContext context, Runnable autoflush) {
        this.context = context;
        this.autoflush = autoflush;
        this.engine = new LoadingEngine(context);
        this.compiler = new QueryCompiler(context.metadata(), context.dialect());
        this.projections = new ProjectionExecutor(context, autoflush, compiler);
    }

    @Override
    public <T> List<T> list(Query<T> query) {
        autoflush.run();
        Object shape = shape(query);
        CompiledQuery compiled = compiled(shape, query);
        List<Param> params = QueryValues.params(query, compiled.slots(), context.dialect());
        LoadingEngine runner = engineFor(query).bind(PlanValues.of(compiled.root(), query.options()));
        boolean locks = query.lock() != null;
        // Subquery loading runs the parent query again, unlocked: with skipLocked() it would meet other rows than the
        // locked ones (and in any case rows changed since), so a locking query's children are loaded by their keys.
        ParentSource source = locks ? ParentSource.NONE : new ParentSource(shape, () -> compiler.core(query), params);
        // The root objects are instances of the query's type: they were made for its entity.
        @SuppressWarnings("unchecked")
        List<T> results = (List<T>) runner.run(compiled, params, source, new ResultAssembler.Origin("select", compiled.root().entity.name()), locks);
        return results;
    }

    /**
     * Streams the results: rows are fetched from the cursor as the stream is consumed, and the relationships of
     * each chunk of parents (one batch) are loaded before the chunk is handed out. A strategy that needs all the rows
     * of a parent, or the whole parent query, refuses (joined collections, subquery loading): use selectin. Once the
     * stream moves past a chunk, its unchanged objects leave the session (they become detached), so memory stays
     * bounded.
     */
    @Override
    public <T> Stream<T> stream(Query<T> query) {
        autoflush.run();
        CompiledQuery compiled = compiled(shape(query), query);
        for (LoadNode child : compiled.root().children) {
            String refusal = Loaders.of(child.strategy).streamRefusal(child, QueryCompiler::repeats);
            if (refusal != null) {
                throw new TenonException("stream() cannot load " + child.relationship + " with " + child.strategy + ": " + refusal
                        + "; use Load.selectin(\"" + child.relationship.name() + "\")");
            }
        }
        List<Param> params = QueryValues.params(query, compiled.slots(), context.dialect());
        LoadingEngine runner = engineFor(query).bind(PlanValues.of(compiled.root(), query.options()));
        return Chunks.stream(runner, compiled, new BoundSql(compiled.sql(), params), query.type());
    }

    private Object shape(Query<?> query) {
        return QueryValues.shape(query, context.metadata().entity(query.type()), context.dialect());
    }

    /** The query's statement, compiled the first time its shape is run anywhere in the database. */
    private CompiledQuery compiled(Object shape, Query<?> query) {
        return context.statements().query(shape, () -> compiler.compile(query));
    }

    /** The session's engine, or for a read-only query one whose identity map holds only its result. */
    private LoadingEngine engineFor(Query<?> query) {
        return query.isReadOnly() ? new LoadingEngine(new ReadOnlyContext(context)) : engine;
    }

    @Override
    public long count(Query<?> query) {
        autoflush.run();
        CompiledQuery compiled = context.statements().query(List.of("count", shape(query)),
                () -> compiler.count(query));
        long[] result = {0};
        context.transaction().query(new BoundSql(compiled.sql(), QueryValues.params(query, compiled.slots(), context.dialect())),
                row -> result[0] = row.getLong(1));
        return result[0];
    }

    @Override
    public String toSql(Query<?> query) {
        CompiledQuery compiled = compiled(shape(query), query);
        return new BoundSql(compiled.sql(), QueryValues.params(query, compiled.slots(), context.dialect())).toString();
    }

    /**
     * The query's load plan, explained: its statement and those of its strategies compiled (and cached) as running it
     * would, none run.
     */
    @Override
    public LoadPlan explain(Query<?> query) {
        Object shape = shape(query);
        CompiledQuery compiled = compiled(shape, query);
        List<Param> params = QueryValues.params(query, compiled.slots(), context.dialect());
        ParentSource source = query.lock() != null ? ParentSource.NONE : new ParentSource(shape, () -> compiler.core(query), params);
        return PlanExplainer.explain(engine, query, compiled, new BoundSql(compiled.sql(), params).toString(), source);
    }

    @Override
    public <R> List<R> list(Projection<R> projection) {
        return projections.list(projection);
    }

    @Override
    public <R> Stream<R> stream(Projection<R> projection) {
        return projections.stream(projection);
    }

    @Override
    public String toSql(Projection<?> projection) {
        return projections.toSql(projection);
    }

    @Override
    public void check(Projection<?> projection) {
        projections.check(projection);
    }

    /**
     * The object with this key, loaded with the mapping's default strategies; null when there is no such row. The
     * statement is compiled once per entity and database, and found without computing the shape of a query.
     */
    public Object getByKey(EntityModel entity, Object key) {
        List<ColumnModel> columns = entity.primaryKey();
        CompiledQuery compiled = context.statements().byKey(entity, () -> compiler.compile(byKey(entity, key)));
        autoflush.run();
        List<Param> params = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            params.add(new ValueParam(columns.size() == 1 ? key : ((List<?>) key).get(i), columns.get(i).type()));
        }
        ParentSource source = new ParentSource(List.of("get", entity), () -> compiler.core(byKey(entity, key)), params);
        List<Object> found = engine.run(compiled, params, source, new ResultAssembler.Origin("select", entity.name()), false);
        return found.isEmpty() ? null : found.get(0);
    }

    private Query<?> byKey(EntityModel entity, Object key) {
        List<ColumnModel> columns = entity.primaryKey();
        Condition[] conditions = new Condition[columns.size()];
        for (int i = 0; i < conditions.length; i++) {
            conditions[i] = Condition.eq(columns.get(i).attribute(), columns.size() == 1 ? key : ((List<?>) key).get(i));
        }
        return Query.of(entity.type(), this).where(conditions);
    }

    /**
     * The objects of {@code entity} a hand-written statement returns, read as a query's are (see
     * {@link StatementLoader}), each once in the order of its first row; the caller has flushed what was pending.
     */
    public List<Object> fromStatement(EntityModel entity, BoundSql sql, boolean inTransaction) {
        return StatementLoader.load(engine, entity, sql, inTransaction);
    }

    /** The rows of its table a query's conditions match, as a bulk UPDATE or DELETE writes them ({@link RowFilter}). */
    public RowFilter rowFilter(Query<?> query) {
        return RowFilter.of(context.metadata().entity(query.type()), compiler.core(query));
    }

    /**
     * Gives an object added back to the session a lazy load of each relationship it had not loaded in the session it
     * left, through the engine like any other lazy load: the stand-ins it holds belong to that session.
     */
    public void reattach(InstanceState state, RelationshipModel relationship) {
        LazyLoader.install(engine, state, relationship);
    }

    /** Reads an object's row again and overwrites its columns, which are then unchanged; false when the row is gone. */
    public boolean refresh(InstanceState state) {
        EntityModel entity = state.entity();
        Select select = new Select().from(new FromItem.TableRef(entity.table(), "t"));
        for (ColumnModel column : entity.columns()) {
            select.select(Expression.column("t", column), null);
        }
        List<ColumnModel> key = entity.primaryKey();
        for (int i = 0; i < key.size(); i++) {
            Object value = key.size() == 1 ? state.id() : ((List<?>) state.id()).get(i);
            select.where(Expression.compare(Expression.column("t", key.get(i)), "=", Expression.value(value, key.get(i).type())));
        }
        long rows = context.transaction().query(select.toBoundSql(context.dialect()), row -> {
            for (int i = 0; i < entity.columns().size(); i++) {
                ColumnModel column = entity.columns().get(i);
                Object value = column.type().read(row, i + 1);
                if (value != null || !column.type().javaType().isPrimitive()) {
                    column.set(state.object(), value);
                }
            }
            state.valuesLoaded();
        });
        return rows > 0;
    }
}
