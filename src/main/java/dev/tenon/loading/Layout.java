package dev.tenon.loading;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where one compiled statement puts the columns of each node it reads: the 1-based position of the node's first
 * column. Filled while the statement is compiled and never written after, so a cached statement is safe to share
 * between threads; it belongs to the statement, not to the plan, which several statements read from.
 */
final class Layout {
    private final Map<LoadNode, Integer> firstColumns = new IdentityHashMap<>();
    private boolean sealed;

    /** Records that {@code node}'s columns start at {@code column}; only while the statement is compiled. */
    void place(LoadNode node, int column) {
        if (sealed) {
            throw new IllegalStateException("a compiled statement's layout is not written after compilation");
        }
        firstColumns.put(node, column);
    }

    /** Ends compilation: from here on the layout is only read. */
    Layout seal() {
        sealed = true;
        return this;
    }

    /** The position of {@code node}'s first column; the node must be read by this statement. */
    int firstColumn(LoadNode node) {
        Integer column = firstColumns.get(node);
        if (column == null) {
            throw new IllegalStateException(node + " is not read by this statement");
        }
        return column;
    }
}
