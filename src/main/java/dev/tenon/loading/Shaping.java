package dev.tenon.loading;

import dev.tenon.sql.Expression;
import dev.tenon.sql.Select;

/**
 * A statement while it is compiled, as a strategy's {@link RelationshipLoader#shape} sees it: the SELECT, fresh
 * aliases, and a way to place a node's columns and to let the children of a node shape the statement in turn.
 */
interface Shaping {
    /** The statement being compiled. */
    Select select();

    /** A fresh alias for a table of the statement ({@code emp_2}). */
    String alias(String table);

    /** The alias under which {@code node}'s table is read in this statement. */
    String aliasOf(LoadNode node);

    /**
     * Whether {@code node} is reached by inner joins only, from the root: a join below it may then be an inner join
     * too without dropping parents.
     */
    boolean innerReached(LoadNode node);

    /**
     * Appends {@code node}'s columns, read from {@code alias}, and its relationship's ORDER BY, records where the
     * columns start, and lets the strategies of {@code node}'s children shape the statement in turn.
     *
     * @param inner whether {@code node} was reached by inner joins only
     */
    void read(LoadNode node, String alias, boolean inner);

    /**
     * Appends one column that holds all of {@code node} (nested loading's JSON array) and records it as the node's
     * column, which {@link RowReader#columnOf} gives back when the rows are read.
     */
    void column(LoadNode node, Expression expression);
}
