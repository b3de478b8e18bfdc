package dev.tenon.loading;

import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.sql.Expression;
import dev.tenon.sql.Select;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a statement that loads the children of many parents at once (selectin, subquery, lazy) and sorts its
 * rows by parent: each row carries, after the child's own columns, the key of the parent it belongs to.
 */
final class SecondaryQuery {
    private SecondaryQuery() {
    }

    /**
     * Runs {@code select}, whose rows hold {@code node}'s entity (and its joined relationships) followed by the
     * parent-key columns {@code keyColumns} (typed like them), added here.
     *
     * @return the children of each parent key, in row order
     */
    static Map<Object, List<Object>> run(LoadContext context, LoadNode node, Select select, List<Expression> keyExpressions,
                                         List<ColumnModel> keyColumns, ParentSource source) {
        int firstKey = select.items().size() + 1;
        for (Expression key : keyExpressions) {
            select.select(key, null);
        }
        ResultAssembler assembler = new ResultAssembler(context, node, source, "load " + node.relationship);
        Map<Object, List<Object>> byParent = new HashMap<>();
        // A child seen for the first time in this statement cannot be in any parent's list yet; only a child that
        // comes again (a many-to-many, or rows repeated by a joined collection below) needs looking up.
        Map<Object, Set<Object>> seen = new HashMap<>();
        context.transaction().query(select.toBoundSql(context.dialect()), row -> {
            InstanceState child = assembler.row(row);
            Object key = parentKey(row, keyColumns, firstKey);
            if (child == null || key == null) {
                return;
            }
            List<Object> members = byParent.computeIfAbsent(key, k -> new ArrayList<>());
            Set<Object> known = assembler.rootWasNew() ? seen.get(key) : seen.computeIfAbsent(key, k -> identitySet(members));
            if (assembler.rootWasNew() || !known.contains(child.object())) {
                members.add(child.object());
                if (known != null) {
                    known.add(child.object());
                }
            }
        });
        assembler.finish();
        return byParent;
    }

    private static Object parentKey(ResultSet row, List<ColumnModel> keyColumns, int firstKey) throws SQLException {
        if (keyColumns.size() == 1) {
            return keyColumns.get(0).type().read(row, firstKey);
        }
        List<Object> values = new ArrayList<>(keyColumns.size());
        for (int i = 0; i < keyColumns.size(); i++) {
            values.add(keyColumns.get(i).type().read(row, firstKey + i));
        }
        return Keys.identity(values);
    }

    private static Set<Object> identitySet(List<Object> members) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(members);
        return set;
    }

    /** Appends the child's columns (and its joined relationships) to a statement reading {@code node} under {@code alias}. */
    static void selectChild(Select select, LoadNode node, String alias, Aliases aliases) {
        node.alias = alias;
        node.firstColumn = select.items().size() + 1;
        for (ColumnModel column : node.entity.columns()) {
            select.select(Expression.column(alias, column), null);
        }
        for (var order : node.relationship.orderBy()) {
            select.orderBy(Expression.column(alias, order.column()), order.descending());
        }
        QueryCompiler.addJoined(select, node, aliases, false);
    }
}
