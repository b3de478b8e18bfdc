package dev.tenon.loading;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.sql.Expression;
import dev.tenon.sql.Select;
import java.util.List;

/**
 * The rows of one table that a query's conditions match, as the WHERE clause of a bulk UPDATE or DELETE on that
 * table: the query's own conditions, compiled as a query compiles them, when they need no join
 * ({@code UPDATE scott.emp emp_1 SET ... WHERE emp_1.job = ?}); else the keys of the rows the query finds
 * ({@code DELETE FROM scott.emp WHERE empno IN (SELECT emp_1.empno FROM scott.emp emp_1 JOIN ... WHERE ...)}), since
 * neither database joins in an UPDATE or DELETE the same way.
 *
 * @param alias the alias the statement's table goes by, which {@code where} uses; null when it needs none
 * @param where the condition, values bound; null for every row
 */
public record RowFilter(String alias, Expression where) {
    /** The filter of a query's parent query (no columns, no ORDER BY, no LIMIT yet). */
    static RowFilter of(EntityModel entity, CompiledQuery.Core core) {
        Select select = core.select();
        if (select.joins().isEmpty()) {
            List<Expression> terms = select.whereConditions();
            return new RowFilter(core.rootAlias(), terms.isEmpty() ? null : Expression.and(terms));
        }
        List<ColumnModel> key = entity.primaryKey();
        for (ColumnModel column : key) {
            select.select(Expression.column(core.rootAlias(), column), null);
        }
        return new RowFilter(null, writer -> {
            writer.append("(");
            for (int i = 0; i < key.size(); i++) {
                writer.append(i == 0 ? "" : ", ").identifier(key.get(i).name());
            }
            writer.append(") IN (").node(select).append(")");
        });
    }
}
