package dev.tenon.loading;

import dev.tenon.exception.MappingException;
import dev.tenon.exception.TenonException;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.Metadata;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.query.Condition;
import dev.tenon.query.Subquery;
import dev.tenon.sql.ColumnRef;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Select;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Writes a query's conditions as SQL over its paths, the subqueries included: {@code EXISTS} for {@code any()} and
 * {@code none()} and for a condition on a path through a collection, {@code IN (SELECT ...)} for
 * {@code in(path, subquery)}. A subquery never joins into the outer statement, so a parent with many matching members
 * still comes once, and a LIMIT still counts parents.
 *
 * <p>Each value becomes a parameter whose column is recorded in {@code slots}, in the order the parameters are written.
 * {@link QueryValues} binds later executions' values by walking the conditions as given, depth first: the rewrites
 * here (a path through a collection into an {@code EXISTS}, {@code isNull} on a relationship into {@code none})
 * wrap a condition and never reorder its values, and the subqueries' correlations and joins bind nothing.
 */
final class ConditionWriter {
    private final Metadata metadata;
    private final Aliases aliases;
    private final List<ColumnModel> slots;

    ConditionWriter(Metadata metadata, Aliases aliases, List<ColumnModel> slots) {
        this.metadata = metadata;
        this.aliases = aliases;
        this.slots = slots;
    }

    /** The SQL of {@code condition} over the paths of {@code paths}. */
    Expression write(Condition condition, PathResolver paths) {
        if (condition instanceof Condition.And and) {
            return Expression.and(and.terms().stream().map(term -> write(term, paths)).toList());
        }
        if (condition instanceof Condition.Or or) {
            return Expression.or(or.terms().stream().map(term -> write(term, paths)).toList());
        }
        if (condition instanceof Condition.Not not) {
            Condition term = onRelationship(not.term(), paths);
            // NOT EXISTS rather than NOT (EXISTS ...): not(eq("employees.ename", "KING")) is "no employee named KING".
            if (term instanceof Condition.Exists exists) {
                return exists(paths, exists.path(), !exists.negated(), inner -> all(exists.conditions(), inner));
            }
            String[] split = isLeaf(term) ? paths.throughCollection(path(term)) : null;
            if (split != null) {
                return exists(paths, split[0], true, inner -> atPath(inner, split[1], (resolver, path) -> leaf(term, path, resolver)));
            }
            return Expression.not(write(term, paths));
        }
        Condition leaf = onRelationship(condition, paths);
        if (leaf instanceof Condition.Exists exists) {
            return exists(paths, exists.path(), exists.negated(), inner -> all(exists.conditions(), inner));
        }
        return atPath(paths, path(leaf), (resolver, path) -> leaf(leaf, path, resolver));
    }

    private static boolean isLeaf(Condition condition) {
        return !(condition instanceof Condition.And || condition instanceof Condition.Or || condition instanceof Condition.Not
                || condition instanceof Condition.Exists);
    }

    /** {@code isNull} on a relationship itself ({@code isNull("manager")}) is {@code none}: no related row. */
    private static Condition onRelationship(Condition condition, PathResolver paths) {
        if (condition instanceof Condition.IsNull isNull && paths.namesRelationships(isNull.path())) {
            return Condition.none(isNull.path());
        }
        return condition;
    }

    private Expression all(List<Condition> conditions, PathResolver paths) {
        return conditions.isEmpty() ? null : Expression.and(conditions.stream().map(term -> write(term, paths)).toList());
    }

    /**
     * A leaf condition at {@code path}: written in place, or, when the path crosses a collection, inside an
     * {@code EXISTS} over that collection with the rest of the path (crossing further collections in turn).
     */
    private Expression atPath(PathResolver paths, String path, BiFunction<PathResolver, String, Expression> leaf) {
        String[] split = paths.throughCollection(path);
        if (split == null) {
            return leaf.apply(paths, path);
        }
        return exists(paths, split[0], false, inner -> atPath(inner, split[1], leaf));
    }

    /**
     * {@code [NOT] EXISTS (SELECT 1 FROM target WHERE <correlation> AND <body>)} for the relationships of
     * {@code path}, one nested EXISTS per name ({@code "employees.reports"}); {@code body} writes the conditions over
     * the last target and may return null for none. A many-to-many relationship reads its association table joined to
     * the target.
     */
    private Expression exists(PathResolver paths, String path, boolean negated, Function<PathResolver, Expression> body) {
        String[] names = path.split("\\.", 2);
        RelationshipModel relationship = paths.relationship(names[0], path);
        EntityModel target = relationship.target();
        Select subquery = new Select();
        subquery.select(Expression.raw("1"), null);
        String alias = aliases.next(target.table().name());
        if (relationship.direction() == Direction.MANY_TO_MANY) {
            String link = aliases.next(relationship.secondary().name());
            subquery.from(new FromItem.TableRef(relationship.secondary(), link));
            subquery.join(false, new FromItem.TableRef(target.table(), alias), Expression.joinOn(link,
                    relationship.secondaryForeignKey().columns(), alias, relationship.secondaryForeignKey().targetColumns()));
            subquery.where(Expression.joinOn(link, relationship.remoteColumns(), paths.rootAlias(), relationship.ownerColumns()));
        } else {
            subquery.from(new FromItem.TableRef(target.table(), alias));
            subquery.where(Expression.joinOn(alias, relationship.remoteColumns(), paths.rootAlias(), relationship.ownerColumns()));
        }
        PathResolver inner = new PathResolver(subquery, alias, target, aliases);
        Expression rest = names.length == 2 ? exists(inner, names[1], false, body) : body.apply(inner);
        if (rest != null) {
            subquery.where(rest);
        }
        return Expression.exists(subquery, negated);
    }

