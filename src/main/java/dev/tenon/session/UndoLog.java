package dev.tenon.session;

import dev.tenon.api.Status;
import dev.tenon.identity.EntityKey;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.RelationshipModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the flushes of the current transaction changed in memory: object states and the fields Tenon set
 * itself (foreign keys, generated keys, defaults). When a flush fails the whole transaction is rolled back in
 * the database, so everything its flushes did is undone here too: the objects return to how they were when the
 * transaction began, with the application's own changes intact, ready to be fixed and flushed again.
 */
final class UndoLog {
    private record FieldChange(Object object, ColumnModel column, Object oldValue) {
    }

    private record SavedState(Status status, EntityKey key, Object changes, Object[] loaded) {
    }

    /**
     * Where a savepoint began: the states saved before it (the current map then) and the sizes of the two logs. A
     * state is saved again in a savepoint, as it was when the savepoint began.
     */
    private record Mark(Map<InstanceState, SavedState> states, int fields, int others) {
    }

    private Map<InstanceState, SavedState> states = new IdentityHashMap<>();
    private final Deque<FieldChange> fields = new ArrayDeque<>();
    private final Deque<Runnable> others = new ArrayDeque<>();
    private final Deque<Mark> marks = new ArrayDeque<>();

    /** Saves a state before the flush first changes it in this transaction. */
    void save(InstanceState state) {
        states.computeIfAbsent(state, s -> {
            Object[] loaded = null;
            for (int i = 0; i < s.entity().relationships().size(); i++) {
                Object value = s.loaded(s.entity().relationships().get(i));
                if (value != InstanceState.NOT_LOADED) {
                    if (loaded == null) {
                        loaded = new Object[s.entity().relationships().size()];
                        java.util.Arrays.fill(loaded, InstanceState.NOT_LOADED);
                    }
                    loaded[i] = value;
                }
            }
            return new SavedState(s.status(), s.key(), s.saveChanges(), loaded);
        });
    }

    /**
     * Sets a field on behalf of the flush, remembering the old value; the object's state records the change as the
     * enhanced setter would, so that the flush writes the column.
     */
    void set(Object object, ColumnModel column, Object value) {
        Object old = column.get(object);
        if (old != value) {
            fields.push(new FieldChange(object, column, old));
            InstanceState state = InstanceState.carriedBy(object);
            if (state != null) {
                state.columnWritten(state.entity().columnPosition(column.attribute()), old);
            }
            column.set(object, value);
        }
    }

    /**
     * Sets a field to what its row now holds (a bulk UPDATE wrote it), remembering the old value: unlike
     * {@link #set}, the column is not marked changed, since the row has it already.
     */
    void setAsWritten(Object object, ColumnModel column, Object value) {
        fields.push(new FieldChange(object, column, column.get(object)));
        column.set(object, value);
    }

    /** Remembers how to put back something else a flush consumed: the pending changes of a dynamic collection. */
    void onUndo(Runnable restore) {
        others.push(restore);
    }

    /** A savepoint begins: what flushes do from now on can be undone apart ({@link #undoSavepoint}). */
    void beginSavepoint() {
        marks.push(new Mark(states, fields.size(), others.size()));
        states = new IdentityHashMap<>();
    }

    /** The savepoint's work is kept: its changes join the transaction's, whose earlier saves win. */
    void releaseSavepoint() {
        Mark mark = marks.pop();
        states.forEach(mark.states()::putIfAbsent);
        states = mark.states();
    }

    /** Puts back what flushes did since the savepoint began, and forgets the savepoint. */
    void undoSavepoint(IdentityMap identityMap) {
        Mark mark = marks.pop();
        undoLogs(mark.fields(), mark.others());
        restore(states, identityMap);
        states = mark.states();
    }

    /** Puts every saved state and field back, and the identity map with them. */
    void undo(IdentityMap identityMap) {
        undoLogs(0, 0);
        // Innermost savepoint first, so that each object ends as the transaction's first save of it recorded.
        restore(states, identityMap);
        while (!marks.isEmpty()) {
            states = marks.pop().states();
            restore(states, identityMap);
        }
        clear();
    }

    private void undoLogs(int fieldsKept, int othersKept) {
        while (others.size() > othersKept) {
            others.pop().run();
        }
        while (fields.size() > fieldsKept) {
            FieldChange change = fields.pop();
            change.column().set(change.object(), change.oldValue());
        }
    }

    private static void restore(Map<InstanceState, SavedState> saves, IdentityMap identityMap) {
        saves.forEach((state, saved) -> {
            identityMap.remove(state);
            state.status(saved.status());
            state.key(saved.key());
            state.restoreChanges(saved.changes());
            for (int i = 0; i < state.entity().relationships().size(); i++) {
                RelationshipModel relationship = state.entity().relationships().get(i);
                // Nothing saved: no relationship was loaded when the flush first changed the state.
                state.loaded(relationship, saved.loaded() == null ? InstanceState.NOT_LOADED : saved.loaded()[i]);
            }
            if (state.key() != null) {
                identityMap.put(state);
            } else {
                identityMap.track(state);
            }
            // Its changes are unwritten again: the next flush must visit it.
            state.markChanged();
        });
    }

    /** Forgets everything: the transaction ended. */
    void clear() {
        marks.clear();
        states = new IdentityHashMap<>();
        fields.clear();
        others.clear();
    }
}
