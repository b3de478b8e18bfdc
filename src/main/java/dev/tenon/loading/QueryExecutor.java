package dev.tenon.loading;

import dev.tenon.TenonException;
import dev.tenon.annotation.Lazy;
import dev.tenon.engine.Cursor;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.query.Condition;
import dev.tenon.query.Query;
import dev.tenon.query.QueryRunner;
import dev.tenon.sql.BoundSql;
import dev.tenon.sql.Param;
import dev.tenon.sql.ValueParam;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Select;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Runs queries for a session: compiles them, runs the statement through the executor, assembles the objects,
 * and lets each relationship's strategy do its part. Flushes pending changes first (autoflush), so a query sees
 * what the session holds.
 */
public final class QueryExecutor implements QueryRunner {
    private final LoadContext context;
    private final Runnable autoflush;
    private final QueryCompiler compiler;

    /** An executor for one session. */
    public QueryExecutor(LoadContext context, Runnable autoflush) {
        this.context = context;
        this.autoflush = autoflush;
        this.compiler = new QueryCompiler(context.metadata());
    }

    @Override
    public <T> List<T> list(Query<T> query) {
        autoflush.run();
        CompiledQuery compiled = compiler.compile(query);
        // The root objects are instances of the query's type: they were made for its entity.
        @SuppressWarnings("unchecked")
        List<T> results = (List<T>) run(compiled.root(), new ParentSource(compiled.core()), compiled.select().toBoundSql(context.dialect()));
        return results;
    }

    private List<Object> run(LoadNode root, ParentSource source, BoundSql sql) {
        ResultAssembler assembler = new ResultAssembler(context, root, source, "select " + root.entity.name());
        context.transaction().query(sql, assembler::row);
        assembler.finish();
        return assembler.rootObjects();
    }

    /**
     * Streams the results: rows are fetched from the cursor as the stream is consumed, and the relationships of
     * each chunk of parents (one batch) are loaded before the chunk is handed out. A joined collection would
     * spread one parent over rows of several chunks, so streaming refuses it: use selectin. Once the stream moves
     * past a chunk, its unchanged objects leave the session (they become detached), so memory stays bounded.
     */
    @Override
    public <T> Stream<T> stream(Query<T> query) {
        autoflush.run();
        CompiledQuery compiled = compiler.compile(query);
        for (LoadNode child : compiled.root().children) {
            boolean spreadsOverRows = child.strategy == Lazy.JOINED && (child.relationship.collection() || QueryCompiler.hasJoinedCollection(child));
            if (spreadsOverRows || child.strategy == Lazy.SUBQUERY) {
                throw new TenonException("stream() cannot load " + child.relationship + " with " + child.strategy
                        + (spreadsOverRows ? " (or a joined collection below it)" : "")
                        + ": a chunk of the stream does not hold all its rows; use Load.selectin(\"" + child.relationship.name() + "\")");
            }
        }
        Cursor cursor = context.transaction().cursor(compiled.select().toBoundSql(context.dialect()), context.selectinBatchSize());
        Spliterator<T> chunks = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            private final List<T> buffer = new ArrayList<>();
            private int next;
            private boolean exhausted;

            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                if (next == buffer.size() && !fill()) {
                    return false;
                }
                action.accept(buffer.get(next++));
                return true;
            }

            private final List<InstanceState> handedOut = new ArrayList<>();
            private ResultAssembler handedOutBy;

            /**
             * The objects of the chunk the stream has moved past leave the session unless they were changed, so
             * that a stream of any length runs in bounded memory (related objects loaded eagerly stay).
             */
            private void evictHandedOut() {
                for (InstanceState state : handedOut) {
                    if (context.identityMap().state(state.object()) == state && state.status() == dev.tenon.identity.Status.PERSISTENT
                            && !state.isModified()) {
                        context.identityMap().evict(state);
                    }
                }
                handedOut.clear();
                if (handedOutBy != null) {
                    handedOutBy.releaseRoots();
                }
            }

            private boolean fill() {
                evictHandedOut();
                buffer.clear();
                next = 0;
                if (exhausted) {
                    return false;
                }
                ResultAssembler assembler = new ResultAssembler(context, compiled.root(), ParentSource.NONE, "stream " + compiled.root().entity.name());
                try {
                    while (assembler.rootCount() < context.selectinBatchSize()) {
                        if (!cursor.next()) {
                            // A stream read to its end without try-with-resources must not leave its cursor open.
                            exhausted = true;
                            cursor.close();
                            break;
                        }
                        assembler.row(cursor.row());
                    }
                } catch (SQLException e) {
                    throw cursor.failedReading(e);
                }
                assembler.finish();
                handedOutBy = assembler;
                for (InstanceState state : assembler.roots()) {
                    handedOut.add(state);
                    buffer.add(query.type().cast(state.object()));
                }
                return !buffer.isEmpty();
            }
        };
        return StreamSupport.stream(chunks, false).onClose(cursor::close);
    }

    @Override
    public long count(Query<?> query) {
        autoflush.run();
        EntityModel entity = context.metadata().entity(query.type());
        CompiledQuery.Core core = compiler.core(query, entity, new Aliases());
        core.select().orderTerms().clear();
        for (ColumnModel column : entity.primaryKey()) {
            core.select().select(Expression.column(core.rootAlias(), column), null);
        }
        Select count = new Select().from(new FromItem.SubqueryRef(core.select(), "anon_1"));
        count.select(Expression.raw("COUNT(*)"), null);
        long[] result = {0};
        context.transaction().query(count.toBoundSql(context.dialect()),
                row -> result[0] = row.getLong(1));
        return result[0];
    }

    @Override
    public String toSql(Query<?> query) {
        BoundSql sql = compiler.compile(query).select().toBoundSql(context.dialect());
        return sql.toString();
    }

    /**
     * The object with this key, loaded with the mapping's default strategies; null when there is no such row. The
     * statement is compiled once per entity and database where its plan allows ({@link StatementCache}).
     */
    public Object getByKey(EntityModel entity, Object key) {
        List<ColumnModel> columns = entity.primaryKey();
        StatementCache.ByKey cached = context.statements().byKey(entity);
        if (cached == null) {
            Condition[] conditions = new Condition[columns.size()];
            for (int i = 0; i < conditions.length; i++) {
                conditions[i] = Condition.eq(columns.get(i).attribute(), keyPart(columns, key, i));
            }
            autoflush.run();
            CompiledQuery compiled = compiler.compile(Query.of(entity.type(), this).where(conditions));
            BoundSql sql = compiled.select().toBoundSql(context.dialect());
            if (StatementCache.shareable(compiled.root()) && sql.params().size() == columns.size()) {
                context.statements().byKey(entity, new StatementCache.ByKey(sql.sql(), compiled.root()));
            }
            List<Object> found = run(compiled.root(), new ParentSource(compiled.core()), sql);
            return found.isEmpty() ? null : found.get(0);
        }
        autoflush.run();
        Param[] params = new Param[columns.size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = new ValueParam(keyPart(columns, key, i), columns.get(i).type());
        }
        List<Object> found = run(cached.root(), ParentSource.NONE, new BoundSql(cached.sql(), List.of(params)));
        return found.isEmpty() ? null : found.get(0);
    }

    private static Object keyPart(List<ColumnModel> columns, Object key, int i) {
        return columns.size() == 1 ? key : ((List<?>) key).get(i);
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
