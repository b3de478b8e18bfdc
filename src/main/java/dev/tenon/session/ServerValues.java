package dev.tenon.session;

import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.TableModel;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Select;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back the columns the database changes on update ({@code @Column(serverOnUpdate = true)}, a trigger
 * say), so that the object shows them after the flush without a manual refresh.
 */
final class ServerValues {
    private final Session session;
    private final UndoLog undo;

    ServerValues(Session session, UndoLog undo) {
        this.session = session;
        this.undo = undo;
    }

    void read(InstanceState state, List<ColumnModel> columns) {
        TableModel table = state.entity().table();
        Select select = new Select().from(new FromItem.TableRef(table, "t"));
        columns.forEach(column -> select.select(Expression.column("t", column), null));
        List<Expression> key = new ArrayList<>();
        List<ColumnModel> primaryKey = table.primaryKey();
        for (int i = 0; i < primaryKey.size(); i++) {
            Object value = primaryKey.size() == 1 ? state.key().id() : ((List<?>) state.key().id()).get(i);
            key.add(Expression.compare(Expression.column("t", primaryKey.get(i)), "=", Expression.value(value, primaryKey.get(i).type())));
        }
        select.where(Expression.and(key));
        session.database().executor().query(session.connection(), select.toBoundSql(session.database().dialect()), session.statistics(), row -> {
            for (int i = 0; i < columns.size(); i++) {
                undo.set(state.object(), columns.get(i), columns.get(i).type().read(row, i + 1));
            }
        });
    }
}
