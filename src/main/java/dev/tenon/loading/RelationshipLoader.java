package dev.tenon.loading;

import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.RelationshipModel;
import java.util.List;

/**
 * One loading strategy: what to do with a relationship of the parents one statement produced. Each strategy
 * is a class of its own; {@link Loaders} is the registry. Joined loading reads its rows while the
 * parents' statement is read ({@link JoinedLoader}); a strategy with work to do on each parent alone (a lazy
 * stand-in to install) does it as each parent is read, through its {@link #processor}; the others act once that
 * statement is done, in {@link #load}.
 */
interface RelationshipLoader {
    /**
     * Loads or prepares {@code node}'s relationship.
     *
     * @param context the session
     * @param node    the relationship's plan node
     * @param parents the distinct parents of the statement, in row order
     * @param statement the statement's token: {@code parent.isCreatedBy(statement)} tells the parents it built
     *                (objects it found in the identity map keep their attributes)
     * @param source  the statement the parents came from, for subquery loading
     */
    void load(LoadContext context, LoadNode node, List<InstanceState> parents, Object statement, ParentSource source);

    /**
     * What to do with each parent as soon as its row is read, or null when the strategy has nothing to do per parent.
     * The assembler then hands each distinct parent to {@link ParentProcessor#parent} instead of calling
     * {@link #load}: the parent's object and state are in the CPU cache while its row is read, and a second pass over
     * thousands of parents after the statement would fetch each from memory again.
     */
    default ParentProcessor processor(LoadContext context, LoadNode node, Object statement) {
        return null;
    }

    /** A strategy's work on the parents of one statement, one parent at a time, in row order. */
    interface ParentProcessor {
        /** A parent the statement produced, given once, when first read. */
        void parent(InstanceState parent);

        /** The statement's rows are read; {@code parents} are all the parents given, in row order. */
        void finish(List<InstanceState> parents);
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
