package dev.tenon.loading;

import dev.tenon.engine.Cursor;
import dev.tenon.query.Projection;
import dev.tenon.sql.BoundSql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Runs projections for a session: finds the compiled statement by the projection's shape (compiling it the first time
 * anywhere in the database), binds the values, and reads each row straight into its target. No identity map, no
 * tracking: the loader engine is not involved. Pending changes are flushed first (autoflush), as before every query,
 * so that a report sees what the session holds (SQLAlchemy does the same).
 */
final class ProjectionExecutor {
    private final LoadContext context;
    private final Runnable autoflush;
    private final ProjectionCompiler compiler;

    ProjectionExecutor(LoadContext context, Runnable autoflush, QueryCompiler queries) {
        this.context = context;
        this.autoflush = autoflush;
        this.compiler = new ProjectionCompiler(context.metadata(), context.dialect(), queries);
    }

    <R> List<R> list(Projection<R> projection) {
        autoflush.run();
        CompiledProjection compiled = compiled(projection);
        List<Object> results = new ArrayList<>();
        RowTarget target = compiled.target();
        context.transaction().query(bound(projection, compiled), row -> results.add(target.read(row)));
        // Each result was read into the projection's target type, checked against the columns when it was compiled.
        @SuppressWarnings("unchecked")
        List<R> typed = (List<R>) results;
        return typed;
    }

    <R> Stream<R> stream(Projection<R> projection) {
        autoflush.run();
        CompiledProjection compiled = compiled(projection);
        Cursor cursor = context.transaction().cursor(bound(projection, compiled), context.selectinBatchSize());
        RowTarget target = compiled.target();
        Spliterator<R> rows = new Spliterators.AbstractSpliterator<R>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(Consumer<? super R> action) {
                if (!cursor.next()) {
                    return false;
                }
                try {
                    @SuppressWarnings("unchecked")
                    R row = (R) target.read(cursor.row());
                    action.accept(row);
                } catch (SQLException e) {
                    throw cursor.failedReading(e);
                }
                return true;
            }
        };
        return StreamSupport.stream(rows, false).onClose(cursor::close);
    }

    String toSql(Projection<?> projection) {
        return bound(projection, compiled(projection)).toString();
    }

    void check(Projection<?> projection) {
        compiler.check(projection);
    }

    private CompiledProjection compiled(Projection<?> projection) {
        Object shape = ProjectionValues.shape(projection, context.metadata().entity(projection.query().type()), context.dialect());
        return context.statements().projection(shape, () -> compiler.compile(projection));
    }

    private BoundSql bound(Projection<?> projection, CompiledProjection compiled) {
        return new BoundSql(compiled.sql(), ProjectionValues.params(projection, compiled, context.dialect()));
    }
}
