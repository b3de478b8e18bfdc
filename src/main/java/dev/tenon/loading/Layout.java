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
    /** Whether the statement may give a root object on several rows; unknown, so yes, unless the compiler says no. */
    private boolean rootsRepeat = true;

    /** Records that {@code node}'s columns start at {@code column}; only while the statement is compiled. */
    void place(LoadNode node, int column) {
        if (sealed) {
            throw new IllegalStateException("a compiled statement's layout is not written after compilation");
        }
        firstColumns.put(node, column);
    }

    /** Records whether the statement may give a root object on several rows (a joined collection); only while compiled. */
    Layout rootsRepeat(boolean value) {
        if (sealed) {
            throw new IllegalStateException("a compiled statement's layout is not written after compilation");
        }
        rootsRepeat = value;
        return this;
    }

    /**
     * Whether each row of the statement gives a root object no other row gives, and no other node of the statement
     * reads the root's entity: the rows' roots are then distinct keys, which a map that held none of them before need
     * not look up.
     */
    boolean distinctRoots(LoadNode root) {
        return !rootsRepeat && nodesOf(root.entity) == 1;
    }

    /** Ends compilation: from here on the layout is only read. */
    Layout seal() {
        sealed = true;
        return this;
    }

    /** How many of the nodes this statement reads are of {@code entity}. */
    int nodesOf(dev.tenon.metadata.EntityModel entity) {
        int count = 0;
        for (LoadNode node : firstColumns.keySet()) {
            if (node.entity == entity) {
                count++;
            }
        }
        return count;
    }

    /** The position of {@code node}'s first column, or 0 when this statement does not read the node. */
    int columnOf(LoadNode node) {
        return firstColumns.getOrDefault(node, 0);
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
