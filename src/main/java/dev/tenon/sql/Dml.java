package dev.tenon.sql;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.TableModel;
import java.util.List;

/**
 * The text of INSERT, UPDATE and DELETE statements for one table and a list of columns. The text is the
 * same for every row of a JDBC batch; the values are bound per row by the caller. A bulk UPDATE or DELETE is one
 * statement for the rows a condition matches, its values bound as it is written.
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

    /** One {@code column = value} of a bulk UPDATE's SET list; the value an expression (a parameter, {@code version + 1}). */
    public record Assignment(ColumnModel column, Expression value) {
    }

    /**
     * A bulk {@code UPDATE t alias SET a = ?, ... WHERE ...}, one statement for every row {@code where} matches (every
     * row when null). With {@code returning} columns the statement gives the updated rows' values back: {@code RETURNING}
     * where the dialect has it, else H2's delta table {@code SELECT ... FROM FINAL TABLE (UPDATE ...)}.
     */
    public BoundSql bulkUpdate(TableModel table, String alias, List<Assignment> set, Expression where, List<ColumnModel> returning) {
        SqlWriter writer = new SqlWriter(dialect);
        boolean delta = openDelta(writer, returning, "FINAL");
        writer.append("UPDATE ").table(table);
        if (alias != null) {
            writer.append(" ").identifier(alias);
        }
        for (int i = 0; i < set.size(); i++) {
            writer.append(i == 0 ? " SET " : ", ").identifier(set.get(i).column().name()).append(" = ").node(set.get(i).value());
        }
        return closeBulk(writer, where, returning, delta);
    }

    /**
     * A bulk {@code DELETE FROM t alias WHERE ...}; with {@code returning} columns, the deleted rows' values come back
     * ({@code RETURNING}, or H2's {@code SELECT ... FROM OLD TABLE (DELETE ...)}).
     */
    public BoundSql bulkDelete(TableModel table, String alias, Expression where, List<ColumnModel> returning) {
        SqlWriter writer = new SqlWriter(dialect);
        boolean delta = openDelta(writer, returning, "OLD");
        writer.append("DELETE FROM ").table(table);
        if (alias != null) {
            writer.append(" ").identifier(alias);
        }
        return closeBulk(writer, where, returning, delta);
    }

    private boolean openDelta(SqlWriter writer, List<ColumnModel> returning, String which) {
        if (returning.isEmpty() || dialect.supportsReturning()) {
            return false;
        }
        writer.append("SELECT ");
        appendNames(writer, returning, ", ", "");
        writer.append(" FROM " + which + " TABLE (");
        return true;
    }

    private static BoundSql closeBulk(SqlWriter writer, Expression where, List<ColumnModel> returning, boolean delta) {
        if (where != null) {
            writer.append(" WHERE ").node(where);
        }
        if (delta) {
            writer.append(")");
        } else if (!returning.isEmpty()) {
            writer.append(" RETURNING ");
            appendNames(writer, returning, ", ", "");
        }
        return writer.toBoundSql();
    }

    private static void appendNames(SqlWriter writer, List<ColumnModel> columns, String separator, String suffix) {
        for (int i = 0; i < columns.size(); i++) {
            writer.append(i == 0 ? "" : separator).identifier(columns.get(i).name()).append(suffix);
        }
    }
}
