package dev.tenon.sql;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.TableModel;
import java.util.List;

/**
 * The text of one INSERT of many rows, {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?)}, and of the forms that
 * also return columns of the rows they insert (generated keys, server defaults):
 * <pre>
 * PostgreSQL  INSERT INTO t (a, b) VALUES (?, ?), (?, ?) RETURNING k, c
 * H2          SELECT k, c FROM FINAL TABLE (INSERT INTO t (a, b) VALUES (?, ?), (?, ?))
 * </pre>
 * A database with {@link Dialect#supportsReturning() RETURNING} gets the first, the other (H2) its data change
 * delta table. Neither returns the rows in a promised order, so the caller matches them to its rows: by a key it
 * wrote, or by a generated key that {@link #returningInOrder} makes follow the order of the rows. The parameters are
 * the rows' values, row after row; one row is the text a single-row INSERT has.
 */
public final class MultiRowInsert {
    private final Dialect dialect;

    /** Renders for {@code dialect}. */
    public MultiRowInsert(Dialect dialect) {
        this.dialect = dialect;
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?)}, returning nothing. */
    public BoundSql values(TableModel table, List<ColumnModel> columns, List<List<Param>> rows) {
        SqlWriter writer = new SqlWriter(dialect);
        insertValues(writer, table, columns, rows);
        return writer.toBoundSql();
    }

    /** The INSERT returning {@code returned} of each row it inserts, in no particular order. */
    public BoundSql returning(TableModel table, List<ColumnModel> columns, List<List<Param>> rows, List<ColumnModel> returned) {
        SqlWriter writer = new SqlWriter(dialect);
        if (!dialect.supportsReturning()) {
            writer.append("SELECT ");
            names(writer, returned);
            writer.append(" FROM FINAL TABLE (");
            insertValues(writer, table, columns, rows);
            return writer.append(")").toBoundSql();
        }
        insertValues(writer, table, columns, rows);
        writer.append(" RETURNING ");
        names(writer, returned);
        return writer.toBoundSql();
    }

    /**
     * The INSERT returning {@code returned}, written so that an identity or sequence draws its values in the order
     * of the rows: sorted by the generated key, the returned rows are in the order of {@code rows}. PostgreSQL draws
     * them in the order the SELECT gives its rows, so the rows carry their number and are inserted from a SELECT
     * ordered by it, SQLAlchemy 2.0's "insertmanyvalues":
     * <pre>
     * INSERT INTO t (a, b) SELECT CAST(p.c1 AS int4), CAST(p.c2 AS varchar) FROM (VALUES (?, ?, 0), (?, ?, 1))
     *     AS p(c1, c2, n) ORDER BY p.n RETURNING k
     * </pre>
     * H2 inserts the rows of a VALUES list one after the other, so its form is that of {@link #returning}.
     */
    public BoundSql returningInOrder(TableModel table, List<ColumnModel> columns, List<List<Param>> rows, List<ColumnModel> returned) {
        if (!dialect.supportsReturning()) {
            return returning(table, columns, rows, returned);
        }
        SqlWriter writer = new SqlWriter(dialect).append("INSERT INTO ").table(table).append(" (");
        names(writer, columns);
        writer.append(") SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            // A parameter in a VALUES list has no column to take its type from: one bound without a type (a date, a
            // timestamp, a null) is text there, which no cast on assignment turns into a date. The cast is to the
            // type without its size: a cast to varchar(14) cuts a longer value short, where the INSERT refuses it.
            writer.append(i == 0 ? "" : ", ").append("CAST(p.c" + (i + 1) + " AS ")
                    .append(dialect.arrayElementType(columns.get(i).sqlType())).append(")");
        }
        writer.append(" FROM (VALUES ");
        for (int row = 0; row < rows.size(); row++) {
            writer.append(row == 0 ? "(" : ", (");
            for (Param param : rows.get(row)) {
                writer.param(param).append(", ");
            }
            // The row's number is Tenon's own, not a value of the application: written, it keeps the parameters to
            // the rows' values, and full statements of one shape still share one text.
            writer.append(Integer.toString(row)).append(")");
        }
        writer.append(") AS p(");
        for (int i = 0; i < columns.size(); i++) {
            writer.append("c" + (i + 1) + ", ");
        }
        writer.append("n) ORDER BY p.n RETURNING ");
        names(writer, returned);
        return writer.toBoundSql();
    }

    private static void insertValues(SqlWriter writer, TableModel table, List<ColumnModel> columns, List<List<Param>> rows) {
        writer.append("INSERT INTO ").table(table).append(" (");
        names(writer, columns);
        writer.append(") VALUES ");
        for (int row = 0; row < rows.size(); row++) {
            writer.append(row == 0 ? "(" : ", (");
            List<Param> values = rows.get(row);
            for (int i = 0; i < values.size(); i++) {
                writer.append(i == 0 ? "" : ", ").param(values.get(i));
            }
            writer.append(")");
        }
    }

    private static void names(SqlWriter writer, List<ColumnModel> columns) {
        for (int i = 0; i < columns.size(); i++) {
            writer.append(i == 0 ? "" : ", ").identifier(columns.get(i).name());
        }
    }
}
