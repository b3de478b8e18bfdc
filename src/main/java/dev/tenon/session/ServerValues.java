package dev.tenon.session;

import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.TableModel;
import dev.tenon.sql.ColumnRef;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Select;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the columns the database changes on update ({@code @Column(serverOnUpdate = true)}, a trigger
 * say), so that the objects show them after the flush without a manual refresh: one SELECT by key for the rows
 * of an update batch (in chunks of the session's batch size), not one per row.
 */
final class ServerValues {
    private final Session session;
    private final UndoLog undo;

    ServerValues(Session session, UndoLog undo) {
        this.session = session;
        this.undo = undo;
    }

    /** Sets {@code columns} of every updated object from its row; the objects are of one table. */
    void read(List<InstanceState> states, List<ColumnModel> columns) {
        if (states.isEmpty()) {
            return;
        }
        int chunk = session.options().batchSize();
        int keyColumns = states.get(0).entity().table().primaryKey().size();
        if (keyColumns > 1) {
            // Row values bind one parameter per key column: stay within what the database takes in one statement.
            chunk = Math.max(1, Math.min(chunk, session.database().dialect().maxParameters() / keyColumns));
        }
        for (int from = 0; from < states.size(); from += chunk) {
            readChunk(states.subList(from, Math.min(states.size(), from + chunk)), columns);
        }
    }

    private void readChunk(List<InstanceState> states, List<ColumnModel> columns) {
        TableModel table = states.get(0).entity().table();
        List<ColumnModel> key = table.primaryKey();
        Select select = new Select().from(new FromItem.TableRef(table, "t"));
        key.forEach(column -> select.select(Expression.column("t", column), null));
        columns.forEach(column -> select.select(Expression.column("t", column), null));
        Map<Object, InstanceState> byId = new HashMap<>();
        List<List<Object>> keys = new ArrayList<>();
        for (InstanceState state : states) {
            Object id = state.id();
            byId.put(id, state);
            keys.add(key.size() == 1 ? List.of(id) : List.copyOf((List<?>) id));
        }
        select.where(Expression.inRows(key.stream().map(column -> new ColumnRef("t", column)).toList(), keys));
        session.database().executor().query(session.connection(), select.toBoundSql(session.database().dialect()), session.statistics(), row -> {
            Object[] parts = new Object[key.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = key.get(i).type().read(row, i + 1);
            }
            InstanceState state = byId.get(parts.length == 1 ? parts[0] : List.of(parts));
            if (state != null) {
                for (int i = 0; i < columns.size(); i++) {
                    undo.set(state.object(), columns.get(i), columns.get(i).type().read(row, key.size() + i + 1));
                }
            }
        });
    }
}
