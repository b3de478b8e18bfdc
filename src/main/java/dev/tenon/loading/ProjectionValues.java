package dev.tenon.loading;

import dev.tenon.metadata.ColumnType;
import dev.tenon.metadata.EntityModel;
import dev.tenon.query.Condition;
import dev.tenon.query.Projection;
import dev.tenon.query.Query;
import dev.tenon.query.Selection;
import dev.tenon.sql.Dialect;
import dev.tenon.sql.Expression;
import dev.tenon.sql.Param;
import dev.tenon.sql.SqlWriter;
import dev.tenon.sql.ValueParam;
import java.util.ArrayList;
import java.util.List;

/**
 * A projection split, as {@link QueryValues} splits a query, into its shape (what its statement is cached by: the
 * entity query's shape, the columns with their names, the grouping, the HAVING conditions without their values, the
 * order and the target) and the values each execution binds: the WHERE values, the HAVING values, the limit and the
 * offset, in the order of the statement's parameters.
 */
final class ProjectionValues {
    private ProjectionValues() {
    }

    private record Shape(Object query, List<Selection> selections, List<String> grouping, List<Object> havings,
                         List<Query.Order> orders, Projection.Target target) {
    }

    static Object shape(Projection<?> projection, EntityModel entity, Dialect dialect) {
        List<Object> havings = new ArrayList<>(projection.havings().size());
        for (Condition condition : projection.havings()) {
            havings.add(QueryValues.shape(condition, dialect));
        }
        return new Shape(QueryValues.shape(projection.query(), entity, dialect), projection.selections(), projection.grouping(), havings,
                projection.orders(), projection.target());
    }

    /** The parameters of one execution of {@code projection} compiled as {@code compiled}. */
    static List<Param> params(Projection<?> projection, CompiledProjection compiled, Dialect dialect) {
        List<Param> having = new ArrayList<>();
        int[] next = {0};
        for (Condition condition : projection.havings()) {
            bind(condition, compiled.havingSlots(), next, having, dialect);
        }
        return QueryValues.params(projection.query(), compiled.slots(), dialect, having);
    }

    private static void bind(Condition condition, List<ColumnType> slots, int[] next, List<Param> params, Dialect dialect) {
        if (condition instanceof Condition.Compare compare) {
            ColumnType type = slots.get(next[0]++);
            params.add(new ValueParam(QueryValues.typed(compare.path(), type, compare.value(), compare.op()), type));
        } else if (condition instanceof Condition.In in) {
            ColumnType type = slots.get(next[0]++);
            Expression list = Expression.in(writer -> { }, type, QueryValues.typed(in.path(), type, in.values()));
            params.addAll(new SqlWriter(dialect).node(list).toBoundSql().params());
        } else if (condition instanceof Condition.Between between) {
            ColumnType type = slots.get(next[0]++);
            params.add(new ValueParam(QueryValues.typed(between.path(), type, between.low(), "BETWEEN"), type));
            params.add(new ValueParam(QueryValues.typed(between.path(), type, between.high(), "BETWEEN"), type));
        } else if (condition instanceof Condition.And and) {
            and.terms().forEach(term -> bind(term, slots, next, params, dialect));
        } else if (condition instanceof Condition.Or or) {
            or.terms().forEach(term -> bind(term, slots, next, params, dialect));
        } else if (condition instanceof Condition.Not not) {
            bind(not.term(), slots, next, params, dialect);
        }
    }
}
