package dev.tenon.loading;

import dev.tenon.exception.MappingException;
import dev.tenon.exception.TenonException;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.query.Load;
import dev.tenon.query.Query;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Select;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Top-N per parent: a collection loaded with an order and a limit of its own
 * ({@code Load.selectin("tracks").orderBy("milliseconds desc").limit(3)}) keeps the first N members of each parent, in
 * the one statement that loads the children of all the parents, as Django does for a sliced prefetch. The statement
 * that would load every child becomes a derived table that numbers each parent's children, and the outer statement
 * keeps the first N, the limit bound as a parameter:
 *
 * <pre>{@code
 * SELECT anon_1.track_id, ... FROM (SELECT track_1.track_id, ..., track_1.album_id AS k_1,
 *     ROW_NUMBER() OVER (PARTITION BY track_1.album_id ORDER BY track_1.milliseconds DESC, track_1.track_id) AS rn
 *     FROM chinook.track track_1 WHERE track_1.album_id = ANY(?)) anon_1
 * WHERE anon_1.rn <= ? ORDER BY anon_1.milliseconds DESC, anon_1.track_id
 * }</pre>
 *
 * The order ends with the child's primary key, so that ties fall the same way on every run and on both databases.
 * Joined loading cannot honour a limit (its children are rows of the parents' statement), which {@link Load#limit}
 * refuses; selectin, subquery and lazy loading wrap their statement here.
 */
final class TopN {
    private TopN() {
    }

    /** The numbered statement: the SELECT to complete, the alias its columns are read from, and each row's parent key. */
    record Numbered(Select select, String alias, List<Expression> keys) {
    }

    /** Refuses an order or a limit on a reference, and an order naming what the collection's entity does not map. */
    static void check(Load option, RelationshipModel relationship, Load.Step step) {
        if (step.orderBy().isEmpty() && step.limit() == null) {
            return;
        }
        if (!relationship.collection()) {
            throw new TenonException(option + ": " + relationship + " is a reference, which holds one object at most; an order and"
                    + " a limit apply to a collection");
        }
        for (Query.Order order : step.orderBy()) {
            if (relationship.target().column(order.path()) == null) {
                throw new MappingException(option + ": " + relationship.target().name() + " has no attribute '" + order.path() + "' to order "
                        + relationship + " by" + Names.didYouMean(order.path(),
                        relationship.target().columns().stream().map(ColumnModel::attribute).toList()));
            }
        }
    }

    /**
     * The order a step gives its members: its own, else the mapping's; with a limit, ended by the primary key columns
     * the order does not name yet, which breaks ties.
     */
    static List<RelationshipModel.Order> order(RelationshipModel relationship, Load.Step step) {
        List<RelationshipModel.Order> order = new ArrayList<>();
        if (step.orderBy().isEmpty()) {
            order.addAll(relationship.orderBy());
        } else {
            for (Query.Order term : step.orderBy()) {
                order.add(new RelationshipModel.Order(relationship.target().column(term.path()), term.descending()));
            }
        }
        if (step.limit() != null) {
            for (ColumnModel key : relationship.target().primaryKey()) {
                if (order.stream().noneMatch(term -> term.column() == key)) {
                    order.add(new RelationshipModel.Order(key, false));
                }
            }
        }
        return order;
    }

    /**
     * Wraps a statement that reads {@code node}'s children from {@code alias} (its FROM, joins and WHERE written) into
     * a derived table numbering each parent's children, {@code keys} being each row's parent key. The outer statement
     * keeps the rows numbered up to one parameter, the limit, bound after the inner statement's parameters.
     */
    static Numbered number(LoadNode node, Select inner, Aliases aliases, String alias, List<Expression> keys) {
        Set<String> taken = new HashSet<>();
        for (ColumnModel column : node.entity.columns()) {
            inner.select(Expression.column(alias, column), null);
            taken.add(column.name().toLowerCase(Locale.ROOT));
        }
        List<String> keyLabels = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String label = free("k_" + (i + 1), taken);
            inner.select(keys.get(i), label);
            keyLabels.add(label);
        }
        List<Select.Order> order = new ArrayList<>();
        for (RelationshipModel.Order term : node.order) {
            order.add(new Select.Order(Expression.column(alias, term.column()), term.descending()));
        }
        String rowNumber = free("rn", taken);
        inner.select(Expression.rowNumber(keys, order), rowNumber);
        String derived = aliases.next("anon");
        Select outer = new Select().from(new FromItem.SubqueryRef(inner, derived));
        outer.where(Expression.compare(labelled(derived, rowNumber), "<=", Expression.raw("?")));
        List<Expression> outerKeys = new ArrayList<>();
        for (String label : keyLabels) {
            outerKeys.add(labelled(derived, label));
        }
        return new Numbered(outer, derived, outerKeys);
    }

    /** A label no column of the derived table has yet ({@code rn}, else {@code rn_}, ...). */
    private static String free(String label, Set<String> taken) {
        String free = label;
        while (!taken.add(free)) {
            free = free + "_";
        }
        return free;
    }

    private static Expression labelled(String alias, String label) {
        return writer -> writer.identifier(alias).append(".").identifier(label);
    }
}
