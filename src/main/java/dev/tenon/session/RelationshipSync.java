package dev.tenon.session;

import dev.tenon.annotation.Cascade;
import dev.tenon.api.Status;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.proxy.RelationList;
import dev.tenon.proxy.RelationSet;
import dev.tenon.query.DynamicList;
import dev.tenon.query.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reconciles relationships with foreign keys at flush: the flush compares each relationship of a changed object with
 * what it held when loaded (the enhanced classes have kept both sides in step already): a changed reference or collection
 * becomes a foreign-key {@link Link}, the mirror side named by {@code backPopulates} is updated in memory, a
 * child removed from its parent's collection is deleted ({@code delete-orphan}) or has its key set to NULL,
 * and many-to-many changes become association rows.
 */
final class RelationshipSync {
    private final SessionContext context;
    private final IdentityMap identityMap;
    private final UnitOfWork unitOfWork;
    private final DeletedParents deletedParents;
    final List<Link> links = new ArrayList<>();
    final List<FlushPlan.Pair> associationInserts = new ArrayList<>();
    final List<FlushPlan.Pair> associationDeletes = new ArrayList<>();
    /** Objects deleted by this flush with a many-to-many: all their association rows go (target is null). */
    final List<FlushPlan.Pair> deletedOwners = new ArrayList<>();
    /** The dynamic collections whose pending changes this flush writes, to forget once it succeeded. */
    final List<DynamicList<?>> dynamicLists = new ArrayList<>();
    /** Whether the current round of syncing found an orphan, whose children another round must see. */
    private boolean orphaned;

    RelationshipSync(SessionContext context, UnitOfWork unitOfWork) {
        this.context = context;
        this.identityMap = context.identityMap();
        this.unitOfWork = unitOfWork;
        this.deletedParents = new DeletedParents(context, unitOfWork);
    }

    void run() {
        // First the children of deleted parents, which may delete more objects (a delete cascade), then the rest.
        // Syncing finds orphans (delete-orphan), deleted as session.delete deletes: their own children are then
        // dealt with by another round, loaded when unloaded, deleted or set to NULL, before any statement runs.
        Set<InstanceState> synced = Collections.newSetFromMap(new IdentityHashMap<>());
        do {
            orphaned = false;
            links.addAll(deletedParents.detachChildren());
            for (InstanceState state : identityMap.changedStates()) {
                if (state.status() != Status.DELETED && synced.add(state)) {
                    sync(state);
                }
            }
        } while (orphaned);
        for (InstanceState state : deletedParents.deleted()) {
            leaveManyToManys(state);
        }
    }

    private void sync(InstanceState state) {
        for (RelationshipModel relationship : state.entity().relationships()) {
            if (relationship.viewOnly()) {
                continue; // read only: what it holds in memory is never written
            }
            if (relationship.collection()) {
                syncCollection(state, relationship);
            } else {
                syncReference(state, relationship);
            }
        }
    }

