package dev.tenon.exception;

/**
 * The session's transaction is gone: a statement in it failed, so the database rolled it back (PostgreSQL
 * refuses every later statement and turns {@code COMMIT} into a rollback without an error; Tenon treats H2 the
 * same way, although H2 would carry on). Nothing the transaction wrote is in the database.
 *
 * <p>Thrown by {@code commit()} (and by any statement of the session) after such a failure, with the first failed
 * statement as its cause. Tenon has already rolled back and put the session's objects back as they were when the
 * transaction began, as after a failed flush; when the failure was a conflict ({@link #isConflict()}: a
 * serialization failure or a deadlock) every object was detached instead, since what the transaction read is no
 * longer what the database holds. {@code commit()} and {@code rollback()} end the failed transaction; after them
 * the session starts a new one.
 *
 * <pre>{@code
 * try {
 *     session.commit();
 * } catch (TransactionRolledBackException e) {
 *     if (e.isConflict()) { ... run the whole unit of work again: read, change, commit ... }
 * }
 * }</pre>
 */
public class TransactionRolledBackException extends TenonException {
    private static final long serialVersionUID = 1L;

    private final boolean conflict;

    /**
     * The transaction was rolled back because of {@code cause}, the failure of its first statement that failed: an
     * {@link SqlExecutionException}, or a {@link TimeoutException} when a statement or socket timeout expired.
     */
    public TransactionRolledBackException(String message, TenonException cause) {
        super(message, cause);
        this.conflict = cause instanceof SqlExecutionException sql && sql.isConflict();
    }

    /** The failure of the first statement of the transaction that failed. */
    public TenonException failure() {
        return (TenonException) getCause();
    }

    /** Whether the database rolled back for a conflict with another transaction, so that a retry may succeed. */
    public boolean isConflict() {
        return conflict;
    }
}
