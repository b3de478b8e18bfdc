package dev.tenon.exception;

/**
 * Optimistic locking caught a lost update: the flush went to update or delete a row of an entity with a
 * {@code @Version} column, and no row had the key and the version the object held, because another transaction
 * changed (or deleted) the row since the object was read. Writing anyway would overwrite that transaction's change
 * with values computed from what it replaced.
 *
 * <p>When this is thrown, nothing of the transaction is in the database (it was rolled back), and the session's
 * objects are as they were when it began: the application's changes are still on them, and the stale object still
 * holds the version it was read with, so committing again would fail again. What to do is the application's to
 * decide, which is why the objects are not detached as after a serialization failure: read the row again and apply
 * the change to what it holds now (or run the whole unit of work again from its first read), or tell the user that
 * someone else changed it first.
 *
 * <pre>{@code
 * try {
 *     session.commit();
 * } catch (StaleDataException e) {
 *     session.rollback();                                  // a new transaction, the objects detached
 *     Account fresh = session.get(Account.class, e.id());  // what the other transaction wrote
 *     ... apply the change again, or report the conflict ...
 * }
 * }</pre>
 */
public class StaleDataException extends TenonException {
    private static final long serialVersionUID = 1L;

    private final Class<?> entity;
    private final transient Object id;
    private final boolean delete;

    /**
     * The {@code entity} object with key {@code id} and version {@code version} was not written: its UPDATE (or its
     * DELETE, when {@code delete}) found no row with them.
     */
    public StaleDataException(Class<?> entity, Object id, Object version, boolean delete) {
        super(entity.getSimpleName() + "#" + id + " was changed or deleted by another transaction since it was read"
                + " (version " + version + "): its " + (delete ? "DELETE" : "UPDATE") + " found no row with that key"
                + " and version, so it would have " + (delete ? "deleted" : "overwritten") + " a change it never saw."
                + " The transaction was rolled back and the objects are as before it, your changes kept; read the row"
                + " again and apply the change to what it holds now");
        this.entity = entity;
        this.id = id;
        this.delete = delete;
    }

    /** The class of the stale object. */
    public Class<?> entity() {
        return entity;
    }

    /** The stale object's key (a list of the values for a composite key); null after deserialization. */
    public Object id() {
        return id;
    }

    /** Whether the failed statement was the row's DELETE (else its UPDATE). */
    public boolean isDelete() {
        return delete;
    }
}