    private void syncCollection(InstanceState state, RelationshipModel relationship) {
        Object value = relationship.get(state.object());
        if (value instanceof DynamicList<?> dynamic) {
            syncDynamic(state, relationship, dynamic);
            return;
        }
        if (!Members.readable(value) || !(value == null || value instanceof Collection<?>)) {
            return;
        }
        Collection<?> members = value == null ? List.of() : (Collection<?>) value;
        Object loaded = state.loaded(relationship);
        boolean known = loaded != InstanceState.NOT_LOADED || state.status() == Status.PENDING;
        boolean removalsKnown = known;
        Collection<?> previous = loaded instanceof Collection<?> c ? c : List.of();
        if (!known && value != null && state.status() == Status.PERSISTENT) {
            // What the collection held before is unknown. A loaded object whose collection the application replaced
            // (it holds no longer the session's own collection) needs it to find who left; an object added back to
            // the session may hold members whose association row exists. Ask the database.
            boolean replaced = !Members.isSessionCollection(value) && !state.reattached();
            if (replaced || relationship.direction() == Direction.MANY_TO_MANY && !members.isEmpty()) {
                // Read by the loader engine without an autoflush: this flush is the one preparing.
                previous = Query.of(relationship.target().type(), context.flushReads()).childrenOf(relationship, state.object()).list();
                known = true;
                removalsKnown = replaced;
            }
        }
        Set<Object> before = Members.identitySet(previous);
        Set<Object> now = Members.identitySet(members);
        for (Object member : members) {
            if (known && before.contains(member)) {
                continue; // unchanged membership: the key is already right (or deliberately set by hand)
            }
            if (relationship.direction() == Direction.MANY_TO_MANY) {
                associationInserts.add(new FlushPlan.Pair(relationship, state.object(), member));
                mirrorAdd(relationship.backPopulates(), member, state.object());
            } else {
                links.add(new Link(member, relationship.foreignKey(), state.object()));
                setBackReference(relationship.backPopulates(), member, state.object());
            }
        }
        if (!removalsKnown) {
            return;
        }
        for (Object removed : previous) {
            if (now.contains(removed)) {
                continue;
            }
            if (relationship.direction() == Direction.MANY_TO_MANY) {
                associationDeletes.add(new FlushPlan.Pair(relationship, state.object(), removed));
                mirrorRemove(relationship.backPopulates(), removed, state.object());
            } else {
                removeChild(relationship, state.object(), removed);
            }
        }
    }

    /**
     * A dynamic collection is never loaded: what {@code add} and {@code remove} recorded on it is what changed, written
     * as for any collection. A removed object that is not a member (its key points elsewhere) is left alone.
     */
    private void syncDynamic(InstanceState state, RelationshipModel relationship, DynamicList<?> dynamic) {
        if (!dynamic.hasPendingChanges()) {
            return;
        }
        dynamicLists.add(dynamic);
        DynamicList.Pending<?> pending = dynamic.pending();
        Object owner = state.object();
        for (Object member : pending.added()) {
            if (relationship.direction() == Direction.MANY_TO_MANY) {
                associationInserts.add(new FlushPlan.Pair(relationship, owner, member));
                mirrorAdd(relationship.backPopulates(), member, owner);
            } else {
                links.add(new Link(member, relationship.foreignKey(), owner));
                setBackReference(relationship.backPopulates(), member, owner);
            }
        }
        for (Object member : pending.removed()) {
            if (relationship.direction() == Direction.MANY_TO_MANY) {
                associationDeletes.add(new FlushPlan.Pair(relationship, owner, member));
                mirrorRemove(relationship.backPopulates(), member, owner);
            } else if (pointsAt(member, relationship, owner)) {
                removeChild(relationship, owner, member);
            }
        }
    }

    /** Whether a child's foreign key (or its back reference) names this parent. */
    private static boolean pointsAt(Object child, RelationshipModel relationship, Object parent) {
        RelationshipModel back = relationship.backPopulates();
        if (back != null && back.get(child) == parent) {
            return true;
        }
        List<ColumnModel> columns = relationship.foreignKey().columns();
        for (int i = 0; i < columns.size(); i++) {
            Object value = columns.get(i).get(child);
            if (value == null || !value.equals(relationship.foreignKey().targetColumns().get(i).get(parent))) {
                return false;
            }
        }
        return true;
    }

    /** A deleted object's association rows are deleted; loaded collections on the other side forget it. */
    private void leaveManyToManys(InstanceState state) {
        if (!identityMap.maps(state)) {
            return; // deleted by an earlier flush of this transaction
        }
        for (RelationshipModel relationship : state.entity().relationships()) {
            if (relationship.direction() != Direction.MANY_TO_MANY || relationship.viewOnly()) {
                continue;
            }
            deletedOwners.add(new FlushPlan.Pair(relationship, state.object(), null));
            Object value = relationship.get(state.object());
            Object loaded = state.loaded(relationship);
            Set<Object> members = Members.identitySet(loaded instanceof Collection<?> c ? c : List.of());
            if (Members.readable(value) && value instanceof Collection<?> current) {
                members.addAll(current);
            }
            for (Object member : members) {
                mirrorRemove(relationship.backPopulates(), member, state.object());
            }
        }
    }

