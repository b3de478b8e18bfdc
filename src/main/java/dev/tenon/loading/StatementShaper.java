package dev.tenon.loading;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.sql.Expression;
import dev.tenon.sql.Select;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Compiles the reading part of a statement: the columns of a node and, for a relationship's node, the order of its
 * members (a loader option's, else the relationship's), then whatever the strategies of its children add ({@link RelationshipLoader#shape}), recording in the
 * statement's {@link Layout} where each node's columns start.
 */
final class StatementShaper implements Shaping {
    private final Select select;
    private final Aliases aliases;
    private final Layout layout;
    private final Map<LoadNode, String> aliasOf = new IdentityHashMap<>();
    private final Map<LoadNode, Boolean> inner = new IdentityHashMap<>();

    StatementShaper(Select select, Aliases aliases, Layout layout) {
        this.select = select;
        this.aliases = aliases;
        this.layout = layout;
    }

    @Override
    public Select select() {
        return select;
    }

    @Override
    public String alias(String table) {
        return aliases.next(table);
    }

    @Override
    public String aliasOf(LoadNode node) {
        return aliasOf.get(node);
    }

    @Override
    public boolean innerReached(LoadNode node) {
        return inner.getOrDefault(node, false);
    }

    @Override
    public void column(LoadNode node, Expression expression) {
        layout.place(node, select.items().size() + 1);
        select.select(expression, null);
    }

    @Override
    public void read(LoadNode node, String alias, boolean innerJoined) {
        aliasOf.put(node, alias);
        inner.put(node, innerJoined);
        layout.place(node, select.items().size() + 1);
        for (ColumnModel column : node.entity.columns()) {
            select.select(Expression.column(alias, column), null);
        }
        for (RelationshipModel.Order order : node.order) {
            select.orderBy(Expression.column(alias, order.column()), order.descending());
        }
        for (LoadNode child : node.children) {
            Loaders.of(child.strategy).shape(this, node, child);
        }
    }
}
