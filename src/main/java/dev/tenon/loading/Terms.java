package dev.tenon.loading;

import dev.tenon.exception.TenonException;
import dev.tenon.metadata.ColumnType;
import dev.tenon.sql.ColumnRef;
import dev.tenon.sql.Expression;
import java.util.List;
import java.util.Set;

/**
 * What the ORDER BY and HAVING of a projection may name: a column of the projection by its name (an aggregate's
 * alias, {@code "total"}), else an attribute path. In a grouped projection a path must be one of the GROUP BY terms,
 * as the databases require; telling it here gives the fix rather than the database's error.
 */
final class Terms {
    /** A term's SQL and the type of its values (what a HAVING value is bound as). */
    record Term(Expression sql, ColumnType type) {
    }

    private final List<ProjectedColumn> columns;
    private final PathResolver paths;
    private final Set<ColumnRef> grouped;

    /** {@code grouped} is null when the projection is not grouped. */
    Terms(List<ProjectedColumn> columns, PathResolver paths, Set<ColumnRef> grouped) {
        this.columns = columns;
        this.paths = paths;
        this.grouped = grouped;
    }

    Term resolve(String name, String clause) {
        ProjectedColumn named = null;
        for (ProjectedColumn column : columns) {
            if (column.name().equals(name)) {
                if (named != null) {
                    throw new TenonException(clause + "(\"" + name + "\"): two columns are named '" + name + "'; name one of them"
                            + " with as to tell them apart");
                }
                named = column;
            }
        }
        if (named != null) {
            return new Term(named.sql(), named.type());
        }
        ColumnRef ref;
        try {
            ref = paths.resolve(name);
        } catch (TenonException e) {
            throw new TenonException(clause + "(\"" + name + "\"): no column of the projection is named so "
                    + columns.stream().map(ProjectedColumn::name).toList() + ", and as an attribute path: " + e.getMessage(), e);
        }
        if (grouped != null && !grouped.contains(ref)) {
            throw notGrouped(clause, name);
        }
        return new Term(ref, ref.column().type());
    }

    /** The refusal of a path neither aggregated nor grouped in a grouped projection. */
    TenonException notGrouped(String clause, String path) {
        return new TenonException(clause + "(...): '" + path + "' is neither aggregated nor in groupBy(...), and a grouped"
                + " projection has one row per group: add it to groupBy(\"" + path + "\"), or aggregate it (min(\"" + path
                + "\"), max(\"" + path + "\"), count(\"" + path + "\"))");
    }
}
