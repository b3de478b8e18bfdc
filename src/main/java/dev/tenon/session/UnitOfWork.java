package dev.tenon.session;

import dev.tenon.annotation.Cascade;
import dev.tenon.api.Status;
import dev.tenon.exception.IdentityException;
import dev.tenon.exception.TenonException;
import dev.tenon.identity.EntityKey;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.identity.Ownership;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.query.DynamicList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * The session's unit of work: which objects are new, changed or deleted, and the undo log of what flushes did to
 * them. Cascades run here ({@code save-update} when adding and again at flush, {@code delete} when deleting); a
 * {@link Flush} writes the work.
 */
final class UnitOfWork {
    private final SessionContext context;
    private final IdentityMap identityMap;
    private final UndoLog undo = new UndoLog();
    private final Ownership ownership;
    private boolean flushing;

    UnitOfWork(SessionContext context) {
        this.context = context;
        this.identityMap = context.identityMap();
        this.ownership = context.ownership();
    }

    /** What the flushes of the transaction did, to be undone if it fails. */
    UndoLog undo() {
        return undo;
    }

    /** Whether a flush is preparing or running: the orphan deletes and cascades it decides on are then undoable. */
    boolean flushing() {
        return flushing;
    }

    void flushing(boolean value) {
        flushing = value;
    }

    void add(Object object) {
        checkAddable(object);
        Deque<Object> work = new ArrayDeque<>();
        work.addLast(object);
        while (!work.isEmpty()) {
            Object next = work.pollFirst();
            if (attach(next)) {
                InstanceState state = identityMap.state(next);
                cascadeSaveUpdate(state, work);
            }
        }
    }

    /** Fails for what no session can take: null, or an object of a class the metadata does not map. */
    void checkAddable(Object object) {
        if (object == null) {
            throw new TenonException("Cannot add null to a session");
        }
        context.metadata().entity(object.getClass());
    }

    /** Makes an object part of the session; false when it was already there (its cascade still runs once). */
    private boolean attach(Object object) {
        checkAddable(object);
        EntityModel entity = context.metadata().entity(object.getClass());
        InstanceState state = identityMap.state(object);
        if (state != null) {
            if (state.status() == Status.DELETED) {
                saveIfFlushing(state);
                state.status(Status.PERSISTENT);
                state.markChanged();
            }
            return false;
        }
        Object id = entity.identityOf(object);
        if (ownership.heldElsewhere(object, identityMap)) {
            throw new IdentityException("Cannot add " + entity.name() + (id == null ? "" : "#" + id) + ": it belongs to another open "
                    + "session; expunge it from that session, or close it, first");
        }
        if (id != null) {
            Object other = identityMap.get(new EntityKey(entity, id));
            if (other != null && other != object) {
                throw new IdentityException("Cannot add " + entity.name() + "#" + id + ": another object with the same key is "
                        + "already in this session; change the key, or modify the object the session holds (session.get)");
            }
        }
        // An object whose row was left by an earlier session (of this database) is persistent again; one whose
        // deletion was committed, or whose key was cleared, is inserted anew.
        boolean wasDetached = ownership.detachedRow(object) == Ownership.Row.EXISTS && id != null;
        InstanceState departed = InstanceState.carriedBy(object);
        state = new InstanceState(entity, object, wasDetached ? Status.PERSISTENT : Status.PENDING);
        if (wasDetached) {
            // Its row exists; the values the row last held are known, so a flush writes what changed since
            // (every column when they are unknown).
            state.key(new EntityKey(entity, id));
            state.databaseValues(ownership.detachedValues(object));
            state.markReattached();
            identityMap.put(state);
            state.markChanged();
            new Reattachment(context).rebind(state, departed);
        } else {
            identityMap.track(state);
            DynamicCollections.install(context, state);
        }
        return true;
    }

    private void cascadeSaveUpdate(InstanceState state, Deque<Object> work) {
        for (RelationshipModel relationship : state.entity().relationships()) {
            if (!relationship.cascades(Cascade.SAVE_UPDATE)) {
                continue;
            }
            Object value = relationship.get(state.object());
            if (value instanceof DynamicList<?> dynamic) {
                // Never loaded: its new members are the ones add() recorded since the last flush.
                value = dynamic.hasPendingChanges() ? dynamic.pending().added() : null;
            }
            if (!Members.readable(value) || value == null) {
                continue;
            }
            if (value instanceof Collection<?> members) {
                for (Object member : members) {
                    if (identityMap.state(member) == null) {
                        work.addLast(member);
                    }
                }
            } else if (identityMap.state(value) == null) {
                work.addLast(value);
            }
        }
    }

