package dev.tenon.loading;

import dev.tenon.api.Status;
import dev.tenon.engine.Cursor;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
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
 * A query's results as a stream, a chunk of parents at a time: rows are fetched from the cursor as the stream is
 * consumed, and the relationships of each chunk (one batch of parents) are loaded before the chunk is handed out.
 * The objects of a chunk the stream has moved past leave the session unless they were changed, so that a stream of
 * any length runs in bounded memory (related objects loaded eagerly stay).
 */
final class Chunks<T> extends Spliterators.AbstractSpliterator<T> {
    private final LoadingEngine engine;
    private final CompiledQuery query;
    private final Cursor cursor;
    private final Class<T> type;
    private final List<T> buffer = new ArrayList<>();
    private final List<InstanceState> handedOut = new ArrayList<>();
    private ResultAssembler handedOutBy;
    private int next;
    private boolean exhausted;

    private Chunks(LoadingEngine engine, CompiledQuery query, Cursor cursor, Class<T> type) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.engine = engine;
        this.query = query;
        this.cursor = cursor;
        this.type = type;
    }

    static <T> Stream<T> stream(LoadingEngine engine, CompiledQuery query, BoundSql sql, Class<T> type) {
        LoadContext context = engine.context();
        Cursor cursor = context.transaction().cursor(sql, context.selectinBatchSize());
        return StreamSupport.stream(new Chunks<>(engine, query, cursor, type), false).onClose(cursor::close);
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        if (next == buffer.size() && !fill()) {
            return false;
        }
        action.accept(buffer.get(next++));
        return true;
    }

    private void evictHandedOut() {
        IdentityMap identityMap = engine.context().identityMap();
        for (InstanceState state : handedOut) {
            if (identityMap.state(state.object()) == state && state.status() == Status.PERSISTENT && !state.isModified()) {
                identityMap.evict(state);
            }
        }
        handedOut.clear();
        if (handedOutBy != null) {
            handedOutBy.releaseRoots();
        }
    }

    private boolean fill() {
        evictHandedOut();
        buffer.clear();
        next = 0;
        if (exhausted) {
            return false;
        }
        ResultAssembler assembler = engine.assembler(query, ParentSource.NONE, new ResultAssembler.Origin("stream", query.root().entity.name()));
        int chunk = engine.context().selectinBatchSize();
        try {
            while (assembler.rootCount() < chunk) {
                if (!cursor.next()) {
                    // A stream read to its end without try-with-resources must not leave its cursor open.
                    exhausted = true;
                    cursor.close();
                    break;
                }
                assembler.row(cursor.row());
            }
        } catch (SQLException e) {
            throw cursor.failedReading(e);
        }
        assembler.finish();
        handedOutBy = assembler;
        for (InstanceState state : assembler.roots()) {
            handedOut.add(state);
            buffer.add(type.cast(state.object()));
        }
        return !buffer.isEmpty();
    }
}