    private void syncReference(InstanceState state, RelationshipModel relationship) {
        Object target = relationship.get(state.object());
        Object loaded = state.loaded(relationship);
        if (target == loaded) {
            return;
        }
        if (loaded == InstanceState.NOT_LOADED && target == null && !state.isClearedUnloaded(relationship)) {
            return;
        }
        Object previous = loaded == InstanceState.NOT_LOADED ? null : loaded;
        if (relationship.direction() == Direction.MANY_TO_ONE) {
            links.add(new Link(state.object(), relationship.foreignKey(), target));
            if (previous != null) {
                mirrorRemove(relationship.backPopulates(), previous, state.object());
                RelationshipModel back = relationship.backPopulates();
                if (target == null && back != null && back.cascades(Cascade.DELETE_ORPHAN)) {
                    // Left its parent for no other: an orphan, whichever side the application changed.
                    unitOfWork.deleteOrphan(state.object());
                    orphaned = true;
                }
            }
            if (target != null) {
                mirrorAdd(relationship.backPopulates(), target, state.object());
            }
        } else {
            if (target != null) {
                links.add(new Link(target, relationship.foreignKey(), state.object()));
                setBackReference(relationship.backPopulates(), target, state.object());
            }
            if (previous != null) {
                removeChild(relationship, state.object(), previous);
            }
        }
    }

    /** A child left its parent's one-to-many: delete it (delete-orphan) or set its foreign key to NULL. */
    private void removeChild(RelationshipModel relationship, Object parent, Object child) {
        RelationshipModel back = relationship.backPopulates();
        Object reference = back == null ? null : back.get(child);
        if (reference != null && reference != parent) {
            return; // moved to another parent: that parent's side sets the key
        }
        if (relationship.cascades(Cascade.DELETE_ORPHAN)) {
            unitOfWork.deleteOrphan(child);
            orphaned = true;
            return;
        }
        if (back != null) {
            back.set(child, null);
        }
        links.add(new Link(child, relationship.foreignKey(), null));
    }

    private void setBackReference(RelationshipModel back, Object child, Object parent) {
        if (back != null && !back.collection()) {
            Object current = back.get(child);
            InstanceState childState = identityMap.state(child);
            // A reference not loaded yet loads the parent itself when read: nothing to set.
            if (current != parent && (childState == null || childState.deferred(back) == null)) {
                back.set(child, parent);
            }
        }
    }

    private void mirrorAdd(RelationshipModel back, Object holder, Object member) {
        Collection<Object> collection = loadedCollection(back, holder);
        if (collection == null && back != null && back.collection() && back.get(holder) == null && isPending(holder)) {
            // A new object has no rows to load, so its collection is known to be empty: start one, as SQLAlchemy
            // starts every collection of a new object empty, rather than leave null where a member now exists.
            collection = newCollection(back);
            back.set(holder, collection);
        }
        if (collection != null && !containsIdentical(collection, member)) {
            collection.add(member);
        }
    }

    private boolean isPending(Object object) {
        InstanceState state = identityMap.state(object);
        return state != null && state.status() == Status.PENDING;
    }

    private static Collection<Object> newCollection(RelationshipModel relationship) {
        return relationship.collectionType() == Set.class ? RelationSet.<Object>loaded(List.of()) : RelationList.<Object>loaded(List.of());
    }

    private static void mirrorRemove(RelationshipModel back, Object holder, Object member) {
        Collection<Object> collection = loadedCollection(back, holder);
        if (collection != null) {
            collection.removeIf(element -> element == member);
        }
    }

    @SuppressWarnings("unchecked")
    private static Collection<Object> loadedCollection(RelationshipModel back, Object holder) {
        if (back == null || !back.collection() || holder == null) {
            return null;
        }
        Object value = back.get(holder);
        if (!Members.readable(value) || !(value instanceof Collection<?>)) {
            return null;
        }
        return (Collection<Object>) value;
    }

    private static boolean containsIdentical(Collection<?> collection, Object member) {
        for (Object element : collection) {
            if (element == member) {
                return true;
            }
        }
        return false;
    }

}