    void delete(Object object) {
        InstanceState state = object == null ? null : identityMap.state(object);
        if (state == null) {
            throw new IdentityException("Cannot delete " + object + ": it is not in this session; load it with session.get first");
        }
        if (state.status() == Status.PENDING) {
            expunge(state.object());
            return;
        }
        if (state.status() == Status.DELETED) {
            return;
        }
        saveIfFlushing(state);
        state.status(Status.DELETED);
        for (RelationshipModel relationship : state.entity().relationships()) {
            if (!relationship.cascades(Cascade.DELETE) || relationship.direction() == RelationshipModel.Direction.MANY_TO_ONE) {
                continue;
            }
            Object value = relationship.get(state.object());
            if (relationship.direction() == RelationshipModel.Direction.ONE_TO_MANY
                    && (!Members.readable(value) || state.deferred(relationship) != null)) {
                // Not loaded here, one parent at a time: the flush finds the children of every parent deleted with
                // it in one query per relationship (see DeletedParents).
                continue;
            }
            Collection<?> children = value instanceof Collection<?> c ? List.copyOf(c) : value == null ? List.of() : List.of(value);
            for (Object child : children) {
                // A new child never added (put into the collection since the last flush) has nothing to delete.
                if (identityMap.state(child) != null) {
                    delete(child);
                }
            }
        }
    }

    /** A child removed from a delete-orphan collection. */
    void deleteOrphan(Object child) {
        InstanceState state = identityMap.state(child);
        if (state != null && state.status() != Status.DELETED) {
            delete(child);
        }
    }

    void expunge(Object object) {
        InstanceState state = identityMap.state(object);
        if (state == null) {
            throw new IdentityException("Cannot expunge " + object + ": it is not in this session");
        }
        identityMap.remove(state);
        state.leaveGroup();
        if (state.id() != null && state.status() != Status.PENDING) {
            ownership.release(object, Ownership.Row.EXISTS, state.databaseValues());
        } else {
            ownership.forget(object);
        }
    }

    boolean wasDetached(Object object) {
        return ownership.detachedRow(object) != null;
    }

    /** Where the object stands with this session: its state's status, else detached or transient. */
    Status status(Object object) {
        InstanceState state = identityMap.state(object);
        if (state != null) {
            return state.status();
        }
        return wasDetached(object) ? Status.DETACHED : Status.TRANSIENT;
    }

    /**
     * The undo log restores what flushes did, so that a failed flush leaves the application's own operations
     * pending: a delete() or add() between flushes is the caller's intent and survives; only the orphan deletes
     * and cascades a flush decides on are recorded, to be decided again by the retry.
     */
    private void saveIfFlushing(InstanceState state) {
        if (flushing) {
            undo.save(state);
        }
    }

    /**
     * Whether anything was added or deleted, or a loaded object changed since the last flush, in a column or in a
     * relationship ({@code emp.department = dept} alone must reach the database before a query reads it).
     */
    boolean hasPendingWork() {
        for (InstanceState state : identityMap.changedStates()) {
            // A row deleted by an earlier flush stays DELETED until commit, with its key no longer mapped: done.
            boolean deletedAlready = state.status() == Status.DELETED && !identityMap.maps(state);
            if (state.status() != Status.PERSISTENT && !deletedAlready
                    || state.status() == Status.PERSISTENT && (state.isModified() || Members.changedRelationships(state))) {
                return true;
            }
        }
        return false;
    }

    /** The database rolled the transaction back after a failure: its flushes are undone in memory, objects stay. */
    void undoFailedTransaction() {
        undo.undo(identityMap);
    }

    /**
     * Save-update cascades from every changed object (an unchanged one cannot have gained a related object), so that
     * objects put into relationships since add() are added.
     */
    void cascadeAll() {
        Deque<Object> work = new ArrayDeque<>();
        for (InstanceState state : identityMap.changedStates()) {
            if (state.status() != Status.DELETED) {
                cascadeSaveUpdate(state, work);
            }
        }
        while (!work.isEmpty()) {
            Object next = work.pollFirst();
            if (attach(next)) {
                cascadeSaveUpdate(identityMap.state(next), work);
            }
        }
    }

    void afterCommit() {
        for (InstanceState state : identityMap.changedStates()) {
            if (state.status() == Status.DELETED) {
                identityMap.remove(state);
                state.status(Status.DETACHED);
                ownership.release(state.object(), Ownership.Row.DELETED, null);
            }
        }
        undo.clear();
    }

    /**
     * After a commit whose outcome is unknown: the rows may be in the database or not, so nothing is undone (an
     * object inserted keeps its generated key, to be looked for) and nothing is pending again (a retry of the same
     * session would insert it twice); every object leaves the session as it is.
     */
    void afterOutcomeUnknown() {
        identityMap.clear();
        undo.clear();
    }

    /**
     * After the transaction was rolled back (by rollback() or close()): first the flushes of the transaction are
     * undone in memory, so that an object inserted by them is pending again and loses the key the database gave
     * it; then every object leaves the session, detached when its row exists, transient when it was only pending.
     */
    void afterRollback() {
        undo.undo(identityMap);
        identityMap.clear();
        undo.clear();
    }
}
