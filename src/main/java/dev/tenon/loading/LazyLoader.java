package dev.tenon.loading;

import dev.tenon.LazyLoadException;
import dev.tenon.identity.EntityKey;
import dev.tenon.identity.InstanceState;
import dev.tenon.identity.ResultGroup;
import dev.tenon.loading.RelationshipLoader.ParentProcessor;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.proxy.Loader;
import dev.tenon.proxy.ReferenceProxies;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.proxy.RelationList;
import dev.tenon.proxy.RelationSet;
import dev.tenon.proxy.TenonProxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lazy loading ({@code lazy = SELECT}), the default: nothing is loaded with the parents. A collection gets a
 * {@link RelationList} that runs {@code SELECT ... WHERE emp.deptno = ?} on first access; a reference gets the
 * target from the identity map when it is there (no SQL), or else a proxy that loads it on first method call.
 *
 * <p>This is where the N+1 problem lives: touched in a loop over N parents, a lazy relationship runs N more
 * statements. The session's {@link NPlusOneDetector} counts them. With a batch size (on the relationship, or
 * session-wide) the first touch loads the relationship for every unloaded sibling of the same result at once.
 */
final class LazyLoader implements RelationshipLoader {
    @Override
    public void load(LoadContext context, LoadNode node, List<InstanceState> parents, Object statement, ParentSource source) {
        ParentProcessor installer = processor(context, node, statement);
        parents.forEach(installer::parent);
        installer.finish(parents);
    }

    @Override
    public ParentProcessor processor(LoadContext context, LoadNode node, Object statement) {
        return new Installer(context, node, statement);
    }

    /** Installs the stand-ins of one statement's parents as their rows are read. */
    private static final class Installer implements ParentProcessor {
        private final LoadContext context;
        private final LoadNode node;
        private final RelationshipModel relationship;
        private final Object statement;
        private final int keyPosition;
        // Rows that follow each other often reference the same row (employees of one department): asked once.
        private Object lastKey;
        private Object lastValue;
        /** The rows referenced through a proxy, which a later row of the same statement may load after all. */
        private Set<Object> proxied;

        Installer(LoadContext context, LoadNode node, Object statement) {
            this.context = context;
            this.node = node;
            this.relationship = node.relationship;
            this.statement = statement;
            this.keyPosition = SelectInLoader.foreignKeyPosition(relationship);
        }

        @Override
        public void parent(InstanceState parent) {
            if (!RelationshipLoader.mayInstall(parent, relationship, statement)) {
                return;
            }
            if (relationship.collection()) {
                Loader loader = () -> loadCollection(context, parent, node);
                relationship.set(parent.object(), relationship.collectionType() == Set.class ? RelationSet.lazy(loader) : RelationList.lazy(loader));
                return;
            }
            // A parent this statement built has not been handed out yet: its foreign key is the one in its snapshot.
            Object key = keyPosition >= 0 && parent.isCreatedBy(statement) ? parent.snapshot()[keyPosition]
                    : SelectInLoader.targetKey(parent.object(), relationship);
            Object value;
            if (key == null) {
                value = null;
            } else if (key.equals(lastKey)) {
                value = lastValue;
            } else {
                value = reference(context, parent, node, key);
                if (value instanceof TenonProxy) {
                    if (proxied == null) {
                        proxied = new HashSet<>();
                    }
                    proxied.add(key);
                }
            }
            relationship.set(parent.object(), value);
            if (!(value instanceof TenonProxy)) {
                parent.loaded(relationship, value);
            }
            lastKey = key;
            lastValue = value;
        }

        /**
         * A row read after a parent got a proxy may have been the proxied row itself (an employee before the manager it
         * references): such parents get the object, as if their references had been set after the last row.
         */
        @Override
        public void finish(List<InstanceState> parents) {
            if (proxied == null) {
                return;
            }
            proxied.removeIf(key -> context.identityMap().get(relationship.target(), key) == null);
            if (proxied.isEmpty()) {
                return;
            }
            for (InstanceState parent : parents) {
                if (relationship.get(parent.object()) instanceof TenonProxy proxy && proxied.contains(proxy.tenon$key())
                        && context.identityMap().state(parent.object()) == parent) {
                    Object target = context.identityMap().get(relationship.target(), proxy.tenon$key());
                    relationship.set(parent.object(), target);
                    parent.loaded(relationship, target);
                }
            }
        }
    }

    /**
     * What a reference to the row with {@code key} holds: the object when the session has it (no SQL), or else the
     * row's proxy, shared by every parent that references the row; the first one's result is the batch it loads with.
     */
    private static Object reference(LoadContext context, InstanceState parent, LoadNode node, Object key) {
        RelationshipModel relationship = node.relationship;
        EntityKey entityKey = new EntityKey(relationship.target(), key);
        Object target = context.identityMap().get(entityKey);
        if (target != null) {
            return target;
        }
        Object proxy = context.identityMap().reference(entityKey);
        if (proxy == null) {
            proxy = ReferenceProxies.create(relationship.target().type(), key, () -> loadReference(context, parent, node, key));
            context.identityMap().reference(entityKey, proxy);
        }
        return proxy;
    }

    private static Object loadCollection(LoadContext context, InstanceState parent, LoadNode node) {
        check(context, parent, node.relationship);
        context.exclusive(() -> load(context, parent, node));
        return parent.loaded(node.relationship);
    }

    private static Object loadReference(LoadContext context, InstanceState parent, LoadNode node, Object key) {
        RelationshipModel relationship = node.relationship;
        EntityKey entityKey = new EntityKey(relationship.target(), key);
        Object target = context.identityMap().get(entityKey);
        if (target != null) {
            return target;
        }
        check(context, parent, relationship);
        context.exclusive(() -> load(context, parent, node));
        return context.identityMap().get(entityKey);
    }

    /** One parent's relationship, or, when batching is on, that of up to a batch of its unloaded siblings at once. */
    private static void load(LoadContext context, InstanceState parent, LoadNode planned) {
        RelationshipModel relationship = planned.relationship;
        // Options below this step were planned with the query; without any, the target's mapping decides.
        LoadNode node = planned.children.isEmpty() ? LoadPlanner.planRelationship(relationship) : planned;
        int batch = relationship.batchSize() > 1 ? relationship.batchSize() : context.batchLazyLoads() ? context.batchSize() : 1;
        ResultGroup group = parent.group();
        if (batch > 1 && group != null) {
            SelectInLoader.load(context, node, siblings(context, parent, group, relationship, batch), batch);
            return;
        }
        context.nPlusOneDetector().lazyLoaded(group, relationship);
        SelectInLoader.load(context, node, List.of(parent), 1);
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

    /** A sibling still in the session whose relationship holds an untouched lazy stand-in. */
    private static boolean stillUnloaded(LoadContext context, InstanceState sibling, RelationshipModel relationship) {
        if (context.identityMap().state(sibling.object()) != sibling || sibling.isLoaded(relationship)) {
            return false;
        }
        Object value = relationship.get(sibling.object());
        return value instanceof RelationCollection lazy ? !lazy.isLoaded() : value instanceof TenonProxy proxy && !proxy.tenon$isLoaded();
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
