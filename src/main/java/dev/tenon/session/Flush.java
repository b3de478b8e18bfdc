package dev.tenon.session;

import dev.tenon.api.Status;
import dev.tenon.exception.TenonException;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.query.DynamicList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A flush in three stages, each in a class of its own. <b>Prepare</b>: save-update cascades add the new objects
 * reachable from changed ones, and {@link RelationshipSync} turns relationship changes into foreign keys to set,
 * association rows and orphan deletes (reading unloaded children through the loader engine, without an autoflush).
 * <b>Plan</b>: {@link FlushPlanner} orders the statements, without running any. <b>Run</b>: {@link FlushRunner}
 * sends them. {@link #plan()} stops after the second stage, to show what the next flush will do.
 */
final class Flush {
    private final SessionContext context;
    private final UnitOfWork unitOfWork;
    private final IdentityMap identityMap;

    Flush(SessionContext context, UnitOfWork unitOfWork) {
        this.context = context;
        this.unitOfWork = unitOfWork;
        this.identityMap = context.identityMap();
    }

    /**
     * What the next flush will write. Preparing it does what the flush itself would do first (cascades, orphans,
     * back references), so the objects may change as they would at the flush; nothing is written.
     */
    FlushPlan plan() {
        unitOfWork.flushing(true);
        try {
            return prepare().plan();
        } finally {
            unitOfWork.flushing(false);
        }
    }

    /** Writes every pending change; a failure is the caller's to roll back (see {@link SessionTransaction}). */
    void run() {
        if (unitOfWork.flushing()) {
            // The flush's own reads run without an autoflush (SessionContext.flushReads), so nothing it does starts
            // another: reaching this is a defect of Tenon, reported rather than papered over.
            throw new TenonException("A flush was started while another was under way, by a statement of the first; "
                    + "this is a defect of Tenon: please report it with the stack trace");
        }
        unitOfWork.flushing(true);
        try {
            Prepared prepared = prepare();
            new FlushRunner(context.transaction(), identityMap, unitOfWork.undo(), context.options().flushBatchSize()).run(prepared.plan());
            rememberRelationships(prepared.states());
            // Kept for the next flush: rows deleted (they leave the session at commit), values that change in place and
            // collections it cannot hear.
            identityMap.changesFlushed(prepared.states().stream()
                    .filter(state -> state.status() == Status.DELETED || state.changesInPlace()
                            || Members.holdsForeignCollection(state)).toList());
            for (DynamicList<?> dynamic : prepared.sync().dynamicLists) {
                forgetWritten(dynamic);
            }
        } finally {
            unitOfWork.flushing(false);
        }
    }

    private record Prepared(RelationshipSync sync, List<InstanceState> states, FlushPlan plan) {
    }

    private Prepared prepare() {
        unitOfWork.cascadeAll();
        RelationshipSync sync = new RelationshipSync(context, unitOfWork);
        sync.run();
        for (Link link : sync.links) {
            // The flush writes the foreign keys of these children: they are changed objects now.
            InstanceState child = identityMap.state(link.child());
            if (child != null) {
                child.markChanged();
            }
        }
        List<InstanceState> states = identityMap.changedStates();
        FlushPlanner planner = new FlushPlanner(context.metadata().tableOrder().tables(), context.dialect(), identityMap,
                context.options().flushBatchSize());
        FlushPlan plan = planner.plan(states, sync.links, sync.associationDeletes, sync.associationInserts, sync.deletedOwners);
        return new Prepared(sync, states, plan);
    }

    /** Written by this flush, the dynamic list's changes are no longer pending, unless the transaction rolls back. */
    private <E> void forgetWritten(DynamicList<E> dynamic) {
        DynamicList.Pending<E> written = dynamic.takePending();
        unitOfWork.undo().onUndo(() -> dynamic.restorePending(written));
    }

    /** Records what each relationship holds now, so the next flush sees only later changes. */
    private void rememberRelationships(List<InstanceState> states) {
        for (InstanceState state : states) {
            if (state.status() != Status.PERSISTENT) {
                continue;
            }
            for (RelationshipModel relationship : state.entity().relationships()) {
                Object value = relationship.get(state.object());
                if (state.deferred(relationship) != null || !Members.readable(value)) {
                    continue;
                }
                Object remembered = value instanceof Collection<?> members ? new ArrayList<>(members) : value;
                if (relationship.collection() && value == null) {
                    remembered = List.of();
                }
                Object before = state.loaded(relationship);
                if (!(before instanceof Collection<?> old && remembered instanceof Collection<?> now && sameMembers(old, now)) && before != remembered) {
                    unitOfWork.undo().save(state);
                    state.loaded(relationship, remembered);
                }
            }
        }
    }

    private static boolean sameMembers(Collection<?> a, Collection<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        var left = a.iterator();
        var right = b.iterator();
        while (left.hasNext()) {
            if (left.next() != right.next()) {
                return false;
            }
        }
        return true;
    }

}
