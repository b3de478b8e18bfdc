package dev.tenon.ddl;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.TableModel;
import dev.tenon.sql.Dialect;
import java.util.List;

/**
 * The trigger function that sets a table's {@code serverOnUpdate} columns, where the database has no column clause
 * for it (PostgreSQL): one function per table, in the table's schema, named {@code <table>_on_update}.
 *
 * <pre>{@code
 * CREATE OR REPLACE FUNCTION note_on_update() RETURNS trigger LANGUAGE plpgsql AS $tenon$
 * BEGIN
 *     IF NEW.updated IS NOT DISTINCT FROM OLD.updated THEN
 *         NEW.updated := now();
 *     END IF;
 *     RETURN NEW;
 * END
 * $tenon$
 * }</pre>
 *
 * A column the UPDATE changed itself keeps its new value, as with H2's {@code ON UPDATE}: the database computes the
 * value only when the statement left the column as it was. {@code OR REPLACE} lets a function left behind by a table
 * dropped by hand be replaced rather than fail the next {@code createAll}.
 */
record CreateOnUpdateFunction(TableModel table) implements DdlStatement {
    @Override
    public String sql(Dialect dialect) {
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE FUNCTION ").append(name(dialect, table))
                .append("() RETURNS trigger LANGUAGE plpgsql AS $tenon$\nBEGIN\n");
        for (ColumnModel column : columns(dialect, table)) {
            String name = dialect.quote(column.name());
            sql.append("    IF NEW.").append(name).append(" IS NOT DISTINCT FROM OLD.").append(name).append(" THEN\n")
                    .append("        NEW.").append(name).append(" := ").append(CreateTable.value(dialect, column.serverOnUpdate()))
                    .append(";\n    END IF;\n");
        }
        return sql.append("    RETURN NEW;\nEND\n$tenon$").toString();
    }

    /** Whether {@code table} needs the function and its trigger in {@code dialect}. */
    static boolean needed(Dialect dialect, TableModel table) {
        return !columns(dialect, table).isEmpty();
    }

    /** The function's qualified, quoted name, without the parentheses. */
    static String name(Dialect dialect, TableModel table) {
        String name = Names.object(dialect, table.name() + "_on_update");
        return table.schema() == null ? name : dialect.quote(table.schema()) + "." + name;
    }

    // The columns whose on-update value the database cannot take as a column clause.
    private static List<ColumnModel> columns(Dialect dialect, TableModel table) {
        return table.columns().stream().filter(column -> column.serverOnUpdate() != null
                && dialect.onUpdateClause(CreateTable.value(dialect, column.serverOnUpdate())) == null).toList();
    }
}
