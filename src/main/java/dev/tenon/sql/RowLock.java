package dev.tenon.sql;

/**
 * The row-locking clause of a SELECT: how strongly its rows are locked and what happens at a row another transaction
 * has locked. The dialect writes it ({@link Dialect#renderLock}); the locks last until the transaction ends.
 *
 * <pre>{@code
 * SELECT ... FROM job job_1 WHERE job_1.status = ? ORDER BY job_1.id LIMIT ? FOR UPDATE SKIP LOCKED
 * }</pre>
 *
 * @param strength   how strongly each row is locked
 * @param waitPolicy what the statement does at a row locked by another transaction
 */
public record RowLock(Strength strength, Wait waitPolicy) {
    /** A plain {@code FOR UPDATE}: waits for a locked row. */
    public static final RowLock FOR_UPDATE = new RowLock(Strength.UPDATE, Wait.WAIT);

    /** How strongly a row is locked. */
    public enum Strength {
        /** {@code FOR UPDATE}: no other transaction may lock, change or delete the row. */
        UPDATE,
        /** {@code FOR SHARE}: others may read and share-lock the row, but not change or delete it. */
        SHARE
    }

    /** What the statement does at a row another transaction has locked. */
    public enum Wait {
        /** Waits until that transaction ends (or a lock timeout expires). */
        WAIT,
        /** Fails at once ({@code NOWAIT}). */
        NOWAIT,
        /** Passes over the row, as if it did not match ({@code SKIP LOCKED}). */
        SKIP_LOCKED
    }

    /** The lock; both parts are required. */
    public RowLock {
        if (strength == null || waitPolicy == null) {
            throw new IllegalArgumentException("A row lock needs a strength and a wait policy, was " + strength + " and " + waitPolicy);
        }
    }
}
