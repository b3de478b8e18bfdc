package dev.tenon.loading;

import dev.tenon.metadata.ColumnModel;
import java.util.List;
import java.util.function.Supplier;

/**
 * A query compiled once for its shape and cached: the SQL text, the load plan with the statement's own
 * {@link Layout}, the columns its values are typed like (one per bound condition value, in order), and a way to
 * rebuild the bare parent query that subquery loading nests. The values of one execution are bound by
 * {@link QueryValues}. Never written after compilation.
 *
 * @param sql    the statement text
 * @param root   the load plan
 * @param layout where each node read by the statement starts
 * @param slots  the column each condition value is compared with, in the order the values are bound
 * @param core   the bare parent query, built afresh on each call
 */
record CompiledQuery(String sql, LoadNode root, Layout layout, List<ColumnModel> slots, Supplier<Core> core) {
    CompiledQuery {
        slots = List.copyOf(slots);
    }

    /** The bare parent query, the alias its root table goes by, and the columns of its values. */
    record Core(dev.tenon.sql.Select select, String rootAlias, List<ColumnModel> slots) {
    }
}
