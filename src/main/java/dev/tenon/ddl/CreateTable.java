package dev.tenon.ddl;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.ForeignKeyModel;
import dev.tenon.metadata.IndexModel;
import dev.tenon.metadata.ServerDefault;
import dev.tenon.metadata.TableModel;
import dev.tenon.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code CREATE TABLE} with columns, primary key, unique constraints and the foreign keys that can be
 * declared inline (all but those deferred to break a cycle).
 */
record CreateTable(TableModel table, Set<ForeignKeyModel> deferred) implements DdlStatement {
    @Override
    public String sql(Dialect dialect) {
        List<String> lines = new ArrayList<>();
        for (ColumnModel column : table.columns()) {
            lines.add(column(dialect, column));
        }
        lines.add("CONSTRAINT " + Names.object(dialect, "pk_" + table.name()) + " PRIMARY KEY (" + Names.columns(dialect, table.primaryKey()) + ")");
        for (IndexModel unique : table.indexes()) {
            if (unique.constraint()) {
                lines.add("CONSTRAINT " + Names.object(dialect, unique.name()) + " UNIQUE (" + Names.list(dialect, unique.columns()) + ")");
            }
        }
        for (ForeignKeyModel fk : table.foreignKeys()) {
            if (!deferred.contains(fk)) {
                lines.add(AddForeignKey.clause(dialect, fk));
            }
        }
        return "CREATE TABLE " + Names.table(dialect, table) + " (\n    " + String.join(",\n    ", lines) + "\n)";
    }

    private static String column(Dialect dialect, ColumnModel column) {
        StringBuilder sql = new StringBuilder(dialect.quote(column.name())).append(' ').append(dialect.typeName(column));
        if (column.identity()) {
            sql.append(' ').append(dialect.identityClause());
        }
        if (column.serverDefault() != null) {
            sql.append(" DEFAULT ").append(value(dialect, column.serverDefault()));
        }
        String onUpdate = column.serverOnUpdate() == null ? null : dialect.onUpdateClause(value(dialect, column.serverOnUpdate()));
        if (onUpdate != null) {
            sql.append(' ').append(onUpdate);
        }
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /** A server-side value as SQL: "now" in the dialect's words, anything else as written. */
    static String value(Dialect dialect, ServerDefault value) {
        return value.kind() == ServerDefault.Kind.NOW ? dialect.currentTimestamp() : value.text();
    }
}
