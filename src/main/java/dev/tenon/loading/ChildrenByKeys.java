package dev.tenon.loading;

import dev.tenon.identity.EntityKey;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.sql.ColumnRef;
import dev.tenon.sql.Dialect;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Select;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statement that loads the children of many parents at once, shared by every strategy that needs it:
 * {@code SELECT ... FROM emp WHERE emp.deptno IN (?, ?, ...)} on H2, {@code ... = ANY(?)} with one array on
 * PostgreSQL, in batches of parents. Selectin loading runs it after the parents' statement, batched lazy loading with
 * the siblings of the parent touched, a lazy load with that parent alone, subquery loading for parents a join reached.
 * For a many-to-one it loads the distinct targets the identity map does not hold yet.
 */
final class ChildrenByKeys {
    private ChildrenByKeys() {
    }

    /** Loads {@code node}'s relationship for the parents that do not have it loaded yet. */
    static void load(LoadContext context, LoadNode node, List<InstanceState> parents, int batchSize) {
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
            loadTargets(context, node, todo, batchSize);
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
        Map<Object, List<Object>> children = new LinkedHashMap<>();
        int perStatement = keysPerStatement(context, batchSize, relationship.remoteColumns().size());
        for (int start = 0; start < keys.size(); start += perStatement) {
            children.putAll(childrenOf(context, node, keys.subList(start, Math.min(keys.size(), start + perStatement))));
        }
        parentsByKey.forEach((key, owners) -> {
            for (InstanceState owner : owners) {
                Assign.members(owner, relationship, children.getOrDefault(key, List.of()));
            }
        });
    }

    /** One statement: the children of the parents with these keys. */
    private static Map<Object, List<Object>> childrenOf(LoadContext context, LoadNode node, List<Object> keys) {
        RelationshipModel relationship = node.relationship;
        Aliases aliases = new Aliases();
        String alias = aliases.next(node.entity.table().name());
        Select select = new Select().from(new FromItem.TableRef(node.entity.table(), alias));
        String keyAlias = alias;
        if (relationship.direction() == Direction.MANY_TO_MANY) {
            keyAlias = aliases.next(relationship.secondary().name());
            select.join(false, new FromItem.TableRef(relationship.secondary(), keyAlias), Expression.joinOn(keyAlias,
                    relationship.secondaryForeignKey().columns(), alias, relationship.secondaryForeignKey().targetColumns()));
        }
        SecondaryQuery.selectChild(select, node, alias, aliases);
        List<ColumnModel> keyColumns = relationship.remoteColumns();
        List<ColumnRef> keyRefs = new ArrayList<>();
        for (ColumnModel column : keyColumns) {
            keyRefs.add(new ColumnRef(keyAlias, column));
        }
        select.where(keyCondition(keyRefs, keys));
        return SecondaryQuery.run(context, node, select, new ArrayList<>(keyRefs), keyColumns, ParentSource.NONE);
    }

    /** For a many-to-one: the targets not in the identity map yet, then each parent's reference from the map. */
    private static void loadTargets(LoadContext context, LoadNode node, List<InstanceState> parents, int batchSize) {
        RelationshipModel relationship = node.relationship;
        EntityModel target = node.entity;
        Set<Object> missing = new LinkedHashSet<>();
        for (InstanceState parent : parents) {
            Object key = Keys.targetKey(parent.object(), relationship);
            if (key != null && context.identityMap().get(new EntityKey(target, key)) == null) {
                missing.add(key);
            }
        }
        List<Object> keys = new ArrayList<>(missing);
        int perStatement = keysPerStatement(context, batchSize, target.primaryKey().size());
        for (int start = 0; start < keys.size(); start += perStatement) {
            List<Object> batch = keys.subList(start, Math.min(keys.size(), start + perStatement));
            Aliases aliases = new Aliases();
            String alias = aliases.next(target.table().name());
            Select select = new Select().from(new FromItem.TableRef(target.table(), alias));
            SecondaryQuery.selectChild(select, node, alias, aliases);
            List<ColumnRef> keyRefs = new ArrayList<>();
            for (ColumnModel column : target.primaryKey()) {
                keyRefs.add(new ColumnRef(alias, column));
            }
            select.where(keyCondition(keyRefs, batch));
            SecondaryQuery.run(context, node, select, List.of(), List.of(), ParentSource.NONE);
        }
        for (InstanceState parent : parents) {
            Object key = Keys.targetKey(parent.object(), relationship);
            Object found = key == null ? null : context.identityMap().get(new EntityKey(target, key));
            Assign.members(parent, relationship, found == null ? List.of() : List.of(found));
        }
    }

    /**
     * Keys per statement: the batch size, or fewer for a composite key, whose row values bind one parameter per column
     * and key and must stay within the database's parameter limit and what its parser takes in one list. One column
     * binds one array, of any length.
     */
    static int keysPerStatement(LoadContext context, int batchSize, int keyColumns) {
        if (keyColumns == 1) {
            return batchSize;
        }
        Dialect dialect = context.dialect();
        return Math.max(1, Math.min(batchSize, Math.min(dialect.maxParameters() / keyColumns, dialect.maxRowValues())));
    }

    /** {@code key IN (...)} for one column (an array on PostgreSQL), row values for a composite key. */
    @SuppressWarnings("unchecked")
    static Expression keyCondition(List<ColumnRef> columns, List<Object> keys) {
        if (columns.size() == 1) {
            return Expression.in(columns.get(0), columns.get(0).column().type(), keys);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Object key : keys) {
            rows.add((List<Object>) key);
        }
        return Expression.inRows(columns, rows);
    }
}
