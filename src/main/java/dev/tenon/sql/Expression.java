package dev.tenon.sql;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL expression: a column, a parameter, a comparison, a boolean combination. The static factories are
 * the whole vocabulary; the query layer builds these from attribute names.
 */
public interface Expression extends SqlNode {
    /** {@code alias.column}. */
    static Expression column(String alias, ColumnModel column) {
        return new ColumnRef(alias, column);
    }

    /** A bound value, typed like {@code column}. */
    static Expression value(Object value, ColumnType type) {
        return writer -> writer.param(value, type);
    }

    /** {@code left op right}, for op one of {@code = <> < <= > >=}. */
    static Expression compare(Expression left, String op, Expression right) {
        return writer -> writer.node(left).append(" " + op + " ").node(right);
    }

    /** {@code left LIKE right}. */
    static Expression like(Expression left, Expression pattern) {
        return writer -> writer.node(left).append(" LIKE ").node(pattern);
    }

    /** {@code operand IS NULL}. */
    static Expression isNull(Expression operand) {
        return writer -> writer.node(operand).append(" IS NULL");
    }

    /** {@code EXISTS (subquery)}, or {@code NOT EXISTS (subquery)}. */
    static Expression exists(Select subquery, boolean negated) {
        return writer -> writer.append(negated ? "NOT EXISTS (" : "EXISTS (").node(subquery).append(")");
    }

    /** {@code operand IN (subquery)}, or {@code operand NOT IN (subquery)}; the subquery selects one column. */
    static Expression inSubquery(Expression operand, boolean negated, Select subquery) {
        return writer -> writer.node(operand).append(negated ? " NOT IN (" : " IN (").node(subquery).append(")");
    }

    /** {@code operand BETWEEN low AND high}. */
    static Expression between(Expression operand, Expression low, Expression high) {
        return writer -> writer.node(operand).append(" BETWEEN ").node(low).append(" AND ").node(high);
    }

    /** {@code LOWER(operand)}: how case-insensitive matching is written, the same on every database. */
    static Expression lower(Expression operand) {
        return writer -> writer.append("LOWER(").node(operand).append(")");
    }

    /** {@code NOT (operand)}. */
    static Expression not(Expression operand) {
        return writer -> writer.append("NOT (").node(operand).append(")");
    }

    /** The conjunction; one term is itself. */
    static Expression and(List<Expression> terms) {
        return junction(" AND ", terms);
    }

    /** The disjunction; one term is itself. */
    static Expression or(List<Expression> terms) {
        return junction(" OR ", terms);
    }

    private static Expression junction(String op, List<Expression> terms) {
        List<Expression> copy = List.copyOf(terms);
        if (copy.size() == 1) {
            return copy.get(0);
        }
        return writer -> {
            writer.append("(");
            for (int i = 0; i < copy.size(); i++) {
                writer.append(i == 0 ? "" : op).node(copy.get(i));
            }
            writer.append(")");
        };
    }

    /**
     * {@code column IN (...)} for a list of values, rendered by the dialect: one array ({@code = ANY(?)}).
     */
    static Expression in(Expression column, ColumnType type, List<?> values) {
        return writer -> writer.dialect().renderIn(writer, column, type, values);
    }

    /**
     * Row values in a list, for composite keys: {@code (a, b) IN ((?, ?), (?, ?))}.
     *
     * @param columns the columns, each {@code alias.column}
     * @param rows    one list of values per row, in column order
     */
    static Expression inRows(List<ColumnRef> columns, List<List<Object>> rows) {
        if (columns.size() == 1) {
            List<Object> single = new ArrayList<>();
            rows.forEach(row -> single.add(row.get(0)));
            return in(columns.get(0), columns.get(0).column().type(), single);
        }
        return writer -> {
            writer.append("(");
            for (int i = 0; i < columns.size(); i++) {
                writer.append(i == 0 ? "" : ", ").node(columns.get(i));
            }
            writer.append(") IN (");
            for (int r = 0; r < rows.size(); r++) {
                writer.append(r == 0 ? "(" : ", (");
                for (int i = 0; i < columns.size(); i++) {
                    writer.append(i == 0 ? "" : ", ").param(rows.get(r).get(i), columns.get(i).column().type());
                }
                writer.append(")");
            }
            writer.append(")");
        };
    }

    /** Pairwise equality of two column lists: a join condition. */
    static Expression joinOn(String leftAlias, List<ColumnModel> left, String rightAlias, List<ColumnModel> right) {
        List<Expression> terms = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            terms.add(compare(column(leftAlias, left.get(i)), "=", column(rightAlias, right.get(i))));
        }
        return and(terms);
    }

    /**
     * {@code ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...)}: each row's place among the rows of its partition, the
     * same on H2 and PostgreSQL. How a top-N per parent load numbers each parent's children.
     */
    static Expression rowNumber(List<? extends Expression> partitionBy, List<Select.Order> orderBy) {
        List<Expression> partitions = List.copyOf(partitionBy);
        List<Select.Order> orders = List.copyOf(orderBy);
        return writer -> {
            writer.append("ROW_NUMBER() OVER (");
            for (int i = 0; i < partitions.size(); i++) {
                writer.append(i == 0 ? "PARTITION BY " : ", ").node(partitions.get(i));
            }
            for (int i = 0; i < orders.size(); i++) {
                writer.append(i == 0 ? (partitions.isEmpty() ? "ORDER BY " : " ORDER BY ") : ", ").node(orders.get(i).expression());
                if (orders.get(i).descending()) {
                    writer.append(" DESC");
                }
            }
            writer.append(")");
        };
    }

    /** SQL written by Tenon itself (never from user values). */
    static Expression raw(String sql) {
        return writer -> writer.append(sql);
    }
}
