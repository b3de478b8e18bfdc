package dev.tenon.loading;

import dev.tenon.exception.UnsupportedFeatureException;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.Metadata;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.query.Condition;
import dev.tenon.query.Query;
import dev.tenon.sql.Dialect;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.RowLock;
import dev.tenon.sql.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a {@link Query} into SQL, once per shape: the root table and its columns, WHERE and ORDER BY over attribute
 * paths, LIMIT/OFFSET, and whatever the strategies of the plan add ({@link RelationshipLoader#shape}). When a
 * strategy repeats parents over rows (a joined collection) and the query has a LIMIT, the parent query is nested as a
 * subquery so that the limit counts parents, not rows. A row lock ({@code forUpdate()}) is written on the parent query,
 * nested or not, for the root's rows only. The conditions are written by {@link ConditionWriter}. The values are not
 * part of the compiled statement: each condition value becomes a parameter whose column is recorded, and
 * {@link QueryValues} binds them per execution.
 */
final class QueryCompiler {
    private final Metadata metadata;
    private final Dialect dialect;

    QueryCompiler(Metadata metadata, Dialect dialect) {
        this.metadata = metadata;
        this.dialect = dialect;
    }

    CompiledQuery compile(Query<?> query) {
        EntityModel entity = metadata.entity(query.type());
        LoadNode plan = LoadPlanner.plan(entity, query.options());
        Aliases aliases = new Aliases();
        CompiledQuery.Core core = core(query, entity, aliases);
        Select select;
        String rootAlias;
        boolean wrap = (query.limit() != null || query.offset() != null) && repeatsParents(plan);
        if (wrap) {
            rootAlias = "anon_1";
            Select inner = core.select();
            for (ColumnModel column : entity.columns()) {
                inner.select(Expression.column(core.rootAlias(), column), column.name());
            }
            select = new Select().from(new FromItem.SubqueryRef(inner, rootAlias));
            for (int i = 0; i < inner.orderTerms().size(); i++) {
                Select.Order order = inner.orderTerms().get(i);
                String label = "order_" + (i + 1);
                inner.select(order.expression(), label);
                select.orderBy(writer -> writer.identifier(rootAlias).append(".").identifier(label), order.descending());
            }
        } else {
            select = core.select();
            rootAlias = core.rootAlias();
        }
        Layout layout = new Layout().rootsRepeat(repeatsParents(plan));
        new StatementShaper(select, aliases, layout).read(plan, rootAlias, true);
        if (query.lock() != null) {
            // The parents' query takes the lock, nested or not: on H2 a lock written after a derived table locks nothing.
            lock(query, entity, core.select(), core.rootAlias());
        }
        return new CompiledQuery(select.toBoundSql(dialect).sql(), plan, layout.seal(), core.slots());
    }

    /**
     * Locks the root entity's rows in {@code locked}, or refuses before any SQL what the database cannot lock, saying
     * what to do instead.
     */
    private void lock(Query<?> query, EntityModel entity, Select locked, String rootAlias) {
        RowLock lock = query.lock();
        String refusal = dialect.lockRefusal(lock, locked.hasInnerJoin());
        if (refusal != null) {
            String asked = "select(" + entity.name() + ")." + (lock.strength() == RowLock.Strength.SHARE ? "forShare()" : "forUpdate()")
                    + (lock.waitPolicy() == RowLock.Wait.NOWAIT ? ".noWait()" : lock.waitPolicy() == RowLock.Wait.SKIP_LOCKED ? ".skipLocked()" : "");
            String instead = lock.strength() == RowLock.Strength.SHARE ? ". Lock with forUpdate() instead"
                    : ", and the query inner-joins " + innerJoined(locked) + " (a mandatory reference loaded joined, or the link table"
                    + " of a many-to-many relationship's children). Load that relationship with Load.selectin instead of joined";
            throw new UnsupportedFeatureException(dialect.name(), asked + " cannot run on " + dialect.name() + ": " + refusal + instead
                    + ", or run the query on PostgreSQL");
        }
        locked.lock(lock, rootAlias);
    }

    private static String innerJoined(Select select) {
        return select.joins().stream().filter(join -> !join.outer()).map(join -> join.item() instanceof FromItem.TableRef table
                ? table.table().qualifiedName() : join.item().alias()).distinct().collect(Collectors.joining(", "));
    }

    /** Whether a strategy of the plan repeats the root over rows. */
    private static boolean repeatsParents(LoadNode plan) {
        return plan.children.stream().anyMatch(QueryCompiler::repeats);
    }

    /** Whether {@code node}'s strategy repeats its parent over rows, asking the strategies below it in turn. */
    static boolean repeats(LoadNode node) {
        return Loaders.of(node.strategy).repeatsParents(node, QueryCompiler::repeats);
    }

    /** The statement counting a query's rows: its bare parent query, nested. */
    CompiledQuery count(Query<?> query) {
        EntityModel entity = metadata.entity(query.type());
        CompiledQuery.Core core = core(query, entity, new Aliases());
        core.select().orderTerms().clear();
        for (ColumnModel column : entity.primaryKey()) {
            core.select().select(Expression.column(core.rootAlias(), column), null);
        }
        Select count = new Select().from(new FromItem.SubqueryRef(core.select(), "anon_1"));
        count.select(Expression.raw("COUNT(*)"), null);
        return new CompiledQuery(count.toBoundSql(dialect).sql(), null, new Layout().seal(), core.slots());
    }

    /** The parent query alone, built afresh: what subquery loading nests when it compiles its statement. */
    CompiledQuery.Core core(Query<?> query) {
        return core(query, metadata.entity(query.type()), new Aliases());
    }

    /** The parent query alone: root table, path joins, WHERE, ORDER BY, LIMIT/OFFSET; no columns yet. */
    private CompiledQuery.Core core(Query<?> query, EntityModel entity, Aliases aliases) {
        String alias = aliases.next(entity.table().name());
        Select select = new Select().from(new FromItem.TableRef(entity.table(), alias));
        PathResolver paths = new PathResolver(select, alias, entity, aliases);
        List<ColumnModel> slots = new ArrayList<>();
        ConditionWriter conditions = new ConditionWriter(metadata, aliases, slots);
        for (Condition condition : query.conditions()) {
            select.where(conditions.write(condition, paths));
        }
        if (query.parent() != null) {
            restrictToParent(select, alias, query.parent(), aliases);
        }
        for (Query.Order order : query.orders()) {
            select.orderBy(paths.resolve(order.path()), order.descending());
        }
        select.limit(query.limit()).offset(query.offset());
        return new CompiledQuery.Core(select, alias, slots, paths);
    }

    /** The children of one parent: a dynamic relationship's query, and session.related(...). */
    private static void restrictToParent(Select select, String alias, Query.Parent parent, Aliases aliases) {
        RelationshipModel relationship = parent.relationship();
        List<Object> key = Keys.values(parent.parent(), relationship.ownerColumns());
        if (key.contains(null)) {
            select.where(Expression.raw("1 = 0"));
            return;
        }
        String matchAlias = alias;
        List<ColumnModel> matchColumns = relationship.remoteColumns();
        if (relationship.direction() == Direction.MANY_TO_MANY) {
            matchAlias = aliases.next(relationship.secondary().name());
            select.join(false, new FromItem.TableRef(relationship.secondary(), matchAlias), Expression.joinOn(matchAlias,
                    relationship.secondaryForeignKey().columns(), alias, relationship.secondaryForeignKey().targetColumns()));
        }
        List<Expression> terms = new ArrayList<>();
        for (int i = 0; i < matchColumns.size(); i++) {
            terms.add(Expression.compare(Expression.column(matchAlias, matchColumns.get(i)), "=",
                    Expression.value(key.get(i), matchColumns.get(i).type())));
        }
        select.where(Expression.and(terms));
    }
}
