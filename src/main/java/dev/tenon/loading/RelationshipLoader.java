package dev.tenon.loading;

import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.RelationshipModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One loading strategy, the whole of it: SQLAlchemy's loader contract in three hooks. Each strategy is a class of its
 * own, found by its {@link dev.tenon.annotation.Lazy} constant in {@link Loaders}; nothing outside the strategies asks
 * which strategy a relationship has.
 *
 * <ol>
 *   <li>{@link #shape}: what the strategy adds to the statement that reads the parents, while it is compiled (joined
 *   loading adds its join and its columns; the others add nothing).</li>
 *   <li>{@link #rows}: what it does with each row as the parents' statement is read (joined loading reads its
 *   children from the row; lazy loading installs a stand-in on each new parent).</li>
 *   <li>{@link Rows#finish}: what it does once the rows are read (selectin and subquery loading run their own
 *   statement for every parent at once).</li>
 * </ol>
 *
 * And two questions about the statement: whether the strategy makes a parent span several rows, and whether it can
 * load a stream chunk by chunk. A strategy that loads nothing eagerly answers no to the first and yes to the second.
 */
interface RelationshipLoader {
    /** Whether the strategy loads the relationship with its parents (the plan then goes on below it). */
    boolean eager();

    /** Adds what the strategy needs to the statement being compiled, which reads {@code parent}; nothing by default. */
    default void shape(Shaping statement, LoadNode parent, LoadNode node) {
    }

    /**
     * Whether the strategy makes the parents' statement repeat a parent over several rows (a joined collection):
     * a LIMIT must then count parents, not rows. {@code below} answers the same question for a node under this one.
     */
    default boolean repeatsParents(LoadNode node, Predicate<LoadNode> below) {
        return false;
    }

    /**
     * Why a stream, which hands its parents out chunk by chunk, cannot load the relationship with this strategy; null
     * when it can. {@code repeats} tells whether a node repeats its parents over rows (see {@link #repeatsParents}).
     */
    default String streamRefusal(LoadNode node, Predicate<LoadNode> repeats) {
        return null;
    }

    /**
     * The strategy's work on one execution of the parents' statement.
     *
     * @param loading the engine, for the statements a strategy runs of its own and the loads it installs
     * @param node    the relationship's plan node
     * @param reader  the rows being read, for a strategy that reads its children from them
     * @param source  the parents' statement, for subquery loading ({@link ParentSource#NONE} when not a query's)
     */
    Rows rows(Loading loading, LoadNode node, RowReader reader, ParentSource source);

    /** A strategy's work on the rows of one statement. */
    interface Rows {
        /**
         * A row of the statement, with the parent it holds; {@code newParent} when the statement had not produced
         * that parent before. Most strategies act on new parents only.
         */
        void row(InstanceState parent, boolean newParent, ResultSet row) throws SQLException;

        /** The rows are read; {@code parents} are the statement's distinct parents, in row order. */
        void finish(List<InstanceState> parents);

        /** Whether {@link #row} does anything: the row loop leaves out those that do not. */
        default boolean readsRows() {
            return true;
        }

        /** Work done only once the rows are read. */
        static Rows after(Consumer<List<InstanceState>> work) {
            return new Rows() {
                @Override
                public void row(InstanceState parent, boolean newParent, ResultSet row) {
                }

                @Override
                public void finish(List<InstanceState> parents) {
                    work.accept(parents);
                }

                @Override
                public boolean readsRows() {
                    return false;
                }
            };
        }
    }

    /**
     * Work after the rows for a strategy that installs a stand-in: {@code install} for each parent that may take one
     * (see {@link #mayInstall}).
     */
    static Rows installing(RowReader reader, RelationshipModel relationship, Consumer<InstanceState> install) {
        Object statement = reader.token();
        return Rows.after(parents -> {
            for (InstanceState parent : parents) {
                if (mayInstall(parent, relationship, statement)) {
                    install.accept(parent);
                }
            }
        });
    }

    /**
     * Whether a strategy that installs a stand-in (lazy, dynamic, raise, noload) may set the relationship on this
     * parent: the statement built the parent, or the relationship holds nothing and was never loaded (a reference a
     * noload option left null, say). Such a parent gets what any loaded object gets, instead of a null that would
     * never load.
     */
    static boolean mayInstall(InstanceState parent, RelationshipModel relationship, Object statement) {
        return parent.isCreatedBy(statement) || !parent.isLoaded(relationship) && relationship.get(parent.object()) == null;
    }
}
