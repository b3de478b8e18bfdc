package dev.tenon.loading;

import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Subquery eager loading: one secondary statement joins the children to the parents' own query, nested as a
 * subquery with its filters, order and limit:
 * {@code SELECT emp... FROM (SELECT dept.deptno FROM dept WHERE ...) anon_1 JOIN emp ON emp.deptno = anon_1.k_1}.
 * No key list is bound, whatever the number of parents: useful when the parent query is complex or large.
 * Parents that were not produced by a query of their own (reached by a join) are loaded by selectin instead.
 */
final class SubqueryLoader implements RelationshipLoader {
    @Override
    public void load(LoadContext context, LoadNode node, List<InstanceState> parents, Object statement, ParentSource source) {
        RelationshipModel relationship = node.relationship;
        List<InstanceState> todo = parents.stream().filter(parent -> !parent.isLoaded(relationship)).toList();
        if (todo.isEmpty()) {
            return;
        }
        if (source.core() == null) {
            ChildrenByKeys.load(context, node, todo, node.batchSize(context));
            return;
        }
        CompiledQuery.Core core = source.core().get();
        Select parentQuery = core.select();
        List<ColumnModel> ownerColumns = relationship.ownerColumns();
        for (int i = 0; i < ownerColumns.size(); i++) {
            parentQuery.select(Expression.column(core.rootAlias(), ownerColumns.get(i)), "k_" + (i + 1));
        }
        if (parentQuery.limit() == null && parentQuery.offset() == null) {
            parentQuery.orderTerms().clear(); // order only matters to which parents a limit keeps
        }
        Aliases aliases = new Aliases();
        String anon = "anon_1";
        String alias = aliases.next(node.entity.table().name());
        Select select = new Select().from(new FromItem.SubqueryRef(parentQuery, anon));
        List<Expression> keyRefs = new ArrayList<>();
        for (int i = 0; i < ownerColumns.size(); i++) {
            String label = "k_" + (i + 1);
            keyRefs.add(writer -> writer.identifier(anon).append(".").identifier(label));
        }
        if (relationship.direction() == Direction.MANY_TO_MANY) {
            String link = aliases.next(relationship.secondary().name());
            select.join(false, new FromItem.TableRef(relationship.secondary(), link), joinOn(keyRefs, link, relationship.remoteColumns()));
            select.join(false, new FromItem.TableRef(node.entity.table(), alias), Expression.joinOn(link,
                    relationship.secondaryForeignKey().columns(), alias, relationship.secondaryForeignKey().targetColumns()));
        } else {
            select.join(false, new FromItem.TableRef(node.entity.table(), alias), joinOn(keyRefs, alias, relationship.remoteColumns()));
        }
        SecondaryQuery.selectChild(select, node, alias, aliases);
        Map<Object, List<Object>> children = SecondaryQuery.run(context, node, select, keyRefs, ownerColumns, ParentSource.NONE);
        for (InstanceState parent : todo) {
            Object key = Keys.identity(Keys.values(parent.object(), ownerColumns));
            Assign.members(parent, relationship, key == null ? List.of() : children.getOrDefault(key, List.of()));
        }
    }

    private static Expression joinOn(List<Expression> keys, String alias, List<ColumnModel> columns) {
        List<Expression> terms = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            terms.add(Expression.compare(Expression.column(alias, columns.get(i)), "=", keys.get(i)));
        }
        return Expression.and(terms);
    }
}
