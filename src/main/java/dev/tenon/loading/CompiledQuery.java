package dev.tenon.loading;

import dev.tenon.metadata.ColumnModel;
import java.util.List;

/**
 * A query compiled once for its shape and cached: the SQL text, the load plan with the statement's own
 * {@link Layout}, and the columns its values are typed like (one per bound condition value, in order). The values of
 * one execution are bound by {@link QueryValues}. Never written after compilation, and holding nothing of the query
 * it was compiled from (a query holds its session, a dynamic relationship's its parent object): a cached statement
 * must not keep a session alive.
 *
 * @param sql    the statement text
 * @param root   the load plan
 * @param layout where each node read by the statement starts
 * @param slots  the column each condition value is compared with, in the order the values are bound
 */
record CompiledQuery(String sql, LoadNode root, Layout layout, List<ColumnModel> slots) {
    CompiledQuery {
        slots = List.copyOf(slots);
    }

    /**
     * The bare parent query, the alias its root table goes by, the columns of its values, and the resolver of its
     * paths, which joins each path once (a projection resolves its columns through it).
     */
    record Core(dev.tenon.sql.Select select, String rootAlias, List<ColumnModel> slots, PathResolver paths) {
    }
}
