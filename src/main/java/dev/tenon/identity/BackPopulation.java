package dev.tenon.identity;

import dev.tenon.annotation.Lazy;
import dev.tenon.api.Status;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.proxy.Membership;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.proxy.RelationList;
import dev.tenon.proxy.RelationSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Keeps the two sides of a {@code backPopulates} pair in step the moment the application changes one, as SQLAlchemy's
 * backrefs do: {@code emp.department = sales} adds {@code emp} to {@code sales.employees} and takes it out of its old
 * department's; {@code sales.employees.add(emp)} sets {@code emp.department}. No statement runs: a collection that is
 * not loaded stays so, and queues the change to apply once it loads. The other side is
 * written directly (not through the enhanced setters), so a change is mirrored once, not back and forth.
 */
final class BackPopulation {
    private BackPopulation() {
    }

    /** Hears the members the application adds to or removes from one object's collection. */
    static final class Watcher implements Membership {
        private final Object owner;
        private final RelationshipModel relationship;

        Watcher(Object owner, RelationshipModel relationship) {
            this.owner = owner;
            this.relationship = relationship;
        }

        @Override
        public void added(Object member) {
            memberAdded(owner, relationship, member);
            Attributes.touched(owner);
        }

        @Override
        public void removed(Object member) {
            memberRemoved(owner, relationship, member);
            Attributes.touched(owner);
        }
    }

    /** The application replaced what {@code relationship} of {@code owner} holds: {@code oldValue} by {@code newValue}. */
    static void replaced(Object owner, RelationshipModel relationship, Object oldValue, Object newValue) {
        if (relationship.backPopulates() == null || isDynamic(relationship)) {
            return;
        }
        if (!relationship.collection()) {
            if (oldValue != null) {
                memberRemoved(owner, relationship, oldValue);
            }
            if (newValue != null) {
                memberAdded(owner, relationship, newValue);
            }
            return;
        }
        // A collection replaced by another: who left and who joined. An unloaded old collection's members are unknown.
        Collection<?> before = members(oldValue);
        Collection<?> after = members(newValue);
        for (Object member : before) {
            if (!containsIdentical(after, member)) {
                memberRemoved(owner, relationship, member);
            }
        }
        for (Object member : after) {
            if (!containsIdentical(before, member)) {
                memberAdded(owner, relationship, member);
            }
        }
    }

    /**
     * Before a to-one relationship that was never loaded is written: the object it referenced, when the session holds
     * it (found by the foreign key, without SQL), which is then recorded as loaded so that the old side is updated at
     * once and at flush; otherwise the write is recorded so that the flush still writes a cleared key.
     */
    static Object unloadedReference(InstanceState state, RelationshipModel relationship, Object oldValue, Object newValue) {
        if (oldValue != null || state.deferred(relationship) == null) {
            return oldValue;
        }
        Object found = null;
        IdentityMap.Epoch epoch = state.holder;
        if (relationship.direction() == Direction.MANY_TO_ONE && epoch != null && epoch.current) {
            Object key = foreignKey(state.object(), relationship);
            found = key == null ? null : epoch.map.get(relationship.target(), key);
        }
        if (found != null) {
            state.loaded(relationship, found);
        } else if (newValue == null) {
            state.clearedUnloaded(relationship);
        } else {
            state.loaded(relationship, InstanceState.NOT_LOADED);
        }
        return found;
    }

    /** The value of a single-column foreign key, which is the referenced row's identity; null otherwise. */
    private static Object foreignKey(Object object, RelationshipModel relationship) {
        List<ColumnModel> columns = relationship.foreignKey().columns();
        return columns.size() == 1 ? columns.get(0).get(object) : null;
    }

    /** {@code member} joined {@code owner}'s side of the pair: the other side now names {@code owner}. */
    private static void memberAdded(Object owner, RelationshipModel relationship, Object member) {
        RelationshipModel back = relationship.backPopulates();
        if (back == null || member == null) {
            return;
        }
        if (back.collection()) {
            addTo(back, member, owner);
        } else {
            Object previous = back.get(member);
            InstanceState memberState = InstanceState.carriedBy(member);
            if (previous == null && memberState != null) {
                previous = unloadedReference(memberState, back, null, owner);
            }
            if (previous == owner) {
                return;
            }
            if (previous != null) {
                // The member leaves its previous holder, which must let it go too.
                if (relationship.collection()) {
                    removeFrom(relationship, previous, member);
                } else if (relationship.get(previous) == member) {
                    relationship.set(previous, null);
                    Attributes.touched(previous);
                }
            }
            back.set(member, owner);
        }
        Attributes.touched(member);
    }

    /** {@code member} left {@code owner}'s side of the pair: the other side no longer names {@code owner}. */
    private static void memberRemoved(Object owner, RelationshipModel relationship, Object member) {
        RelationshipModel back = relationship.backPopulates();
        if (back == null || member == null) {
            return;
        }
        if (back.collection()) {
            removeFrom(back, member, owner);
        } else if (back.get(member) == owner) {
            back.set(member, null);
        } else {
            return;
        }
        Attributes.touched(member);
    }

    /** Whether a collection is a query ({@code DYNAMIC}, {@code WRITE_ONLY}): its changes are written, not mirrored. */
    static boolean isDynamic(RelationshipModel relationship) {
        return relationship.lazy() == Lazy.DYNAMIC || relationship.lazy() == Lazy.WRITE_ONLY;
    }

    private static void addTo(RelationshipModel collection, Object holder, Object member) {
        if (isDynamic(collection)) {
            return;
        }
        Object value = collection.get(holder);
        if (value instanceof RelationCollection relation) {
            relation.addQuietly(member);
        } else if (value instanceof Collection<?> plain) {
            if (!containsIdentical(plain, member)) {
                @SuppressWarnings("unchecked")
                Collection<Object> members = (Collection<Object>) plain;
                members.add(member);
            }
        } else if (value == null && isNew(holder)) {
            // A new object has no rows to load: its collection is known to be empty, so one is started, as SQLAlchemy
            // starts every collection of a new object empty.
            RelationCollection started = collection.collectionType() == Set.class
                    ? RelationSet.loaded(List.of(member)) : RelationList.loaded(List.of(member));
            started.watch(new Watcher(holder, collection));
            collection.set(holder, started);
        }
        Attributes.touched(holder);
    }

    private static void removeFrom(RelationshipModel collection, Object holder, Object member) {
        if (isDynamic(collection)) {
            return;
        }
        Object value = collection.get(holder);
        if (value instanceof RelationCollection relation) {
            relation.removeQuietly(member);
        } else if (value instanceof Collection<?> plain) {
            plain.removeIf(element -> element == member);
        }
        Attributes.touched(holder);
    }

    /** Whether {@code object} has no row yet: transient, or pending in a session. */
    private static boolean isNew(Object object) {
        InstanceState state = InstanceState.carriedBy(object);
        return state == null ? !(object instanceof Tracked tracked && tracked.tenon$departure() != null)
                : state.status() == Status.PENDING || state.status() == Status.TRANSIENT;
    }

    private static Collection<?> members(Object value) {
        if (value instanceof RelationCollection relation && !relation.isLoaded() || !(value instanceof Collection<?>)) {
            return List.of();
        }
        return (Collection<?>) value;
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
