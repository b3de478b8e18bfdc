package dev.tenon.loading;

import dev.tenon.exception.TenonException;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.ColumnType;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.ExactNumber;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.query.Condition;
import dev.tenon.query.Load;
import dev.tenon.query.Query;
import dev.tenon.query.Subquery;
import dev.tenon.sql.Dialect;
import dev.tenon.sql.Expression;
import dev.tenon.sql.Param;
import dev.tenon.sql.RowLock;
import dev.tenon.sql.SqlWriter;
import dev.tenon.sql.ValueParam;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A query split into what its compiled statement is cached by and what each execution binds. The shape is the query
 * without its values (the conditions' paths and operators, the order, the options, whether there is a limit, the row
 * lock); the values are bound in the order the compiler wrote their parameters: the conditions' values depth first,
 * the parent's key of a dynamic relationship, the limit, the offset.
 */
final class QueryValues {
    private QueryValues() {
    }

    /**
     * What a query's compiled statements are cached by: everything but its values. The entity is the model of the
     * session's mapping, not the class: two mappings of one class compile apart.
     */
    static Object shape(Query<?> query, EntityModel entity, Dialect dialect) {
        List<Object> conditions = new ArrayList<>(query.conditions().size());
        for (Condition condition : query.conditions()) {
            conditions.add(shape(condition, dialect));
        }
        Query.Parent parent = query.parent();
        Object parentShape = parent == null ? null
                : List.of(parent.relationship(), Keys.values(parent.parent(), parent.relationship().ownerColumns()).contains(null));
        return new Shape(entity, conditions, query.orders(), optionShapes(query.options()), query.limit() != null, query.offset() != null, parentShape,
                query.lock());
    }

    /** The options without the limits they set, which are bound ({@link PlanValues}): whether each step has one stays. */
    private static Object optionShapes(List<Load> options) {
        List<Object> shapes = new ArrayList<>(options.size());
        for (Load option : options) {
            List<Object> steps = new ArrayList<>(option.path().size());
            for (Load.Step step : option.path()) {
                steps.add(step.limit() == null ? step : new Load.Step(step.relationship(), step.strategy(), step.batchSize(), step.orderBy(), 0));
            }
            shapes.add(steps);
        }
        return shapes;
    }

    private record Shape(EntityModel entity, List<Object> conditions, List<Query.Order> orders, Object options, boolean limit,
                         boolean offset, Object parent, RowLock lock) {
    }

    /** A condition's shape: its paths, operators and the number of arrays of an IN list, without the values. */
    static Object shape(Condition condition, Dialect dialect) {
        if (condition instanceof Condition.In in) {
            // The dialect writes one value as "= ?", a list as one array, a very long list as several.
            int size = in.values().size();
            return List.of(Condition.In.class, in.path(), size == 1 ? 0 : (size + dialect.maxArrayLength() - 1) / dialect.maxArrayLength());
        }
        if (condition instanceof Condition.Compare compare) {
            return List.of(Condition.Compare.class, compare.path(), compare.op());
        }
        if (condition instanceof Condition.Like like) {
            return List.of(Condition.Like.class, like.path());
        }
        if (condition instanceof Condition.And and) {
            return List.of(Condition.And.class, and.terms().stream().map(term -> shape(term, dialect)).toList());
        }
        if (condition instanceof Condition.Or or) {
            return List.of(Condition.Or.class, or.terms().stream().map(term -> shape(term, dialect)).toList());
        }
        if (condition instanceof Condition.Not not) {
            return List.of(Condition.Not.class, shape(not.term(), dialect));
        }
        if (condition instanceof Condition.Between between) {
            return List.of(Condition.Between.class, between.path());
        }
        if (condition instanceof Condition.EqIgnoreCase eq) {
            return List.of(Condition.EqIgnoreCase.class, eq.path());
        }
        if (condition instanceof Condition.LikeIgnoreCase like) {
            return List.of(Condition.LikeIgnoreCase.class, like.path());
        }
        if (condition instanceof Condition.Exists exists) {
            return List.of(Condition.Exists.class, exists.path(), exists.negated(), shapes(exists.conditions(), dialect));
        }
        if (condition instanceof Condition.InSubquery in) {
            Subquery subquery = in.subquery();
            return List.of(Condition.InSubquery.class, in.path(), in.negated(), subquery.type(), subquery.attribute(),
                    shapes(subquery.conditions(), dialect));
        }
        return condition; // IS NULL binds nothing: the condition is its own shape
    }

    private static List<Object> shapes(List<Condition> conditions, Dialect dialect) {
        return conditions.stream().map(term -> shape(term, dialect)).toList();
    }

    /** The parameters of one execution of {@code query}, whose values are typed like {@code slots}. */
    static List<Param> params(Query<?> query, List<ColumnModel> slots, Dialect dialect) {
        return params(query, slots, dialect, List.of());
    }

