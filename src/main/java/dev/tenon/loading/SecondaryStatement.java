package dev.tenon.loading;

import dev.tenon.metadata.ColumnModel;
import java.util.List;

/**
 * A compiled statement that loads the children of many parents (selectin, subquery, lazy): its SQL, the plan node it
 * reads with the layout of its columns, and where each row's parent key starts. Never written after compilation, so
 * it is cached and shared between sessions and threads.
 *
 * @param sql        the statement text
 * @param node       the node whose entity each row holds
 * @param layout     where each node read by the statement starts
 * @param firstKey   the position of the first parent-key column
 * @param keyColumns the columns the parent key is typed like; empty when rows carry no parent key
 */
record SecondaryStatement(String sql, LoadNode node, Layout layout, int firstKey, List<ColumnModel> keyColumns) {
    SecondaryStatement {
        keyColumns = List.copyOf(keyColumns);
    }
}
