package dev.tenon.loading;

/**
 * Where a node's parents came from: the bare parent query that subquery loading nests (null when the parents
 * were not produced by a query of their own, e.g. by a join, and subquery loading falls back to selectin).
 */
record ParentSource(java.util.function.Supplier<CompiledQuery.Core> core) {
    static final ParentSource NONE = new ParentSource(null);
}
