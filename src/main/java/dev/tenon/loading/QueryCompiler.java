package dev.tenon.loading;

import dev.tenon.TenonException;
import dev.tenon.annotation.Lazy;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.Metadata;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.query.Condition;
import dev.tenon.query.Query;
import dev.tenon.sql.ColumnRef;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Select;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Query} into a {@link Select}: the root table and its columns, WHERE and ORDER BY over
 * attribute paths, LIMIT/OFFSET, and the LEFT OUTER JOINs of joined eager loading. When a joined collection
 * meets a LIMIT, the parent query is wrapped as a subquery so that the limit counts parents, not rows.
 */
final class QueryCompiler {
    private final Metadata metadata;

    QueryCompiler(Metadata metadata) {
        this.metadata = metadata;
    }

    CompiledQuery compile(Query<?> query) {
        EntityModel entity = metadata.entity(query.type());
        LoadNode plan = LoadPlanner.plan(entity, query.options());
        Aliases aliases = new Aliases();
        CompiledQuery.Core core = core(query, entity, aliases);
        Select select;
        String rootAlias;
        boolean wrap = (query.limit() != null || query.offset() != null) && hasJoinedCollection(plan);
        if (wrap) {
            rootAlias = "anon_1";
            Select inner = core.select();
            for (ColumnModel column : entity.columns()) {
                inner.select(Expression.column(core.rootAlias(), column), column.name());
            }
            select = new Select().from(new FromItem.SubqueryRef(inner, rootAlias));
            for (int i = 0; i < inner.orderTerms().size(); i++) {
                Select.Order order = inner.orderTerms().get(i);
                String label = "order_" + (i + 1);
                inner.select(order.expression(), label);
                select.orderBy(writer -> writer.identifier(rootAlias).append(".").identifier(label), order.descending());
            }
        } else {
            select = core.select();
            rootAlias = core.rootAlias();
        }
        plan.alias = rootAlias;
        plan.firstColumn = select.items().size() + 1;
        for (ColumnModel column : entity.columns()) {
            select.select(Expression.column(rootAlias, column), null);
        }
        addJoined(select, plan, aliases, true);
        return new CompiledQuery(select, plan, () -> core(query, entity, new Aliases()));
    }

    /** The parent query alone: root table, path joins, WHERE, ORDER BY, LIMIT/OFFSET; no columns yet. */
    CompiledQuery.Core core(Query<?> query, EntityModel entity, Aliases aliases) {
        String alias = aliases.next(entity.table().name());
        Select select = new Select().from(new FromItem.TableRef(entity.table(), alias));
        PathResolver paths = new PathResolver(select, alias, entity, aliases);
        for (Condition condition : query.conditions()) {
            select.where(condition(condition, paths));
        }
        if (query.parent() != null) {
            restrictToParent(select, alias, query.parent(), aliases);
        }
        for (Query.Order order : query.orders()) {
            select.orderBy(paths.resolve(order.path()), order.descending());
        }
        select.limit(query.limit()).offset(query.offset());
        return new CompiledQuery.Core(select, alias);
    }

    private static Expression condition(Condition condition, PathResolver paths) {
        if (condition instanceof Condition.Compare compare) {
            ColumnRef column = paths.resolve(compare.path());
            if (compare.value() == null) {
                throw new TenonException("Comparing '" + compare.path() + "' " + compare.op() + " null matches nothing in SQL; use isNull(\""
                        + compare.path() + "\")");
            }
            Object value = typed(compare.path(), column.column(), compare.value());
            return Expression.compare(column, compare.op(), Expression.value(value, column.column().type()));
        }
        if (condition instanceof Condition.In in) {
            ColumnRef column = paths.resolve(in.path());
            List<Object> values = new ArrayList<>(in.values().size());
            in.values().forEach(value -> values.add(typed(in.path(), column.column(), value)));
            return Expression.in(column, column.column().type(), values);
        }
        if (condition instanceof Condition.Like like) {
            ColumnRef column = paths.resolve(like.path());
            if (column.column().type().javaType() != String.class) {
                throw new TenonException("like(\"" + like.path() + "\", ...): '" + like.path() + "' is "
                        + withArticle(box(column.column().type().javaType())) + "; LIKE matches String attributes only");
            }
            return Expression.like(column, Expression.value(like.pattern(), null));
        }
        if (condition instanceof Condition.IsNull isNull) {
            return Expression.isNull(paths.resolve(isNull.path()));
        }
        if (condition instanceof Condition.And and) {
            return Expression.and(and.terms().stream().map(term -> condition(term, paths)).toList());
        }
        if (condition instanceof Condition.Or or) {
            return Expression.or(or.terms().stream().map(term -> condition(term, paths)).toList());
        }
        return Expression.not(condition(((Condition.Not) condition).term(), paths));
    }

