package dev.tenon.loading;

import dev.tenon.engine.Statistics;
import dev.tenon.exception.LazyLoadException;
import dev.tenon.identity.Deferred;
import dev.tenon.identity.EntityKey;
import dev.tenon.identity.InstanceState;
import dev.tenon.identity.ResultGroup;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.proxy.RelationList;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Lazy loading ({@code lazy = SELECT}), the default: nothing is loaded with the parents. A collection gets a
 * {@link RelationList} that runs {@code SELECT ... WHERE emp.deptno = ?} on first access; a reference gets the
 * target from the identity map when it is there (no SQL), or else loads on the first read of its field (the enhanced
 * class asks; see {@link Deferred}).
 *
 * <p>This is where the N+1 problem lives: touched in a loop over N parents, a lazy relationship runs N more
 * statements. The session's {@link NPlusOneDetector} counts them, and a statement budget names the relationship and
 * the line that touched it. With a batch size (on the relationship, or session-wide) the first touch loads the
 * relationship for every unloaded sibling of the same result at once.
 */
final class LazyLoader implements RelationshipLoader {
    @Override
    public boolean eager() {
        return false;
    }

    @Override
    public Rows rows(Loading loading, LoadNode node, RowReader reader, ParentSource source) {
        return new Installer(loading, node, reader.token(), reader.reads(node.relationship.target()));
    }

    /**
     * Installs the lazy loads of one statement's parents as their rows are read: a collection gets an unloaded
     * {@link RelationList}; a reference gets its target when the session holds it (no SQL), or else stays null with a
     * {@link Deferred} in its state, which the enhanced class calls on the first read of the field. One deferred load
     * serves every parent of the statement: deferring costs nothing per row.
     */
    private static final class Installer implements Rows {
        private final Loading loading;
        private final LoadContext context;
        private final LoadNode node;
        private final RelationshipModel relationship;
        private final Object statement;
        private final boolean byForeignKey;
        private final Deferred deferred;
        // Rows that follow each other often reference the same row (employees of one department): asked once.
        private Object lastKey;
        private Object lastValue;
        /** Whether a reference was deferred, which a later row of the same statement may have loaded after all. */
        private boolean deferredAny;
        /** Whether the statement reads objects of the target's entity at all: else no later row can be the target. */
        private final boolean targetsRead;

        Installer(Loading loading, LoadNode node, Object statement, boolean targetsRead) {
            this.targetsRead = targetsRead;
            this.loading = loading;
            this.context = loading.context();
            this.node = node;
            this.relationship = node.relationship;
            this.statement = statement;
            this.byForeignKey = relationship.direction() == Direction.MANY_TO_ONE;
            this.deferred = parent -> loadReference(loading, parent, node);
        }

        @Override
        public void row(InstanceState parent, boolean newParent, ResultSet row) {
            if (newParent) {
                install(parent);
            }
        }

        void install(InstanceState parent) {
            if (!RelationshipLoader.mayInstall(parent, relationship, statement)) {
                return;
            }
            if (relationship.collection()) {
                relationship.set(parent.object(), Assign.lazyCollection(relationship, () -> loadCollection(loading, parent, node)));
                return;
            }
            if (!byForeignKey) {
                // A one-to-one seen from its parent: only a query tells whether the row exists.
                parent.defer(relationship, deferred);
                return;
            }
            Object key = Keys.targetKey(parent.object(), relationship);
            Object value;
            if (key == null) {
                value = null;
            } else if (key.equals(lastKey)) {
                value = lastValue;
            } else {
                value = context.identityMap().get(new EntityKey(relationship.target(), key));
            }
            lastKey = key;
            lastValue = value;
            if (key != null && value == null) {
                parent.defer(relationship, deferred);
                deferredAny = true;
                return;
            }
            relationship.set(parent.object(), value);
            parent.loaded(relationship, value);
        }

        /**
         * A row read after a parent deferred its reference may have been the referenced row itself (an employee before
         * the manager it references): such parents get the object, as if their references had been set after the last row.
         */
        @Override
        public void finish(List<InstanceState> parents) {
            if (!deferredAny || !targetsRead) {
                return;
            }
            for (InstanceState parent : parents) {
                if (parent.deferred(relationship) == deferred && context.identityMap().state(parent.object()) == parent) {
                    Object key = Keys.targetKey(parent.object(), relationship);
                    Object target = key == null ? null : context.identityMap().get(relationship.target(), key);
                    if (target != null) {
                        relationship.set(parent.object(), target);
                        parent.loaded(relationship, target);
                    }
                }
            }
        }
    }

