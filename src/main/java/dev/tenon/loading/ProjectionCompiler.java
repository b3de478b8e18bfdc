package dev.tenon.loading;

import dev.tenon.exception.TenonException;
import dev.tenon.metadata.ColumnType;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Condition;
import dev.tenon.query.Projection;
import dev.tenon.query.Query;
import dev.tenon.query.Selection;
import dev.tenon.sql.ColumnRef;
import dev.tenon.sql.Dialect;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Select;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@link Projection} into SQL, once per shape: the entity query's FROM, joins and WHERE (compiled by the
 * {@link QueryCompiler}, whose path resolver joins each path once for the columns too), then the columns, GROUP BY,
 * HAVING and ORDER BY. Everything the databases would refuse, or answer differently, is refused here first with what
 * to do: a column neither aggregated nor grouped, a sum of text, a record that does not fit the columns.
 *
 * <p>The columns are selected without labels: rows are read by position, so an alias (a record component's name) is
 * never written into the SQL.
 */
final class ProjectionCompiler {
    private static final ColumnType LONG = ColumnType.of(Long.class);
    private static final ColumnType DOUBLE = ColumnType.of(Double.class);
    private static final ColumnType DECIMAL = ColumnType.of(BigDecimal.class);

    private final Metadata metadata;
    private final Dialect dialect;
    private final QueryCompiler queries;

    ProjectionCompiler(Metadata metadata, Dialect dialect, QueryCompiler queries) {
        this.metadata = metadata;
        this.dialect = dialect;
        this.queries = queries;
    }

    /** Resolves the columns and matches the target, without a statement: what {@code into} and {@code scalars} check. */
    void check(Projection<?> projection) {
        EntityModel entity = metadata.entity(projection.query().type());
        Aliases aliases = new Aliases();
        String alias = aliases.next(entity.table().name());
        Select scratch = new Select().from(new FromItem.TableRef(entity.table(), alias));
        target(projection.target(), columns(projection, new PathResolver(scratch, alias, entity, aliases)));
    }

    CompiledProjection compile(Projection<?> projection) {
        CompiledQuery.Core core = queries.core(projection.query());
        Select select = core.select();
        PathResolver paths = core.paths();
        List<ProjectedColumn> columns = columns(projection, paths);
        for (ProjectedColumn column : columns) {
            select.select(column.sql(), null);
        }
        Set<ColumnRef> grouped = new LinkedHashSet<>();
        for (String path : projection.grouping()) {
            if (grouped.add(paths.resolve(path))) {
                select.groupBy(paths.resolve(path));
            }
        }
        boolean grouping = !grouped.isEmpty() || columns.stream().anyMatch(ProjectedColumn::aggregate);
        Terms terms = new Terms(columns, paths, grouping ? grouped : null);
        if (grouping) {
            for (ProjectedColumn column : columns) {
                if (!column.aggregate() && !grouped.contains(column.attribute())) {
                    throw terms.notGrouped("columns", column.selection().path());
                }
            }
        }
        List<ColumnType> havingSlots = new ArrayList<>();
        for (Condition condition : projection.havings()) {
            if (!grouping) {
                throw new TenonException("having(...) filters groups, and the projection has none: use where(...) to filter rows,"
                        + " or group with groupBy(...) or an aggregate column");
            }
            select.having(having(condition, terms, havingSlots));
        }
        for (Query.Order order : projection.orders()) {
            select.orderBy(terms.resolve(order.path(), "orderBy").sql(), order.descending());
        }
        return new CompiledProjection(select.toBoundSql(dialect).sql(), core.slots(), havingSlots, target(projection.target(), columns));
    }

    private static List<ProjectedColumn> columns(Projection<?> projection, PathResolver paths) {
        if (projection.selections().isEmpty()) {
            throw new TenonException("The projection has no columns: name them with columns(...), e.g. groupBy(\"department.dname\")"
                    + ".columns(\"department.dname\", count())");
        }
        List<ProjectedColumn> columns = new ArrayList<>();
        for (Selection selection : projection.selections()) {
            columns.add(column(selection, paths));
        }
        return columns;
    }

    private static ProjectedColumn column(Selection selection, PathResolver paths) {
        if (selection instanceof Selection.Attribute) {
            ColumnRef ref = paths.resolve(selection.path());
            return new ProjectedColumn(selection.name(), selection, ref, ref.column().type(), ref);
        }
        Selection.Aggregate aggregate = (Selection.Aggregate) selection;
        Selection.Function function = aggregate.function();
        if (aggregate.path() == null) {
            return new ProjectedColumn(selection.name(), selection, Expression.raw("COUNT(*)"), LONG, null);
        }
        ColumnRef ref = paths.resolve(aggregate.path());
        String prefix = function.sql() + (function == Selection.Function.COUNT_DISTINCT ? "(DISTINCT " : "(");
        Expression sql = writer -> writer.append(prefix).node(ref).append(")");
        return new ProjectedColumn(selection.name(), selection, sql, resultType(aggregate, ref.column().type()), null);
    }

    /** What an aggregate's values are read as: the same Java type on both databases, whatever SQL type each computes. */
    private static ColumnType resultType(Selection.Aggregate aggregate, ColumnType attribute) {
        Class<?> type = QueryValues.box(attribute.javaType());
        switch (aggregate.function()) {
            case COUNT:
            case COUNT_DISTINCT:
                return LONG;
            case MIN:
            case MAX:
                return attribute;
            default:
                break;
        }
        if (!Number.class.isAssignableFrom(type)) {
            throw new TenonException(aggregate + ": '" + aggregate.path() + "' is " + QueryValues.withArticle(type) + "; "
                    + aggregate.function().call() + " takes a numeric attribute (min and max take any)");
        }
        if (aggregate.function() == Selection.Function.AVG || type == Double.class) {
            return DOUBLE;
        }
        return type == BigDecimal.class ? DECIMAL : LONG;
    }

    /** The reader of each row, checked against the columns now. */
    private static RowTarget target(Projection.Target target, List<ProjectedColumn> columns) {
        switch (target.kind()) {
            case RECORD:
                return RecordTarget.match(target.type(), columns);
            case SCALAR:
                return scalar(target.type(), columns);
            default:
                return row -> {
                    Object[] values = new Object[columns.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = columns.get(i).type().read(row, i + 1);
                    }
                    return values;
                };
        }
    }

    private static RowTarget scalar(Class<?> type, List<ProjectedColumn> columns) {
        String call = "scalars(" + type.getSimpleName() + ".class)";
        if (columns.size() != 1) {
            throw new TenonException(call + " reads one column, and the projection has " + columns.size() + " "
                    + columns.stream().map(ProjectedColumn::name).toList() + "; read them with into(SomeRecord.class), or list() for Object[] rows");
        }
        ProjectedColumn column = columns.get(0);
        if (!QueryValues.box(type).isAssignableFrom(column.javaType())) {
            throw new TenonException(call + ": column " + column.describe() + " is " + QueryValues.withArticle(column.javaType())
                    + "; use scalars(" + column.javaType().getSimpleName() + ".class)");
        }
        ColumnType read = column.type();
        return row -> read.read(row, 1);
    }

    /** A HAVING condition over the projection's columns and the grouped paths, its values' types recorded in order. */
    private static Expression having(Condition condition, Terms terms, List<ColumnType> slots) {
        if (condition instanceof Condition.Compare compare) {
            Terms.Term term = terms.resolve(compare.path(), "having");
            slots.add(term.type());
            Object value = QueryValues.typed(compare.path(), term.type(), compare.value(), compare.op());
            return Expression.compare(term.sql(), compare.op(), Expression.value(value, term.type()));
        }
        if (condition instanceof Condition.In in) {
            Terms.Term term = terms.resolve(in.path(), "having");
            slots.add(term.type());
            return Expression.in(term.sql(), term.type(), QueryValues.typed(in.path(), term.type(), in.values()));
        }
        if (condition instanceof Condition.Between between) {
            Terms.Term term = terms.resolve(between.path(), "having");
            slots.add(term.type());
            Object low = QueryValues.typed(between.path(), term.type(), between.low(), "BETWEEN");
            Object high = QueryValues.typed(between.path(), term.type(), between.high(), "BETWEEN");
            return Expression.between(term.sql(), Expression.value(low, term.type()), Expression.value(high, term.type()));
        }
        if (condition instanceof Condition.IsNull isNull) {
            return Expression.isNull(terms.resolve(isNull.path(), "having").sql());
        }
        if (condition instanceof Condition.And and) {
            return Expression.and(and.terms().stream().map(term -> having(term, terms, slots)).toList());
        }
        if (condition instanceof Condition.Or or) {
            return Expression.or(or.terms().stream().map(term -> having(term, terms, slots)).toList());
        }
        if (condition instanceof Condition.Not not) {
            return Expression.not(having(not.term(), terms, slots));
        }
        throw new TenonException("having(...) takes eq, ne, lt, le, gt, ge, in, between, isNull, and, or and not over the projection's"
                + " columns; " + condition.getClass().getSimpleName() + " is not one of them: filter the rows before grouping with where(...)");
    }
}
