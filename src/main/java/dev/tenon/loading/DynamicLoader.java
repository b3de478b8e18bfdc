package dev.tenon.loading;

import dev.tenon.metadata.RelationshipModel;
import dev.tenon.query.DynamicList;
import dev.tenon.query.Query;

/**
 * Dynamic loading ({@code lazy = DYNAMIC}, and {@code WRITE_ONLY}): the attribute is a {@link DynamicList}, a query
 * over the children that can be filtered, ordered and counted before anything is loaded; reading it as a list runs
 * the query (a write-only list refuses), and adding to it or removing from it is written by the next flush.
 * For collections too large to load whole.
 */
final class DynamicLoader implements RelationshipLoader {
    @Override
    public boolean eager() {
        return false;
    }

    @Override
    public Rows rows(Loading loading, LoadNode node, RowReader reader, ParentSource source) {
        RelationshipModel relationship = node.relationship;
        return RelationshipLoader.installing(reader, relationship, parent -> relationship.set(parent.object(),
                new DynamicList<>(query(loading.context(), relationship, parent.object()), parent.object())));
    }

    private static Query<Object> query(LoadContext context, RelationshipModel relationship, Object parent) {
        @SuppressWarnings("unchecked")
        Class<Object> target = (Class<Object>) relationship.target().type();
        Query<Object> query = Query.of(target, context.queryRunner()).childrenOf(relationship, parent);
        for (RelationshipModel.Order order : relationship.orderBy()) {
            query = query.orderBy(order.column().attribute() + (order.descending() ? " desc" : ""));
        }
        return query;
    }
}
