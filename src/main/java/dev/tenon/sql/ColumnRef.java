package dev.tenon.sql;

import dev.tenon.metadata.ColumnModel;

/**
 * A column of an aliased table or subquery: {@code "dept_1"."deptno"}; without an alias, the bare column
 * (as in INSERT and UPDATE).
 *
 * @param alias  the table alias, or null
 * @param column the column
 */
public record ColumnRef(String alias, ColumnModel column) implements Expression {
    @Override
    public void render(SqlWriter writer) {
        if (alias != null) {
            writer.identifier(alias).append(".");
        }
        writer.identifier(column.name());
    }
}