    /**
     * Gives one object a lazy load of {@code relationship} outside any statement: an object added back to a session,
     * whose stand-ins belonged to the session it left. Its relationship must hold nothing and be unloaded.
     */
    static void install(Loading loading, InstanceState state, RelationshipModel relationship) {
        new Installer(loading, loading.planOf(relationship), new Object(), false).install(state);
    }

    private static Object loadCollection(Loading loading, InstanceState parent, LoadNode node) {
        LoadContext context = loading.context();
        check(context, parent, node.relationship);
        context.exclusive(() -> load(loading, parent, node));
        return parent.loaded(node.relationship);
    }

    /**
     * The first read of a deferred reference: from the identity map when the session holds the target (no SQL), else
     * one statement (or one for a batch of siblings). Counted by the N+1 detector like a collection's load.
     */
    private static Object loadReference(Loading loading, InstanceState parent, LoadNode node) {
        LoadContext context = loading.context();
        RelationshipModel relationship = node.relationship;
        check(context, parent, relationship);
        if (relationship.direction() == Direction.MANY_TO_ONE) {
            Object key = Keys.targetKey(parent.object(), relationship);
            Object target = key == null ? null : context.identityMap().get(new EntityKey(relationship.target(), key));
            if (key == null || target != null) {
                relationship.set(parent.object(), target);
                parent.loaded(relationship, target);
                return target;
            }
        }
        context.exclusive(() -> load(loading, parent, node));
        return relationship.get(parent.object());
    }

    /**
     * One parent's relationship, or, when batching is on, that of up to a batch of its unloaded siblings at once. Its
     * statements are marked as this relationship's lazy load while they run (what a statement budget shows), and counted
     * for the N+1 detector: statements, not loads, so that a load that ran none is not counted and one that ran several
     * (the eager relationships of what it loads) counts them all.
     */
    private static void load(Loading loading, InstanceState parent, LoadNode planned) {
        LoadContext context = loading.context();
        RelationshipModel relationship = planned.relationship;
        // Options below this step, or an order and limit of its own (top-N per parent, kept on the lazy load), were
        // planned with the query; without any, the target's mapping decides.
        LoadNode node = planned.children.isEmpty() && !planned.shapesMembers() ? loading.planOf(relationship) : planned;
        int batch = relationship.batchSize() > 1 ? relationship.batchSize() : context.batchLazyLoads() ? context.selectinBatchSize() : 1;
        ResultGroup group = parent.group();
        List<InstanceState> parents = batch > 1 && group != null ? siblings(context, parent, group, relationship, batch) : List.of(parent);
        Statistics statistics = context.statistics();
        long before = statistics.statements();
        RelationshipModel outer = statistics.lazyLoading(relationship);
        try {
            ChildrenByKeys.load(loading, node, parents, Math.max(batch, 1));
        } finally {
            statistics.lazyLoading(outer);
        }
        context.nPlusOneDetector().ran(group, relationship, parents.size(), statistics.statements() - before);
    }

    /**
     * The parent and at most {@code batch - 1} unloaded siblings: those after it in row order first, since a loop
     * over the result touches them next, then those before it. One statement, as the batch size promises.
     */
    private static List<InstanceState> siblings(LoadContext context, InstanceState parent, ResultGroup group,
                                                RelationshipModel relationship, int batch) {
        List<InstanceState> members = group.members();
        int start = members.indexOf(parent);
        List<InstanceState> siblings = new ArrayList<>();
        siblings.add(parent);
        for (int i = 1; i < members.size() && siblings.size() < batch; i++) {
            InstanceState sibling = members.get((start + i) % members.size());
            if (sibling != parent && stillUnloaded(context, sibling, relationship)) {
                siblings.add(sibling);
            }
        }
        return siblings;
    }

    /** A sibling still in the session whose relationship is still to load when first touched. */
    private static boolean stillUnloaded(LoadContext context, InstanceState sibling, RelationshipModel relationship) {
        if (context.identityMap().state(sibling.object()) != sibling || sibling.isLoaded(relationship)) {
            return false;
        }
        Object value = relationship.get(sibling.object());
        return value instanceof RelationCollection lazy ? !lazy.isLoaded() : sibling.deferred(relationship) != null;
    }

    private static void check(LoadContext context, InstanceState parent, RelationshipModel relationship) {
        if (!context.isOpen() || context.identityMap().state(parent.object()) != parent) {
            throw new LazyLoadException("Cannot lazy-load " + relationship + " of " + parent.entity().name() + "#"
                    + parent.id() + ": the object is detached (its session is closed, or it was expunged or rolled back). "
                    + "Load it while the session is open, e.g. .options(Load.selectin(\"" + relationship.name() + "\")) or .options(Load.joined(\""
                    + relationship.name() + "\")) on the query that loads " + parent.entity().name());
        }
    }
}
