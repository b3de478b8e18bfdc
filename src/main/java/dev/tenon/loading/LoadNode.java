package dev.tenon.loading;

import dev.tenon.annotation.Lazy;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;
import java.util.ArrayList;
import java.util.List;

/**
 * One entity in a load plan: the root of a query, or a relationship reached from its parent node with a
 * strategy. Every relationship of a node's entity has a child node; only eagerly loaded children have
 * children of their own (a lazy one is planned afresh when it is touched).
 */
final class LoadNode {
    final EntityModel entity;
    final RelationshipModel relationship;
    final Lazy strategy;
    /** Parents per IN-batched statement a loader option set for this node; 0 for the session's. */
    final int batchSize;
    final List<LoadNode> children = new ArrayList<>();
    /** The alias of the node's table in the statement that reads it (root and joined nodes). */
    String alias;
    /** The 1-based position of the node's first column in that statement's rows. */
    int firstColumn;
    /**
     * The joined children, fixed once the plan is made: read on every row, so an array, not a filtered list. Filled on
     * first use, possibly by another thread than the one that made a shared plan: held through a final field, whose
     * guarantee covers the array's elements too, so that no thread sees the array before its elements.
     */
    private Joined joined;

    private record Joined(LoadNode[] nodes) {
    }

    LoadNode(EntityModel entity, RelationshipModel relationship, Lazy strategy) {
        this(entity, relationship, strategy, 0);
    }

    LoadNode(EntityModel entity, RelationshipModel relationship, Lazy strategy, int batchSize) {
        this.entity = entity;
        this.relationship = relationship;
        this.strategy = strategy;
        this.batchSize = batchSize;
    }

    /** Parents per IN-batched statement: the option's for this path, else the session's. */
    int batchSize(LoadContext context) {
        return batchSize > 0 ? batchSize : context.selectinBatchSize();
    }

    /** The children loaded with a join, read from the same row as this node (the plan must be complete). */
    LoadNode[] joined() {
        Joined found = joined;
        if (found == null) {
            found = new Joined(children.stream().filter(child -> child.strategy == Lazy.JOINED).toArray(LoadNode[]::new));
            joined = found;
        }
        return found.nodes();
    }

    boolean isEager() {
        return strategy == Lazy.JOINED || strategy == Lazy.SELECTIN || strategy == Lazy.SUBQUERY;
    }

    @Override
    public String toString() {
        return relationship == null ? entity.name() : relationship + " (" + strategy + ")";
    }
}
