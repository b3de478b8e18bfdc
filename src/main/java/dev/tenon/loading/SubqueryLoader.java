package dev.tenon.loading;

import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Param;
import dev.tenon.sql.Select;
import dev.tenon.sql.ValueParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Subquery eager loading: one secondary statement joins the children to the parents' own query, nested as a
 * subquery with its filters, order and limit:
 * {@code SELECT emp... FROM (SELECT dept.deptno FROM dept WHERE ...) anon_1 JOIN emp ON emp.deptno = anon_1.k_1}.
 * No key list is bound, whatever the number of parents: useful when the parent query is complex or large. It binds
 * the parent query's own values, and is compiled once per shape of parent query. Parents that were not produced by
 * a query of their own (reached by a join) are loaded by keys instead. A top-N load numbers the children of each parent
 * in a derived table around that statement ({@link TopN}). A stream cannot use it: each chunk would run
 * the whole parent query again.
 */
final class SubqueryLoader implements RelationshipLoader {
    @Override
    public boolean eager() {
        return true;
    }

    @Override
    public String streamRefusal(LoadNode node, Predicate<LoadNode> repeats) {
        return "each chunk of the stream would run the whole parent query again";
    }

    @Override
    public Rows rows(Loading loading, LoadNode node, RowReader reader, ParentSource source) {
        return Rows.after(parents -> load(loading, node, parents, source));
    }

    private static void load(Loading loading, LoadNode node, List<InstanceState> parents, ParentSource source) {
        RelationshipModel relationship = node.relationship;
        List<InstanceState> todo = parents.stream().filter(parent -> !parent.isLoaded(relationship)).toList();
        if (todo.isEmpty()) {
            return;
        }
        if (!source.isQuery()) {
            ChildrenByKeys.load(loading, node, todo, node.batchSize(loading.context().selectinBatchSize()));
            return;
        }
        SecondaryStatement statement = statement(loading, node, source);
        List<Param> params = source.params();
        if (node.limited) {
            params = new ArrayList<>(params);
            params.add(new ValueParam(loading.limit(node), null));
        }
        Map<Object, List<Object>> children = loading.run(statement, params, null);
        List<ColumnModel> ownerColumns = relationship.ownerColumns();
        for (InstanceState parent : todo) {
            Object key = Keys.identity(Keys.values(parent.object(), ownerColumns));
            Assign.members(parent, relationship, key == null ? List.of() : children.getOrDefault(key, List.of()));
        }
    }

    /**
     * The statement for the parents of {@code source}'s query, found in the cache or compiled there: run by a load,
     * shown by an explained plan.
     */
    static SecondaryStatement statement(Loading loading, LoadNode node, ParentSource source) {
        return loading.statement(List.of(SubqueryLoader.class, node, source.shape()), () -> compile(loading, node, source.core().get()));
    }

    /** The children joined to the parent query, which selects the relationship's owner columns as k_1, k_2, .... */
    private static SecondaryStatement compile(Loading loading, LoadNode node, CompiledQuery.Core core) {
        RelationshipModel relationship = node.relationship;
        Select parentQuery = core.select();
        List<ColumnModel> ownerColumns = relationship.ownerColumns();
        for (int i = 0; i < ownerColumns.size(); i++) {
            parentQuery.select(Expression.column(core.rootAlias(), ownerColumns.get(i)), "k_" + (i + 1));
        }
        if (parentQuery.limit() == null && parentQuery.offset() == null) {
            parentQuery.orderTerms().clear(); // order only matters to which parents a limit keeps
        }
        Aliases aliases = new Aliases();
        String anon = aliases.next("anon");
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
        if (node.limited) {
            TopN.Numbered numbered = TopN.number(node, select, aliases, alias, keyRefs);
            return loading.compile(node, numbered.select(), aliases, numbered.alias(), numbered.keys(), ownerColumns);
        }
        return loading.compile(node, select, aliases, alias, keyRefs, ownerColumns);
    }

    private static Expression joinOn(List<Expression> keys, String alias, List<ColumnModel> columns) {
        List<Expression> terms = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            terms.add(Expression.compare(Expression.column(alias, columns.get(i)), "=", keys.get(i)));
        }
        return Expression.and(terms);
    }
}
