package dev.tenon.loading;

import dev.tenon.sql.Select;
import java.util.function.Supplier;

/**
 * A query turned into SQL: the statement that runs, its load plan with the aliases and column positions of the
 * root and joined nodes, and a way to rebuild the bare parent query (filters, order, limit; no eager joins)
 * that subquery loading nests.
 */
record CompiledQuery(Select select, LoadNode root, Supplier<Core> core) {
    /** The bare parent query and the alias its root table goes by. */
    record Core(Select select, String rootAlias) {
    }
}
