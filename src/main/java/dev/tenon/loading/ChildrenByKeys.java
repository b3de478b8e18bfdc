package dev.tenon.loading;

import dev.tenon.identity.EntityKey;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.sql.BoundSql;
import dev.tenon.sql.ColumnRef;
import dev.tenon.sql.Dialect;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Param;
import dev.tenon.sql.Select;
import dev.tenon.sql.SqlWriter;
import dev.tenon.sql.ValueParam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statement that loads the children of many parents at once, shared by every strategy that needs it:
 * {@code SELECT ... FROM emp WHERE emp.deptno = ANY(?)} with one array bound (row values for a composite key), in
 * batches of parents. Selectin loading runs it after the parents' statement, batched lazy loading with the siblings of
 * the parent touched, a lazy load with that parent alone, subquery loading for parents a join reached. For a
 * many-to-one it loads the distinct targets the identity map does not hold yet. A top-N load keeps the first members of
 * each parent ({@link TopN}).
 *
 * <p>Each shape is compiled once and cached: the key condition is rendered on its own for each batch, which gives its
 * parameters, and its text tells the shapes apart (one key, one array, row values by number).
 */
final class ChildrenByKeys {
    private ChildrenByKeys() {
    }

    /** Loads {@code node}'s relationship for the parents that do not have it loaded yet. */
    static void load(Loading loading, LoadNode node, List<InstanceState> parents, int batchSize) {
        RelationshipModel relationship = node.relationship;
        List<InstanceState> todo = new ArrayList<>();
        for (InstanceState parent : parents) {
            if (!parent.isLoaded(relationship)) {
                todo.add(parent);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        if (relationship.direction() == Direction.MANY_TO_ONE) {
            loadTargets(loading, node, todo, batchSize);
            return;
        }
        Map<Object, List<InstanceState>> parentsByKey = new LinkedHashMap<>();
        for (InstanceState parent : todo) {
            Object key = Keys.identity(Keys.values(parent.object(), relationship.ownerColumns()));
            if (key == null) {
                Assign.members(parent, relationship, List.of());
            } else {
                parentsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(parent);
            }
        }
        List<Object> keys = new ArrayList<>(parentsByKey.keySet());
        Map<Object, List<Object>> children = keys.size() <= batchSize ? null : new LinkedHashMap<>();
        int perStatement = keysPerStatement(loading.context().dialect(), batchSize, relationship.remoteColumns().size());
        for (int start = 0; start < keys.size(); start += perStatement) {
            Map<Object, List<Object>> batch = run(loading, node, keys.subList(start, Math.min(keys.size(), start + perStatement)));
            if (children == null) {
                children = batch;
            } else {
                children.putAll(batch);
            }
        }
        for (Map.Entry<Object, List<InstanceState>> entry : parentsByKey.entrySet()) {
            List<Object> members = children == null ? null : children.get(entry.getKey());
            for (InstanceState owner : entry.getValue()) {
                Assign.members(owner, relationship, members == null ? List.of() : members);
            }
        }
    }

    /** One statement: the children of the parents with these keys, matched on the relationship's remote columns. */
    private static Map<Object, List<Object>> run(Loading loading, LoadNode node, List<Object> keys) {
        Prepared prepared = children(loading, node, keys);
        List<Param> params = prepared.condition().params();
        if (node.limited) {
            // The top-N's limit, bound after the keys: one statement serves every limit (see TopN).
            params = new ArrayList<>(params);
            params.add(new ValueParam(loading.limit(node), null));
        }
        // One parent (a lazy load): every row is its child, and its key need not be read back from each.
        return loading.run(prepared.statement(), params, keys.size() == 1 ? keys.get(0) : null);
    }

    /** A statement found in the cache (compiled the first time) and the key condition of one batch, bound to run it. */
    private record Prepared(SecondaryStatement statement, BoundSql condition) {
    }

    private static Prepared children(Loading loading, LoadNode node, List<Object> keys) {
        RelationshipModel relationship = node.relationship;
        boolean linked = relationship.direction() == Direction.MANY_TO_MANY;
        Aliases aliases = new Aliases();
        String alias = aliases.next(node.entity.table().name());
        String keyAlias = linked ? aliases.next(relationship.secondary().name()) : alias;
        BoundSql condition = keyCondition(loading.context().dialect(), keyAlias, relationship.remoteColumns(), keys);
        SecondaryStatement statement = loading.statement(List.of(ChildrenByKeys.class, node, condition.sql()), () -> {
            Select select = new Select().from(new FromItem.TableRef(node.entity.table(), alias));
            if (linked) {
                select.join(false, new FromItem.TableRef(relationship.secondary(), keyAlias), Expression.joinOn(keyAlias,
                        relationship.secondaryForeignKey().columns(), alias, relationship.secondaryForeignKey().targetColumns()));
            }
            select.where(Expression.raw(condition.sql()));
            List<Expression> keyRefs = new ArrayList<>();
            for (ColumnModel column : relationship.remoteColumns()) {
                keyRefs.add(new ColumnRef(keyAlias, column));
            }
            if (node.limited) {
                TopN.Numbered numbered = TopN.number(node, select, aliases, alias, keyRefs);
                return loading.compile(node, numbered.select(), aliases, numbered.alias(), numbered.keys(), relationship.remoteColumns());
            }
            return loading.compile(node, select, aliases, alias, keyRefs, relationship.remoteColumns());
        });
        return new Prepared(statement, condition);
    }

    /**
     * The statement that would load {@code node}'s relationship for {@code parents} parents (their targets, for a
     * many-to-one), compiled as a load compiles it and cached alike, but not run: what an explained plan shows. Its
     * shape depends only on how many keys it binds (one, or an array of any length; a composite key's row values, one
     * per parent), so placeholder keys serve.
     */
    static SecondaryStatement compileOnly(Loading loading, LoadNode node, int parents) {
        RelationshipModel relationship = node.relationship;
        boolean toOne = relationship.direction() == Direction.MANY_TO_ONE;
        int columns = toOne ? node.entity.primaryKey().size() : relationship.remoteColumns().size();
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < parents; i++) {
            keys.add(columns == 1 ? null : Arrays.asList(new Object[columns]));
        }
        return toOne ? targets(loading, node, keys).statement() : children(loading, node, keys).statement();
    }

    /** For a many-to-one: the targets not in the identity map yet, then each parent's reference from the map. */
    private static void loadTargets(Loading loading, LoadNode node, List<InstanceState> parents, int batchSize) {
        RelationshipModel relationship = node.relationship;
        EntityModel target = node.entity;
        LoadContext context = loading.context();
        Set<Object> missing = new LinkedHashSet<>();
        for (InstanceState parent : parents) {
            Object key = Keys.targetKey(parent.object(), relationship);
            if (key != null && context.identityMap().get(new EntityKey(target, key)) == null) {
                missing.add(key);
            }
        }
        List<Object> keys = new ArrayList<>(missing);
        int perStatement = keysPerStatement(context.dialect(), batchSize, target.primaryKey().size());
        for (int start = 0; start < keys.size(); start += perStatement) {
            Prepared prepared = targets(loading, node, keys.subList(start, Math.min(keys.size(), start + perStatement)));
            loading.run(prepared.statement(), prepared.condition().params(), null);
        }
        for (InstanceState parent : parents) {
            Object key = Keys.targetKey(parent.object(), relationship);
            Object found = key == null ? null : context.identityMap().get(new EntityKey(target, key));
            Assign.members(parent, relationship, found == null ? List.of() : List.of(found));
        }
    }

    /** The statement loading the targets with these keys, a many-to-one's, by their primary key. */
    private static Prepared targets(Loading loading, LoadNode node, List<Object> keys) {
        EntityModel target = node.entity;
        Aliases aliases = new Aliases();
        String alias = aliases.next(target.table().name());
        BoundSql condition = keyCondition(loading.context().dialect(), alias, target.primaryKey(), keys);
        SecondaryStatement statement = loading.statement(List.of(ChildrenByKeys.class, node, condition.sql()), () -> {
            Select select = new Select().from(new FromItem.TableRef(target.table(), alias));
            select.where(Expression.raw(condition.sql()));
            return loading.compile(node, select, aliases, alias, List.of(), List.of());
        });
        return new Prepared(statement, condition);
    }

    /**
     * Keys per statement: the batch size, or fewer for a composite key, whose row values bind one parameter per column
     * and key and must stay within the database's parameter limit and what its parser takes in one list. One column
     * binds one array, of any length.
     */
    static int keysPerStatement(Dialect dialect, int batchSize, int keyColumns) {
        if (keyColumns == 1) {
            return batchSize;
        }
        return Math.max(1, Math.min(batchSize, Math.min(dialect.maxParameters() / keyColumns, dialect.maxRowValues())));
    }

    /**
     * {@code key = ANY(?)} for one column, row values for a composite key, rendered alone: its text goes into the
     * statement (and tells its shape), its parameters are the batch's.
     */
    @SuppressWarnings("unchecked")
    static BoundSql keyCondition(Dialect dialect, String alias, List<ColumnModel> columns, List<Object> keys) {
        List<ColumnRef> refs = new ArrayList<>(columns.size());
        for (ColumnModel column : columns) {
            refs.add(new ColumnRef(alias, column));
        }
        Expression condition;
        if (refs.size() == 1) {
            condition = Expression.in(refs.get(0), columns.get(0).type(), keys);
        } else {
            List<List<Object>> rows = new ArrayList<>();
            for (Object key : keys) {
                rows.add((List<Object>) key);
            }
            condition = Expression.inRows(refs, rows);
        }
        return new SqlWriter(dialect).node(condition).toBoundSql();
    }
}
