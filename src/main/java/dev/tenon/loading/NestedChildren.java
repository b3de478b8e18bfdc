package dev.tenon.loading;

import dev.tenon.annotation.Lazy;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.EntityModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The relationships of the children nested loading reads from JSON: each child gets what its strategy gives any
 * object a statement loads (a lazy stand-in, a reference found in the identity map, a selectin load after the rows),
 * through the same {@link RelationshipLoader.Rows} as for a statement's own rows, with no row to read. A strategy that
 * would read the children's relationship from the statement's own columns (joined, nested) has none to read here: that
 * relationship is loaded by keys after the rows instead, one statement per batch of children, as selectin does.
 */
final class NestedChildren implements RowReader {
    private final Loading loading;
    private final RowReader statement;
    private final EntityModel entity;
    private final List<RelationshipLoader.Rows> works = new ArrayList<>();
    private final List<LoadNode> byKeys = new ArrayList<>();

    NestedChildren(Loading loading, LoadNode node, RowReader statement, Function<Lazy, RelationshipLoader> strategies) {
        this.loading = loading;
        this.statement = statement;
        this.entity = node.entity;
        for (LoadNode child : node.children) {
            RelationshipLoader loader = strategies.apply(child.strategy);
            RelationshipLoader.Rows work = loader.rows(loading, child, this, ParentSource.NONE);
            if (loader.eager() && work.readsRows()) {
                byKeys.add(child);
            } else {
                works.add(work);
            }
        }
    }

    /** A child read from the JSON; {@code isNew} when this statement had not produced it before. */
    void row(InstanceState child, boolean isNew) {
        try {
            for (RelationshipLoader.Rows work : works) {
                if (work.readsRows()) {
                    work.row(child, isNew, null);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("a strategy read a row nested loading does not have", e);
        }
    }

    /** The statement's rows are read: {@code children} are all the distinct children it produced. */
    void finish(List<InstanceState> children) {
        if (children.isEmpty()) {
            return;
        }
        for (RelationshipLoader.Rows work : works) {
            work.finish(children);
        }
        for (LoadNode child : byKeys) {
            ChildrenByKeys.load(loading, child, children, child.batchSize(loading.context().selectinBatchSize()));
        }
    }

    @Override
    public InstanceState read(LoadNode node, ResultSet row) {
        throw new IllegalStateException(node + " has no columns in a statement's row: it is loaded from nested JSON");
    }

    /** The statement's: the children it builds from JSON are marked as its own. */
    @Override
    public Object token() {
        return statement.token();
    }

    @Override
    public boolean reads(EntityModel target) {
        return target == entity || statement.reads(target);
    }

    @Override
    public int columnOf(LoadNode node) {
        return 0;
    }

    @Override
    public boolean lastWasNew() {
        return false;
    }
}