    /**
     * The value as the column's Java type. A number of another type is converted when no digit is lost
     * ({@code gt("sal", 1000)} on a BigDecimal column), so that queries read naturally and an array of keys binds
     * with one element type; anything else of the wrong type fails here rather than in the driver.
     */
    private static Object typed(String path, ColumnModel column, Object value) {
        Class<?> expected = box(column.type().javaType());
        if (value == null || expected.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number && Number.class.isAssignableFrom(expected)) {
            try {
                BigDecimal exact = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
                if (expected == BigDecimal.class) {
                    return exact;
                } else if (expected == Integer.class) {
                    return exact.intValueExact();
                } else if (expected == Long.class) {
                    return exact.longValueExact();
                } else if (expected == Short.class) {
                    return exact.shortValueExact();
                } else if (expected == Double.class) {
                    return exact.doubleValue();
                }
            } catch (ArithmeticException | NumberFormatException e) {
                // Falls through to the error below: the value does not fit the column's type.
            }
        }
        // The value itself stays out of the message, as the database's row values do: it may be a secret.
        throw new TenonException("'" + path + "' is " + withArticle(expected) + ", but the query compares it with "
                + withArticle(value.getClass()));
    }

    private static String withArticle(Class<?> type) {
        String name = type.getSimpleName();
        return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    private static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
    }

    /** The children of one parent: a dynamic relationship's query, and session.related(...). */
    private static void restrictToParent(Select select, String alias, Query.Parent parent, Aliases aliases) {
        RelationshipModel relationship = parent.relationship();
        List<Object> key = Keys.values(parent.parent(), relationship.ownerColumns());
        if (key.contains(null)) {
            select.where(Expression.raw("1 = 0"));
            return;
        }
        String matchAlias = alias;
        List<ColumnModel> matchColumns = relationship.remoteColumns();
        if (relationship.direction() == Direction.MANY_TO_MANY) {
            matchAlias = aliases.next(relationship.secondary().name());
            select.join(false, new FromItem.TableRef(relationship.secondary(), matchAlias), Expression.joinOn(matchAlias,
                    relationship.secondaryForeignKey().columns(), alias, relationship.secondaryForeignKey().targetColumns()));
        }
        List<Expression> terms = new ArrayList<>();
        for (int i = 0; i < matchColumns.size(); i++) {
            terms.add(Expression.compare(Expression.column(matchAlias, matchColumns.get(i)), "=",
                    Expression.value(key.get(i), matchColumns.get(i).type())));
        }
        select.where(Expression.and(terms));
    }

    /** Whether a joined collection hangs below {@code node}, at any depth through joined steps: rows then repeat parents. */
    static boolean hasJoinedCollection(LoadNode node) {
        for (LoadNode child : node.children) {
            if (child.strategy == Lazy.JOINED && (child.relationship.collection() || hasJoinedCollection(child))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The joins and columns of joined eager loading, depth first. An inner join is used only for a mandatory
     * many-to-one whose parent is itself reached by inner joins: under an outer join it would drop parents.
     */
    static void addJoined(Select select, LoadNode node, Aliases aliases, boolean innerAllowed) {
        for (LoadNode child : node.children) {
            if (child.strategy != Lazy.JOINED) {
                continue;
            }
            RelationshipModel relationship = child.relationship;
            boolean inner = innerAllowed && relationship.direction() == Direction.MANY_TO_ONE && relationship.foreignKey().mandatory();
            child.alias = aliases.next(child.entity.table().name());
            if (relationship.direction() == Direction.MANY_TO_MANY) {
                String link = aliases.next(relationship.secondary().name());
                select.join(true, new FromItem.TableRef(relationship.secondary(), link),
                        Expression.joinOn(node.alias, relationship.ownerColumns(), link, relationship.remoteColumns()));
                select.join(true, new FromItem.TableRef(child.entity.table(), child.alias), Expression.joinOn(link,
                        relationship.secondaryForeignKey().columns(), child.alias, relationship.secondaryForeignKey().targetColumns()));
            } else {
                select.join(!inner, new FromItem.TableRef(child.entity.table(), child.alias),
                        Expression.joinOn(node.alias, relationship.ownerColumns(), child.alias, relationship.remoteColumns()));
            }
            child.firstColumn = select.items().size() + 1;
            for (ColumnModel column : child.entity.columns()) {
                select.select(Expression.column(child.alias, column), null);
            }
            for (RelationshipModel.Order order : relationship.orderBy()) {
                select.orderBy(Expression.column(child.alias, order.column()), order.descending());
            }
            addJoined(select, child, aliases, inner);
        }
    }
}
