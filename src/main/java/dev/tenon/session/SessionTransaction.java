package dev.tenon.session;

import dev.tenon.engine.Transaction;
import dev.tenon.exception.CommitOutcomeUnknownException;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.TenonException;
import dev.tenon.exception.TransactionRolledBackException;
import java.util.function.Supplier;

/**
 * A session's transaction from its first statement to its end, and what each end does to the objects: a commit
 * flushes first, then lets go of deleted objects; a rollback detaches everything; a failure puts the objects back
 * for a retry. The database side (the connection, the failed statement that loses a transaction) is the engine's
 * {@link Transaction} handle; this class is the object side.
 */
final class SessionTransaction {
    private final SessionContext context;
    private final Transaction handle;
    private final UnitOfWork unitOfWork;
    private final Flush flush;
    /** Savepoints begun and not yet ended, innermost last: a failure inside one rolls back to it, not further. */
    private int savepoints;

    SessionTransaction(SessionContext context, UnitOfWork unitOfWork, Flush flush) {
        this.context = context;
        this.handle = context.handle();
        this.unitOfWork = unitOfWork;
        this.flush = flush;
        // A statement in a transaction lost to an earlier failure is refused, and the transaction ended once.
        handle.refuseAfterFailure(this::refuse);
    }

    /** Writes every pending change; a failure rolls the transaction back and puts the objects back. */
    void flush() {
        if (handle.failure() != null) {
            throw endLostTransaction(handle.failure());
        }
        runFlush();
    }

    /** Flushes before a query when something is pending, so that the query sees it. */
    void autoflush() {
        if (unitOfWork.hasPendingWork()) {
            runFlush();
        }
    }

    /** What the next flush will do; preparing it may read, and a failure there is handled as a failed flush. */
    FlushPlan plan() {
        if (handle.failure() != null) {
            throw endLostTransaction(handle.failure());
        }
        try {
            return flush.plan();
        } catch (TransactionRolledBackException e) {
            throw e;
        } catch (RuntimeException e) {
            revert(e);
            throw e;
        }
    }

    /**
     * Runs a write of the session's own outside the flush (an upsert) after an autoflush, handled as a flush: a
     * failure rolls the transaction back and puts the objects back, and a lost transaction refuses it.
     */
    <T> T write(Supplier<T> work) {
        if (handle.failure() != null) {
            throw endLostTransaction(handle.failure());
        }
        autoflush();                // a failure there is a failed flush's, handled as such
        try {
            return work.get();
        } catch (TransactionRolledBackException e) {
            throw e;
        } catch (RuntimeException e) {
            revert(e);
            throw e;
        }
    }

    private void runFlush() {
        try {
            flush.run();
        } catch (TransactionRolledBackException e) {
            throw e;        // lost before this flush wrote anything: reported as it is, until commit() or rollback()
        } catch (RuntimeException e) {
            revert(e);
            throw e;
        }
    }

    /**
     * Runs {@code work} inside a savepoint: flushes what is pending (the point to come back to), sets the savepoint,
     * runs the work and flushes it. When the work or its flush fails, the transaction goes back to the savepoint and
     * so do the objects (see {@link SavepointRevert}), and the failure is thrown; the transaction stays usable. A
     * conflict, or a connection lost, ends the whole transaction instead, as anywhere else: the retry must begin from
     * the first read.
     */
    <T> T savepoint(java.util.function.Supplier<T> work) {
        flush();
        String name = "tenon_savepoint_" + (savepoints + 1);
        handle.savepoint(name);
        unitOfWork.undo().beginSavepoint();
        savepoints++;
        T result;
        try {
            result = work.get();
            runFlush();
        } catch (RuntimeException | Error e) {
            savepoints--;
            backTo(name, e);
            throw e;
        }
        savepoints--;
        try {
            handle.releaseSavepoint(name);
        } catch (RuntimeException e) {
            revert(e);
            throw e;
        }
        unitOfWork.undo().releaseSavepoint();
        return result;
    }

    /** The savepoint's work failed: back to the savepoint, or, when that cannot be, the whole transaction rolled back. */
    private void backTo(String name, Throwable failure) {
        if (!handle.begun()) {
            return;         // the failure already ended the whole transaction (a conflict), objects and all
        }
        if (failure instanceof RuntimeException runtime && (isConflict(runtime) || isConnectionFailure(runtime))) {
            revert(runtime);
            return;
        }
        try {
            handle.rollbackToSavepoint(name);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            revert(e);
            return;
        }
        SavepointRevert objects = new SavepointRevert(context, unitOfWork);
        objects.revertUnflushedColumns();
        unitOfWork.undo().undoSavepoint(context.identityMap());
        objects.revert();
    }