    private static String path(Condition leaf) {
        if (leaf instanceof Condition.Compare compare) {
            return compare.path();
        } else if (leaf instanceof Condition.In in) {
            return in.path();
        } else if (leaf instanceof Condition.Like like) {
            return like.path();
        } else if (leaf instanceof Condition.IsNull isNull) {
            return isNull.path();
        } else if (leaf instanceof Condition.Between between) {
            return between.path();
        } else if (leaf instanceof Condition.EqIgnoreCase eq) {
            return eq.path();
        } else if (leaf instanceof Condition.LikeIgnoreCase like) {
            return like.path();
        }
        return ((Condition.InSubquery) leaf).path();
    }

    /**
     * A leaf condition at {@code path}, which crosses no collection: {@code path} is the condition's own, or what is
     * left of it inside an EXISTS. The values written are the first execution's; the compiled statement keeps the text.
     */
    private Expression leaf(Condition condition, String path, PathResolver paths) {
        if (condition instanceof Condition.IsNull isNull) {
            if (!path.equals(isNull.path())) {
                throw new TenonException("isNull(\"" + isNull.path() + "\") goes through a collection, where it is ambiguous: say"
                        + " which members, with any(...) or none(...) around isNull or isNotNull on the member's attribute");
            }
            return Expression.isNull(paths.resolve(path));
        }
        if (condition instanceof Condition.InSubquery in) {
            return inSubquery(in, paths.resolve(path));
        }
        ColumnRef column = paths.resolve(path);
        slots.add(column.column());
        if (condition instanceof Condition.Compare compare) {
            Object value = QueryValues.typed(compare.path(), column.column(), compare.value(), compare.op());
            return Expression.compare(column, compare.op(), Expression.value(value, column.column().type()));
        }
        if (condition instanceof Condition.In in) {
            return Expression.in(column, column.column().type(), QueryValues.typed(in.path(), column.column(), in.values()));
        }
        if (condition instanceof Condition.Between between) {
            Object low = QueryValues.typed(between.path(), column.column(), between.low(), "BETWEEN");
            Object high = QueryValues.typed(between.path(), column.column(), between.high(), "BETWEEN");
            return Expression.between(column, Expression.value(low, column.column().type()), Expression.value(high, column.column().type()));
        }
        if (condition instanceof Condition.Like like) {
            requireText(column, like.path(), "LIKE");
            return Expression.like(column, Expression.value(like.pattern(), null));
        }
        if (condition instanceof Condition.EqIgnoreCase eq) {
            requireText(column, eq.path(), "eqIgnoreCase");
            return Expression.compare(Expression.lower(column), "=", Expression.lower(Expression.value(eq.value(), null)));
        }
        Condition.LikeIgnoreCase like = (Condition.LikeIgnoreCase) condition;
        requireText(column, like.path(), "likeIgnoreCase");
        return Expression.like(Expression.lower(column), Expression.lower(Expression.value(like.pattern(), null)));
    }

    private static void requireText(ColumnRef column, String path, String what) {
        if (column.column().type().javaType() != String.class) {
            throw new TenonException((what.equals("LIKE") ? "like" : what) + "(\"" + path + "\", ...): '" + path + "' is "
                    + QueryValues.withArticle(QueryValues.box(column.column().type().javaType())) + "; " + what + " matches String attributes only");
        }
    }

    /**
     * {@code column [NOT] IN (SELECT attribute FROM entity WHERE ...)}, uncorrelated. For NOT IN the subquery leaves its
     * nulls out: SQL's {@code x NOT IN (1, NULL)} is never true, which would make the condition match no row at all.
     */
    private Expression inSubquery(Condition.InSubquery in, ColumnRef column) {
        Subquery query = in.subquery();
        EntityModel entity = metadata.entity(query.type());
        Select subquery = new Select();
        String alias = aliases.next(entity.table().name());
        subquery.from(new FromItem.TableRef(entity.table(), alias));
        PathResolver paths = new PathResolver(subquery, alias, entity, aliases);
        ColumnRef selected = paths.resolve(query.attribute());
        Class<?> outer = QueryValues.box(column.column().type().javaType());
        Class<?> inner = QueryValues.box(selected.column().type().javaType());
        if (outer != inner && !(Number.class.isAssignableFrom(outer) && Number.class.isAssignableFrom(inner))) {
            throw new MappingException((in.negated() ? "notIn" : "in") + "(\"" + in.path() + "\", ...): '" + in.path() + "' is "
                    + QueryValues.withArticle(outer) + ", but the subquery selects " + entity.name() + "." + query.attribute() + ", "
                    + QueryValues.withArticle(inner) + "; select an attribute of the same type");
        }
        subquery.select(selected, null);
        for (Condition condition : query.conditions()) {
            subquery.where(write(condition, paths));
        }
        if (in.negated()) {
            subquery.where(writer -> writer.node(selected).append(" IS NOT NULL"));
        }
        return Expression.inSubquery(column, in.negated(), subquery);
    }
}
