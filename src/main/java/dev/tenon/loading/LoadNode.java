package dev.tenon.loading;

import dev.tenon.annotation.Lazy;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;
import java.util.List;
import java.util.Objects;

/**
 * One entity in a load plan: the root of a query, or a relationship reached from its parent node with a strategy.
 * Every relationship of a node's entity has a child node; only eagerly loaded children have children of their own
 * (a lazy one is planned on its own when it is touched).
 *
 * <p>A plan is a value: built once by {@link LoadPlanner}, never written afterwards, equal to any plan of the same
 * shape. Compiled statements are cached by it, and shared by every session and thread of a database; where a
 * statement puts each node's columns is the statement's own business ({@link Layout}).
 */
final class LoadNode {
    final EntityModel entity;
    /** The relationship this node loads; null for the root of a query. */
    final RelationshipModel relationship;
    /** The strategy; null for the root. */
    final Lazy strategy;
    /** Parents per IN-batched statement a loader option set for this node; 0 for the session's. */
    final int batchSize;
    /**
     * The order of the relationship's members: a loader option's, else the mapping's; for a limited node ended by the
     * primary key, so that ties fall the same way on every run and database. Empty for the root.
     */
    final List<RelationshipModel.Order> order;
    /**
     * Whether a loader option keeps only the first members of each parent (top-N per parent). The number itself is a
     * value of each execution ({@link PlanValues}), bound as a parameter, so one plan serves every limit.
     */
    final boolean limited;
    final List<LoadNode> children;
    private final int hash;

    LoadNode(EntityModel entity, RelationshipModel relationship, Lazy strategy, int batchSize, List<LoadNode> children) {
        this(entity, relationship, strategy, batchSize, relationship == null ? List.of() : relationship.orderBy(), false, children);
    }

    LoadNode(EntityModel entity, RelationshipModel relationship, Lazy strategy, int batchSize, List<RelationshipModel.Order> order,
             boolean limited, List<LoadNode> children) {
        this.entity = entity;
        this.relationship = relationship;
        this.strategy = strategy;
        this.batchSize = batchSize;
        this.order = List.copyOf(order);
        this.limited = limited;
        this.children = List.copyOf(children);
        this.hash = Objects.hash(entity.type(), relationship == null ? null : relationship.name(), strategy, batchSize, this.order,
                limited, this.children);
    }

    /** Whether an option gave the members an order or a limit of their own: a lazy load then keeps this node's plan. */
    boolean shapesMembers() {
        return limited || relationship != null && !order.equals(relationship.orderBy());
    }

    /** Parents per IN-batched statement: the option's for this path, else the session's {@code sessionDefault}. */
    int batchSize(int sessionDefault) {
        return batchSize > 0 ? batchSize : sessionDefault;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof LoadNode node && hash == node.hash && entity == node.entity
                && relationship == node.relationship && strategy == node.strategy && batchSize == node.batchSize
                && limited == node.limited && order.equals(node.order) && children.equals(node.children);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return relationship == null ? entity.name() : relationship + " (" + strategy + ")";
    }
}
