package dev.tenon.loading;

import dev.tenon.sql.Param;
import java.util.List;
import java.util.function.Supplier;

/**
 * The query a node's parents came from, for subquery loading, which nests it: its shape (what its compiled
 * statements are cached by), a way to build the bare parent query (filters, order, limit; no eager joins), called only
 * when the statement is compiled, and the values the query binds. Made per execution, never cached. {@link #NONE} when the parents were not produced by a query of their own (reached by a
 * join, or loaded by a secondary statement); subquery loading then falls back to loading by keys.
 */
record ParentSource(Object shape, Supplier<CompiledQuery.Core> core, List<Param> params) {
    static final ParentSource NONE = new ParentSource(null, null, List.of());

    boolean isQuery() {
        return core != null;
    }
}
