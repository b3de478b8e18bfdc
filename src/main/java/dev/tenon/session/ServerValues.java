package dev.tenon.session;

import dev.tenon.engine.RowHandler;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.TableModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back, from the UPDATE itself, the columns the database changes on update ({@code @Column(serverOnUpdate)}),
 * so that the objects show them after the flush without a refresh and without a statement more: the UPDATE is
 * prepared with the key and those columns as generated keys, which PostgreSQL turns into {@code RETURNING} and H2
 * 2.x answers from the updated rows. Rows are matched to objects by key, not by position, so that a row the
 * UPDATE did not find (reported after the batch) cannot shift the others.
 */
final class ServerValues implements RowHandler {
    private final UndoLog undo;
    private final List<ColumnModel> key;
    private final List<ColumnModel> columns;
    private final Map<Object, InstanceState> byId = new HashMap<>();

    /** Sets {@code columns} of {@code states}, objects of one table, from the rows the UPDATE returns. */
    ServerValues(UndoLog undo, List<InstanceState> states, List<ColumnModel> columns) {
        this.undo = undo;
        this.key = states.get(0).entity().table().primaryKey();
        this.columns = columns;
        for (InstanceState state : states) {
            byId.put(state.id(), state);
        }
    }

    /** The columns to ask the UPDATE for: the key, then {@code columns}. */
    static String[] returning(TableModel table, List<ColumnModel> columns) {
        List<String> names = new ArrayList<>();
        table.primaryKey().forEach(column -> names.add(column.name()));
        columns.forEach(column -> names.add(column.name()));
        return names.toArray(String[]::new);
    }

    @Override
    public void row(ResultSet row) throws SQLException {
        Object[] parts = new Object[key.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = key.get(i).type().read(row, row.findColumn(key.get(i).name()));
        }
        InstanceState state = byId.get(parts.length == 1 ? parts[0] : List.of(parts));
        if (state != null) {
            for (ColumnModel column : columns) {
                undo.set(state.object(), column, column.type().read(row, row.findColumn(column.name())));
            }
        }
    }
}