    /** The parameters of one execution, with {@code beforeLimit} (a projection's HAVING values) before the limit. */
    static List<Param> params(Query<?> query, List<ColumnModel> slots, Dialect dialect, List<Param> beforeLimit) {
        List<Param> params = new ArrayList<>(slots.size() + 2);
        int[] next = {0};
        for (Condition condition : query.conditions()) {
            bind(condition, slots, next, params, dialect);
        }
        Query.Parent parent = query.parent();
        if (parent != null) {
            RelationshipModel relationship = parent.relationship();
            List<Object> key = Keys.values(parent.parent(), relationship.ownerColumns());
            if (!key.contains(null)) {
                for (int i = 0; i < key.size(); i++) {
                    params.add(new ValueParam(key.get(i), relationship.remoteColumns().get(i).type()));
                }
            }
        }
        params.addAll(beforeLimit);
        if (query.limit() != null) {
            params.add(new ValueParam(query.limit(), null));
        }
        if (query.offset() != null) {
            params.add(new ValueParam(query.offset(), null));
        }
        return params;
    }

    private static void bind(Condition condition, List<ColumnModel> slots, int[] next, List<Param> params, Dialect dialect) {
        if (condition instanceof Condition.Compare compare) {
            ColumnModel column = slots.get(next[0]++);
            params.add(new ValueParam(typed(compare.path(), column, compare.value(), compare.op()), column.type()));
        } else if (condition instanceof Condition.In in) {
            ColumnModel column = slots.get(next[0]++);
            Expression list = Expression.in(writer -> { }, column.type(), typed(in.path(), column, in.values()));
            params.addAll(new SqlWriter(dialect).node(list).toBoundSql().params());
        } else if (condition instanceof Condition.Like like) {
            next[0]++;
            params.add(new ValueParam(like.pattern(), null));
        } else if (condition instanceof Condition.And and) {
            and.terms().forEach(term -> bind(term, slots, next, params, dialect));
        } else if (condition instanceof Condition.Or or) {
            or.terms().forEach(term -> bind(term, slots, next, params, dialect));
        } else if (condition instanceof Condition.Not not) {
            bind(not.term(), slots, next, params, dialect);
        } else if (condition instanceof Condition.Between between) {
            ColumnModel column = slots.get(next[0]++);
            params.add(new ValueParam(typed(between.path(), column, between.low(), "BETWEEN"), column.type()));
            params.add(new ValueParam(typed(between.path(), column, between.high(), "BETWEEN"), column.type()));
        } else if (condition instanceof Condition.EqIgnoreCase eq) {
            next[0]++;
            params.add(new ValueParam(eq.value(), null));
        } else if (condition instanceof Condition.LikeIgnoreCase like) {
            next[0]++;
            params.add(new ValueParam(like.pattern(), null));
        } else if (condition instanceof Condition.Exists exists) {
            exists.conditions().forEach(term -> bind(term, slots, next, params, dialect));
        } else if (condition instanceof Condition.InSubquery in) {
            in.subquery().conditions().forEach(term -> bind(term, slots, next, params, dialect));
        }
    }

    /** A compared value as the column's Java type; null is refused, since {@code = NULL} matches nothing in SQL. */
    static Object typed(String path, ColumnModel column, Object value, String op) {
        return typed(path, column.type(), value, op);
    }

    /** A compared value as {@code type}'s Java type; null is refused, since {@code = NULL} matches nothing in SQL. */
    static Object typed(String path, ColumnType type, Object value, String op) {
        if (value == null) {
            throw new TenonException("Comparing '" + path + "' " + op + " null matches nothing in SQL; use isNull(\"" + path + "\")");
        }
        return typed(path, type, value);
    }

    /** The values of an IN list as the column's Java type. */
    static List<Object> typed(String path, ColumnModel column, List<Object> values) {
        return typed(path, column.type(), values);
    }

    /** The values of an IN list as {@code type}'s Java type. */
    static List<Object> typed(String path, ColumnType type, List<Object> values) {
        List<Object> typed = new ArrayList<>(values.size());
        values.forEach(value -> typed.add(typed(path, type, value)));
        return typed;
    }

    /**
     * The value as the column's Java type. A number of another type is converted when no digit is lost
     * ({@code gt("sal", 1000)} on a BigDecimal column), so that queries read naturally and an array of keys binds
     * with one element type; anything else of the wrong type fails here rather than in the driver.
     */
    private static Object typed(String path, ColumnType type, Object value) {
        Class<?> expected = box(type.javaType());
        if (value == null || expected.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number && Number.class.isAssignableFrom(expected)) {
            Object fitted = ExactNumber.convert(number, expected);
            if (fitted != null) {
                return fitted;
            }
        }
        // The value itself stays out of the message, as the database's row values do: it may be a secret.
        throw new TenonException("'" + path + "' is " + withArticle(expected) + ", but the query compares it with "
                + withArticle(value.getClass()));
    }

    static String withArticle(Class<?> type) {
        String name = type.getSimpleName();
        return ("AEIOU".indexOf(Character.toUpperCase(name.charAt(0))) >= 0 ? "an " : "a ") + name;
    }

    static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
    }
}
