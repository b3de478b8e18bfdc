package dev.tenon.loading;

import dev.tenon.annotation.Lazy;
import dev.tenon.engine.RowHandler;
import dev.tenon.metadata.EntityModel;
import dev.tenon.sql.BoundSql;
import java.util.ArrayList;
import java.util.List;

/**
 * Entities read from a hand-written statement ({@code session.sql(...).list(Emp.class)}), SQLAlchemy's
 * {@code select(Emp).from_statement(text(...))}: each row's entity is read by the loader engine as a query's root is,
 * through the identity map (an object the session holds is returned as it is, its unflushed changes kept), and its
 * relationships are loaded as the mapping says, but for what needs the statement itself: joined loading needs its
 * joins and subquery loading needs to run it again, so a relationship mapped with either is loaded with selectin here.
 * The statement's columns are found by name ({@link ColumnsByName}): it must return every column the entity maps, in
 * any order, with other columns allowed around them.
 */
final class StatementLoader {
    private StatementLoader() {
    }

    /**
     * Runs {@code sql} and reads its rows as {@code entity}'s objects: each once, in the order of its first row. With
     * {@code inTransaction} the statement runs in the session's transaction, begun for it (it may write or lock rows).
     */
    static List<Object> load(LoadingEngine engine, EntityModel entity, BoundSql sql, boolean inTransaction) {
        LoadNode plan = plan(entity);     // cheap beside the statement, which is not cached either
        Layout layout = new Layout();
        layout.place(plan, 1);
        CompiledQuery compiled = new CompiledQuery(sql.sql(), plan, layout.seal(), List.of());
        ResultAssembler assembler = engine.assembler(compiled, ParentSource.NONE, new ResultAssembler.Origin("sql", entity.name()));
        ColumnsByName[] columns = {null};
        RowHandler handler = row -> {
            if (columns[0] == null) {
                columns[0] = ColumnsByName.of(entity, row.getMetaData(), sql.sql());
            }
            assembler.row(columns[0].view(row));
        };
        if (inTransaction) {
            engine.context().transaction().queryInTransaction(sql, handler);
        } else {
            engine.context().transaction().query(sql, handler);
        }
        assembler.finish();
        return assembler.rootObjects();
    }

    /** The mapping's plan, with what needs the statement's own SQL (joined, subquery) turned into selectin. */
    private static LoadNode plan(EntityModel entity) {
        LoadNode mapped = LoadPlanner.plan(entity, List.of());
        List<LoadNode> children = new ArrayList<>();
        for (LoadNode child : mapped.children) {
            boolean needsStatement = child.strategy == Lazy.JOINED || child.strategy == Lazy.SUBQUERY;
            children.add(needsStatement ? new LoadNode(child.entity, child.relationship, Lazy.SELECTIN, child.batchSize, child.order,
                    child.limited, child.children) : child);
        }
        return new LoadNode(entity, null, null, 0, children);
    }
}
