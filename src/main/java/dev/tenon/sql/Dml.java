package dev.tenon.sql;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.TableModel;
import java.util.List;

/**
 * The text of INSERT, UPDATE and DELETE statements for one table and a list of columns. The text is the
 * same for every row of a JDBC batch; the values are bound per row by the caller.
 */
public final class Dml {
    private final Dialect dialect;

    /** Renders for {@code dialect}. */
    public Dml(Dialect dialect) {
        this.dialect = dialect;
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?)}. */
    public String insert(TableModel table, List<ColumnModel> columns) {
        SqlWriter writer = new SqlWriter(dialect).append("INSERT INTO ").table(table).append(" (");
        appendNames(writer, columns, ", ", "");
        writer.append(") VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            writer.append(i == 0 ? "?" : ", ?");
        }
        return writer.append(")").toBoundSql().sql();
    }

    /** {@code UPDATE t SET a = ?, b = ? WHERE k = ?}. */
    public String update(TableModel table, List<ColumnModel> set, List<ColumnModel> where) {
        SqlWriter writer = new SqlWriter(dialect).append("UPDATE ").table(table).append(" SET ");
        appendNames(writer, set, ", ", " = ?");
        writer.append(" WHERE ");
        appendNames(writer, where, " AND ", " = ?");
        return writer.toBoundSql().sql();
    }

    /** {@code DELETE FROM t WHERE k = ?}. */
    public String delete(TableModel table, List<ColumnModel> where) {
        SqlWriter writer = new SqlWriter(dialect).append("DELETE FROM ").table(table).append(" WHERE ");
        appendNames(writer, where, " AND ", " = ?");
        return writer.toBoundSql().sql();
    }

    private static void appendNames(SqlWriter writer, List<ColumnModel> columns, String separator, String suffix) {
        for (int i = 0; i < columns.size(); i++) {
            writer.append(i == 0 ? "" : separator).identifier(columns.get(i).name()).append(suffix);
        }
    }
}
