package dev.tenon.sql;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.TableModel;
import java.util.List;

/**
 * One row inserted, or the row it conflicts with updated instead, and that row returned whichever happened: an
 * upsert, rendered by the {@link Dialect#renderUpsert dialect}, since the two databases share no syntax for it.
 * <pre>
 * PostgreSQL  INSERT INTO t (k, a, b) VALUES (?, ?, ?) ON CONFLICT (k) DO UPDATE SET a = ?, b = ? RETURNING k, a, b, c
 * H2          SELECT k, a, b, c FROM FINAL TABLE (MERGE INTO t AS u USING (VALUES 1) AS v(one) ON u.k = ?
 *                 WHEN MATCHED THEN UPDATE SET a = ?, b = ? WHEN NOT MATCHED THEN INSERT (k, a, b) VALUES (?, ?, ?))
 * </pre>
 * H2 has no {@code ON CONFLICT ... DO UPDATE}, and PostgreSQL's MERGE (15) has no {@code RETURNING}; H2 returns the
 * merged row through its data change delta table. Every value is a parameter set against a column of the table, so
 * that it takes that column's type without a cast: the updated values are bound again rather than read from
 * {@code EXCLUDED} or a source row, which keeps both texts alike.
 *
 * @param table          the table
 * @param inserted       the columns the INSERT writes, never empty
 * @param insertValues   their values
 * @param conflict       the columns of the key or unique constraint whose equal values make a conflict
 * @param conflictValues their values (H2 compares them; PostgreSQL finds them among the inserted ones)
 * @param updated        the columns set on conflict, never empty
 * @param updateValues   their values
 * @param returned       the columns of the row to return, in this order
 */
public record Upsert(TableModel table, List<ColumnModel> inserted, List<Param> insertValues, List<ColumnModel> conflict,
                     List<Param> conflictValues, List<ColumnModel> updated, List<Param> updateValues, List<ColumnModel> returned) {
    /** Copies the lists, and refuses lists of columns and values that do not pair up. */
    public Upsert {
        inserted = List.copyOf(inserted);
        insertValues = List.copyOf(insertValues);
        conflict = List.copyOf(conflict);
        conflictValues = List.copyOf(conflictValues);
        updated = List.copyOf(updated);
        updateValues = List.copyOf(updateValues);
        returned = List.copyOf(returned);
        if (inserted.isEmpty() || updated.isEmpty() || conflict.isEmpty() || returned.isEmpty()
                || inserted.size() != insertValues.size() || conflict.size() != conflictValues.size()
                || updated.size() != updateValues.size()) {
            throw new IllegalArgumentException("An upsert needs columns to insert, to match and to update, each with its value");
        }
    }

    /** The statement in {@code dialect}. */
    public BoundSql toBoundSql(Dialect dialect) {
        SqlWriter writer = new SqlWriter(dialect);
        dialect.renderUpsert(writer, this);
        return writer.toBoundSql();
    }

    /** Writes {@code a, b, c}. */
    static void names(SqlWriter writer, List<ColumnModel> columns) {
        for (int i = 0; i < columns.size(); i++) {
            writer.append(i == 0 ? "" : ", ").identifier(columns.get(i).name());
        }
    }

    /** Writes {@code ?, ?, ?} with the values. */
    static void values(SqlWriter writer, List<Param> values) {
        for (int i = 0; i < values.size(); i++) {
            writer.append(i == 0 ? "" : ", ").param(values.get(i));
        }
    }

    /** Writes {@code a = ?, b = ?} with the updated values. */
    void set(SqlWriter writer) {
        for (int i = 0; i < updated.size(); i++) {
            writer.append(i == 0 ? "" : ", ").identifier(updated.get(i).name()).append(" = ").param(updateValues.get(i));
        }
    }
}
