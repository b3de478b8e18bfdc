package dev.tenon.loading;

import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.proxy.Loader;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.proxy.RelationList;
import dev.tenon.proxy.RelationSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a relationship holds: the loaded members put in and recorded as loaded (the last step of every eager
 * strategy), a loaded collection, or a collection that loads on first access.
 */
final class Assign {
    private Assign() {
    }

    static void members(InstanceState state, RelationshipModel relationship, List<Object> members) {
        Object object = state.object();
        if (relationship.collection()) {
            Object current = relationship.get(object);
            if (current instanceof RelationCollection lazy && !lazy.isLoaded()) {
                lazy.fill(members);
            } else {
                relationship.set(object, newCollection(relationship, members));
            }
            state.loaded(relationship, new ArrayList<>(members));
        } else {
            Object target = members.isEmpty() ? null : members.get(0);
            relationship.set(object, target);
            state.loaded(relationship, target);
        }
    }

    /** A collection holding {@code members}, of the relationship's collection type. */
    static Object newCollection(RelationshipModel relationship, List<Object> members) {
        return relationship.collectionType() == Set.class ? RelationSet.loaded(members) : RelationList.loaded(members);
    }

    /** A collection of the relationship's type that runs {@code loader} on first access. */
    static Object lazyCollection(RelationshipModel relationship, Loader loader) {
        return relationship.collectionType() == Set.class ? RelationSet.lazy(loader) : RelationList.lazy(loader);
    }
}
