package dev.tenon.session;

import dev.tenon.annotation.Lazy;
import dev.tenon.api.Status;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.proxy.RelationList;
import dev.tenon.proxy.RelationSet;
import dev.tenon.query.DynamicList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What rolling back to a savepoint does to the objects, once the undo log has put back what the savepoint's flushes
 * did: the application's changes made since the savepoint began are undone too. A savepoint begins with a flush, so
 * every object then held what its row held, and what changed since is known without a copy: the value each changed
 * column held before its first change (since the last flush, whose own changes the undo log restores), and what each
 * relationship held when loaded or last flushed. An object added
 * since is transient again; one deleted since is persistent again; a relationship whose earlier value is not known
 * (it was not loaded) loads again on its next read, from the rows as they are after the rollback.
 */
final class SavepointRevert {
    private final SessionContext context;
    private final UnitOfWork unitOfWork;
    private final IdentityMap identityMap;

    SavepointRevert(SessionContext context, UnitOfWork unitOfWork) {
        this.context = context;
        this.unitOfWork = unitOfWork;
        this.identityMap = context.identityMap();
    }

    /**
     * First, before the undo log puts back the states its flushes saved: the columns changed since the last flush
     * (whose earlier values the restored states no longer record) go back to what that flush wrote.
     */
    void revertUnflushedColumns() {
        for (InstanceState state : identityMap.changedStates()) {
            if (state.status() == Status.PERSISTENT || state.status() == Status.DELETED) {
                revertColumns(state);
            }
        }
    }

    /** Then, after the undo log: every object as it was when the savepoint began. */
    void revert() {
        for (InstanceState state : List.copyOf(identityMap.changedStates())) {
            if (state.status() == Status.PENDING) {
                unitOfWork.expunge(state.object());
                continue;
            }
            if (state.status() == Status.DELETED) {
                if (!identityMap.maps(state)) {
                    continue;       // its row was deleted by a flush before the savepoint: still deleted
                }
                state.status(Status.PERSISTENT);
            }
            if (state.status() == Status.PERSISTENT) {
                revertColumns(state);
                revertRelationships(state);
            }
        }
    }

    private static void revertColumns(InstanceState state) {
        Object[] values = state.databaseValues();
        if (values == null) {
            return;
        }
        List<ColumnModel> columns = state.entity().columns();
        for (int i = 0; i < values.length; i++) {
            if (state.isChanged(i)) {
                columns.get(i).set(state.object(), values[i]);
            }
        }
        state.valuesLoaded();
    }

    /**
     * Each side of a pair of relationships is put back from its own record, so nothing is back-populated here: both
     * sides were changed together, and both are among the changed objects.
     */
    private void revertRelationships(InstanceState state) {
        Object object = state.object();
        for (RelationshipModel relationship : state.entity().relationships()) {
            Object value = relationship.get(object);
            Object loaded = state.loaded(relationship);
            if (value instanceof DynamicList<?> dynamic) {
                if (dynamic.hasPendingChanges()) {
                    dynamic.takePending();
                }
            } else if (loaded == InstanceState.NOT_LOADED) {
                boolean untouched = relationship.collection() ? value instanceof RelationCollection collection && !collection.isLoaded()
                        : value == null && !state.isClearedUnloaded(relationship);
                if (!untouched) {
                    unload(state, relationship);
                }
            } else if (relationship.collection()) {
                restoreMembers(relationship, object, value, (Collection<?>) loaded);
            } else if (value != loaded) {
                relationship.set(object, loaded);
            }
        }
    }

    /** Puts a collection's members back, in the collection the application holds when it is the session's own. */
    private static void restoreMembers(RelationshipModel relationship, Object object, Object value, Collection<?> loaded) {
        if (value instanceof RelationCollection collection && !collection.isForeign() && collection.isLoaded()) {
            Collection<?> current = (Collection<?>) value;
            if (current.size() == loaded.size() && Members.identitySet(current).equals(Members.identitySet(loaded))) {
                return;
            }
            for (Object member : new ArrayList<>(current)) {
                collection.removeQuietly(member);
            }
            for (Object member : loaded) {
                collection.addQuietly(member);
            }
        } else {
            relationship.set(object, relationship.collectionType() == Set.class ? RelationSet.loaded(loaded) : RelationList.loaded(loaded));
        }
    }

    /** Forgets a relationship set since the savepoint began while it was not loaded: it loads on its next read. */
    private void unload(InstanceState state, RelationshipModel relationship) {
        relationship.set(state.object(), null);
        state.loaded(relationship, InstanceState.NOT_LOADED);
        if (relationship.lazy() != Lazy.RAISE) {
            context.queryRunner().reattach(state, relationship);
        }
    }
}