    void commit() {
        if (handle.failure() != null) {
            TransactionRolledBackException lost = endLostTransaction(handle.failure());
            ended();
            throw lost;
        }
        runFlush();
        try {
            handle.commit();
        } catch (CommitOutcomeUnknownException e) {
            unitOfWork.afterOutcomeUnknown();
            context.nPlusOneDetector().clear();
            throw e;
        } catch (SqlExecutionException e) {
            revert(e);
            throw e;
        }
        unitOfWork.afterCommit();
        context.nPlusOneDetector().clear();
    }

    void rollback() {
        handle.rollback();
        ended();
        unitOfWork.afterRollback();
    }

    /**
     * What a statement gets after an earlier one of the transaction failed. Inside a savepoint the transaction is not
     * lost yet: rolling back to the savepoint, when the savepoint's work throws, makes it usable again.
     */
    private RuntimeException refuse(TenonException first) {
        if (savepoints > 0 && !isConflict(first) && !isConnectionFailure(first)) {
            return new TenonException("A statement inside the savepoint failed (" + first.getMessage() + "); nothing more runs in it. "
                    + "Let the savepoint's work end with the failure: the transaction then goes back to the savepoint and is usable again",
                    first);
        }
        return endLostTransaction(first);
    }

    /**
     * A statement failed outside a flush, and the application went on: the transaction is rolled back (once) and the
     * objects put back. Returns the exception that reports it; the failure stays until commit() or rollback().
     */
    private TransactionRolledBackException endLostTransaction(TenonException first) {
        if (handle.active()) {
            handle.rollback();
            revertObjects(first);
        }
        return new TransactionRolledBackException("The transaction was rolled back: a statement of it failed earlier ("
                + first.getMessage() + "). Nothing it wrote is in the database; "
                + (isConflict(first) ? "its objects are detached, since what it read is stale: run the unit of work again from its first read"
                        : "its objects are back as they were when it began, ready to be committed again")
                + ". Call commit() or rollback() to end it", first);
    }

    /** The application knows the transaction is over: the next statement begins a new one. */
    private void ended() {
        handle.acknowledge();
        context.nPlusOneDetector().clear();
    }

    /**
     * A flush or a commit failed: the transaction is rolled back, and the objects put back for a retry. Inside a
     * savepoint only a conflict or a lost connection goes that far; any other failure is the savepoint's to undo.
     */
    private void revert(RuntimeException failure) {
        if (savepoints > 0 && !isConflict(failure) && !isConnectionFailure(failure)) {
            return;
        }
        handle.rollback();
        handle.acknowledge();
        revertObjects(failure);
    }

    /**
     * After a conflict the objects read in the transaction are no longer the database's, so they leave the session,
     * as after rollback(); after any other failure the flushes of the transaction are undone in memory and the
     * objects stay, with the application's changes, for a retry.
     */
    private void revertObjects(RuntimeException failure) {
        if (isConflict(failure)) {
            unitOfWork.afterRollback();
        } else {
            unitOfWork.undoFailedTransaction();
        }
    }

    /*
     * A StaleDataException (a @Version row changed by another transaction) is not a conflict here, although it too
     * means that a read is stale, as Hibernate and SQLAlchemy have it: their StaleObjectStateException and
     * StaleDataError leave the objects to the caller, who reloads. The database refused nothing; the flush found one
     * named object stale, and only the application knows whether to apply its change again to the row as it is now,
     * to give up, or to ask the user; the undone objects keep its changes for that, and keep the version they were
     * read with, so that committing them as they are fails again instead of overwriting. Detaching everything would
     * throw the changes of every other object away with the stale one.
     */
    private static boolean isConflict(RuntimeException failure) {
        return failure instanceof SqlExecutionException sql && sql.isConflict()
                || failure instanceof TransactionRolledBackException lost && lost.isConflict();
    }

    private static boolean isConnectionFailure(RuntimeException failure) {
        return failure instanceof SqlExecutionException sql && sql.isConnectionFailure();
    }
}
