package dev.tenon.metadata;

import dev.tenon.annotation.ReferentialAction;
import java.util.List;

/**
 * A foreign key: columns of {@link #table()} that reference columns of {@link #target()}.
 *
 * @param name          the constraint name
 * @param table         the referencing table
 * @param columns       the referencing columns
 * @param target        the referenced table (the same table for a self-reference)
 * @param targetColumns the referenced columns, in the same order
 * @param onDelete      the ON DELETE action
 */
public record ForeignKeyModel(String name, TableModel table, List<ColumnModel> columns, TableModel target,
                              List<ColumnModel> targetColumns, ReferentialAction onDelete) {
    /** Copies the lists, so the record is immutable. */
    public ForeignKeyModel {
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
    }

    /** Whether the key references its own table (an employee's manager, say). */
    public boolean selfReferential() {
        return table == target;
    }

    /** Whether every referencing column is NOT NULL, so a row always has a parent. */
    public boolean mandatory() {
        return columns.stream().noneMatch(ColumnModel::nullable);
    }

    @Override
    public String toString() {
        return name + " (" + table.qualifiedName() + " -> " + target.qualifiedName() + ")";
    }

    // The records reference tables that reference them back: identity semantics avoid endless recursion.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
