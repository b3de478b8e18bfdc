package dev.tenon.loading;

import dev.tenon.metadata.ColumnType;
import dev.tenon.query.Selection;
import dev.tenon.sql.ColumnRef;
import dev.tenon.sql.Expression;

/**
 * One column of a compiled projection: its name (what a record component is matched with), the SQL that computes it,
 * the type its values are read as, and, for a plain attribute, the column it reads (what GROUP BY must hold when the
 * projection is grouped).
 *
 * @param name      the column's name ({@link Selection#name()})
 * @param selection what the application asked for, for messages
 * @param sql       the expression selected
 * @param type      how its values are read, and the Java type they have
 * @param attribute the attribute's column for a plain attribute; null for an aggregate
 */
record ProjectedColumn(String name, Selection selection, Expression sql, ColumnType type, ColumnRef attribute) {
    /** Whether the column is an aggregate, computed over the rows of a group. */
    boolean aggregate() {
        return attribute == null;
    }

    /** The Java type of the values, boxed: what a record component or a scalar must accept. */
    Class<?> javaType() {
        return QueryValues.box(type.javaType());
    }

    /** How to write this column named {@code name}: {@code "department.dname as dept"}, {@code sum("sal").as("total")}. */
    String renamed(String name) {
        return selection instanceof Selection.Aggregate
                ? asked() + ".as(\"" + name + "\")"
                : "\"" + selection.path() + " as " + name + "\"";
    }

    private String asked() {
        return selection instanceof Selection.Aggregate aggregate
                ? aggregate.function().call() + "(" + (aggregate.path() == null ? "" : "\"" + aggregate.path() + "\"") + ")"
                : selection.path();
    }

    /** How the column is shown in messages: {@code 'total' (sum("sal"))}. */
    String describe() {
        String asked = asked();
        return "'" + name + "'" + (asked.equals(name) ? "" : " (" + asked + ")");
    }
}
