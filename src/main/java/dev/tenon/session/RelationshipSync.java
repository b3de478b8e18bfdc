package dev.tenon.session;

import dev.tenon.annotation.Cascade;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.identity.Status;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.proxy.TenonProxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reconciles relationships with foreign keys at flush. Java cannot intercept {@code emp.department = dept},
 * so the flush compares each relationship with what it held when loaded: a changed reference or collection
 * becomes a foreign-key {@link Link}, the mirror side named by {@code backPopulates} is updated in memory, a
 * child removed from its parent's collection is deleted ({@code delete-orphan}) or has its key set to NULL,
 * and many-to-many changes become association rows.
 */
final class RelationshipSync {
    /** An association row to insert or delete: the owner and target objects of a many-to-many. */
    record Association(RelationshipModel relationship, Object owner, Object target) {
    }

    private final IdentityMap identityMap;
    private final UnitOfWork unitOfWork;
    final List<Link> links = new ArrayList<>();
    final List<Association> associationInserts = new ArrayList<>();
    final List<Association> associationDeletes = new ArrayList<>();

    RelationshipSync(IdentityMap identityMap, UnitOfWork unitOfWork) {
        this.identityMap = identityMap;
        this.unitOfWork = unitOfWork;
    }

    void run(List<InstanceState> states) {
        for (InstanceState state : states) {
            if (state.status() == Status.DELETED) {
                detachChildrenOf(state);
                continue;
            }
            for (RelationshipModel relationship : state.entity().relationships()) {
                if (relationship.collection()) {
                    syncCollection(state, relationship);
                } else {
                    syncReference(state, relationship);
                }
            }
        }
    }

    private void syncCollection(InstanceState state, RelationshipModel relationship) {
        Object value = relationship.get(state.object());
        if (value instanceof RelationCollection lazy && !lazy.isLoaded() || !(value == null || value instanceof Collection<?>)) {
            return;
        }
        Collection<?> members = value == null ? List.of() : (Collection<?>) value;
        Object loaded = state.loaded(relationship);
        boolean known = loaded != InstanceState.NOT_LOADED || state.status() == Status.PENDING;
        Collection<?> previous = loaded instanceof Collection<?> c ? c : List.of();
        Set<Object> before = identitySet(previous);
        Set<Object> now = identitySet(members);
        for (Object member : members) {
            if (known && before.contains(member)) {
                continue; // unchanged membership: the key is already right (or deliberately set by hand)
            }
            if (relationship.direction() == Direction.MANY_TO_MANY) {
                associationInserts.add(new Association(relationship, state.object(), member));
                mirrorAdd(relationship.backPopulates(), member, state.object());
            } else {
                links.add(new Link(member, relationship.foreignKey(), state.object()));
                setBackReference(relationship.backPopulates(), member, state.object());
            }
        }
        if (!known) {
            return;
        }
        for (Object removed : previous) {
            if (now.contains(removed)) {
                continue;
            }
            if (relationship.direction() == Direction.MANY_TO_MANY) {
                associationDeletes.add(new Association(relationship, state.object(), removed));
                mirrorRemove(relationship.backPopulates(), removed, state.object());
            } else {
                removeChild(relationship, state.object(), removed);
            }
        }
    }

    private void syncReference(InstanceState state, RelationshipModel relationship) {
        Object target = relationship.get(state.object());
        Object loaded = state.loaded(relationship);
        if (target instanceof TenonProxy && loaded == InstanceState.NOT_LOADED || target == loaded) {
            return;
        }
        if (loaded == InstanceState.NOT_LOADED && target == null) {
            return;
        }
        Object previous = loaded == InstanceState.NOT_LOADED ? null : loaded;
        if (relationship.direction() == Direction.MANY_TO_ONE) {
            links.add(new Link(state.object(), relationship.foreignKey(), target));
            if (previous != null) {
                mirrorRemove(relationship.backPopulates(), previous, state.object());
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
        if (back != null && back.get(child) != parent && back.get(child) != null) {
            return; // moved to another parent: that parent's side sets the key
        }
        if (relationship.cascades(Cascade.DELETE_ORPHAN)) {
            unitOfWork.deleteOrphan(child);
            return;
        }
        if (back != null) {
            back.set(child, null);
        }
        links.add(new Link(child, relationship.foreignKey(), null));
    }

    /** A deleted parent without a delete cascade: its loaded children keep living with a NULL key. */
    private void detachChildrenOf(InstanceState state) {
        for (RelationshipModel relationship : state.entity().relationships()) {
            if (relationship.direction() != Direction.ONE_TO_MANY || relationship.cascades(Cascade.DELETE)) {
                continue;
            }
            Object value = relationship.get(state.object());
            Collection<?> children = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
            for (Object child : children) {
                InstanceState childState = identityMap.state(child);
                if (childState != null && childState.status() != Status.DELETED) {
                    links.add(new Link(child, relationship.foreignKey(), null));
                    if (relationship.backPopulates() != null && relationship.backPopulates().get(child) == state.object()) {
                        relationship.backPopulates().set(child, null);
                    }
                }
            }
        }
    }

    private static void setBackReference(RelationshipModel back, Object child, Object parent) {
        if (back != null && !back.collection()) {
            Object current = back.get(child);
            if (current != parent && !(current instanceof TenonProxy)) {
                back.set(child, parent);
            }
        }
    }

    private static void mirrorAdd(RelationshipModel back, Object holder, Object member) {
        Collection<Object> collection = loadedCollection(back, holder);
        if (collection != null && !containsIdentical(collection, member)) {
            collection.add(member);
        }
    }

    private static void mirrorRemove(RelationshipModel back, Object holder, Object member) {
        Collection<Object> collection = loadedCollection(back, holder);
        if (collection != null) {
            collection.removeIf(element -> element == member);
        }
    }

    @SuppressWarnings("unchecked")
    private static Collection<Object> loadedCollection(RelationshipModel back, Object holder) {
        if (back == null || !back.collection() || holder instanceof TenonProxy proxy && !proxy.tenon$isLoaded()) {
            return null;
        }
        Object value = back.get(holder instanceof TenonProxy proxy ? proxy.tenon$target() : holder);
        if (value instanceof RelationCollection lazy && !lazy.isLoaded() || !(value instanceof Collection<?>)) {
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

    private static Set<Object> identitySet(Collection<?> members) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(members);
        return set;
    }
}
