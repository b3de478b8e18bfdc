package dev.tenon.session;

import dev.tenon.CommitOutcomeUnknownException;
import dev.tenon.IdentityException;
import dev.tenon.SqlExecutionException;
import dev.tenon.TenonException;
import dev.tenon.TransactionRolledBackException;
import dev.tenon.engine.Statistics;
import dev.tenon.identity.EntityKey;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.identity.Status;
import dev.tenon.loading.LoadContext;
import dev.tenon.loading.NPlusOneDetector;
import dev.tenon.loading.QueryExecutor;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.Metadata;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.query.Query;
import dev.tenon.query.QueryRunner;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * SQLAlchemy's Session in Java: an identity map (one object per row) and a unit of work (what to insert,
 * update and delete at the next flush) over one transaction at a time. The transaction begins with the first
 * statement and ends with {@link #commit()} or {@link #rollback()}; {@link #close()} rolls back what is not
 * committed and returns the connection.
 *
 * <pre>{@code
 * try (Session session = db.openSession(metadata)) {
 *     Dept dept = session.get(Dept.class, 10);          // SELECT, or none when already in the session
 *     dept.loc = "BOSTON";                              // found by dirty checking at flush
 *     session.add(new Emp(...));                        // INSERT at flush
 *     session.commit();                                 // flush, then COMMIT
 * }
 * }</pre>
 *
 * A transaction is lost as soon as one of its statements fails: Tenon rolls it back, puts the objects back as they
 * were when it began, and refuses to commit over the failure ({@link TransactionRolledBackException}).
 *
 * <p>Not thread-safe: a session belongs to one thread at a time ({@link Database} and {@link Metadata} are shared);
 * a second thread that calls it while the first is inside is refused at once.
 */
public final class Session implements AutoCloseable {
    private final Database database;
    private final Metadata metadata;
    private final SessionOptions options;
    private final IdentityMap identityMap;
    private final SessionTransaction transaction;
    private final Statistics statistics;
    private final ThreadGuard guard = new ThreadGuard();
    private final NPlusOneDetector detector;
    private final LoadContext context = new SessionContext(this);
    private final QueryRunner queries;
    private final QueryExecutor loader;
    private final UnitOfWork unitOfWork;
    private boolean open = true;

    Session(Database database, Metadata metadata, SessionOptions options) {
        this.database = database;
        this.metadata = metadata;
        this.options = options;
        this.identityMap = new IdentityMap(database.ownership());
        this.transaction = new SessionTransaction(database);
        this.statistics = new Statistics(transaction::failed);
        this.detector = new NPlusOneDetector(options.nPlusOneThreshold(), options.strictNPlusOne());
        this.loader = new QueryExecutor(context, this::autoflush);
        this.queries = new GuardedRunner();
        this.unitOfWork = new UnitOfWork(this);
    }

    /** A query over every row of {@code type}; refine it, then run it with {@code list()}, {@code one()}... */
    public <T> Query<T> select(Class<T> type) {
        checkOpen();
        metadata.entity(type);
        return Query.of(type, queries);
    }

    /**
     * The object with this primary key (a list of values for a composite key), or null when there is no such
     * row. Runs no SQL when the object is already in the session.
     */
    public <T> T get(Class<T> type, Object id) {
        return guard.call(() -> {
            checkOpen();
            EntityModel entity = metadata.entity(type);
            Object key = KeyArgument.normalize(entity, id);
            Object found = identityMap.get(new EntityKey(entity, key));
            if (found != null) {
                InstanceState state = identityMap.state(found);
                return state.status() == Status.DELETED ? null : type.cast(found);
            }
            return type.cast(loader.getByKey(entity, key));
        });
    }

    /** {@link #get(Class, Object)} with the parts of a composite key. */
    public <T> T get(Class<T> type, Object first, Object... rest) {
        Object[] parts = new Object[rest.length + 1];
        parts[0] = first;
        System.arraycopy(rest, 0, parts, 1, rest.length);
        return get(type, List.of(parts));
    }

    /** Adds a new object (inserted at the next flush) and, through save-update cascades, its new related objects. */
    public void add(Object object) {
        guard.run(() -> {
            checkOpen();
            unitOfWork.add(object);
        });
    }

    /** Adds several objects; when one cannot be added (null, not mapped), none is. */
    public void addAll(Collection<?> objects) {
        guard.run(() -> {
            checkOpen();
            objects.forEach(unitOfWork::checkAddable);
            objects.forEach(unitOfWork::add);
        });
    }

    /** Adds several objects. */
    public void addAll(Object... objects) {
        addAll(Arrays.asList(objects));
    }

    /** Marks an object for deletion at the next flush (and, through delete cascades, its children). */
    public void delete(Object object) {
        guard.run(() -> {
            checkOpen();
            unitOfWork.delete(object);
        });
    }

    /**
     * Writes every pending change: inserts in foreign-key order (in JDBC batches), updates of changed columns,
     * deletes in reverse order. A failure rolls the transaction back and leaves the objects as they were when the
     * transaction began, ready to be fixed and flushed again; a conflict with another transaction (a serialization
     * failure, a deadlock) detaches them instead, as {@link #rollback()} does, since what the transaction read is
     * stale: read again, change, and commit.
     */
    public void flush() {
        guard.run(() -> {
            checkOpen();
            checkNotLost();
            unitOfWork.flush();
        });
    }

    /**
     * Flushes, then commits the transaction and returns the connection to the pool.
     * <ul>
     * <li>A commit the database refuses (a deferred constraint) is handled as a failed flush: the transaction is
     * rolled back, an {@link SqlExecutionException} thrown, and the objects are left as they were when the
     * transaction began, ready to be fixed and committed again.</li>
     * <li>A conflict (a serialization failure or a deadlock, {@link SqlExecutionException#isConflict()}) detaches every
     * object as {@link #rollback()} does: committing the same objects again would write values computed from stale
     * reads. Run the unit of work again from its first read.</li>
     * <li>When a statement of the transaction failed earlier, nothing is committed: the database has rolled the
     * transaction back, and this throws {@link TransactionRolledBackException} with that failure as its cause.</li>
     * <li>When the connection fails while {@code COMMIT} is on its way, nobody knows whether the database committed:
     * this throws {@link CommitOutcomeUnknownException} and detaches every object; check before you write again.</li>
     * </ul>
     * After any of these the failed transaction is over and the session begins a new one with its next statement.
     */
    public void commit() {
        guard.run(() -> {
            checkOpen();
            if (transaction.failure() != null) {
                TransactionRolledBackException lost = endLostTransaction();
                transaction.acknowledge();
                detector.clear();
                throw lost;
            }
            unitOfWork.flush();
            try {
                transaction.commit();
            } catch (CommitOutcomeUnknownException e) {
                unitOfWork.afterOutcomeUnknown();
                detector.clear();
                throw e;
            } catch (SqlExecutionException e) {
                revert(e);
                throw e;
            }
            unitOfWork.afterCommit();
            detector.clear();
        });
    }

    /**
     * Rolls the transaction back. Because Java cannot reload a field on its next read, every object of the
     * session is then detached, and what was only added is transient again: query again to continue. What the
     * flushes of the transaction set on the objects is undone with it (an object inserted by them is transient
     * again, without the key the database generated; a foreign key set from a relationship is back to its old
     * value); the application's own field changes stay, and adding a detached object to a session writes them.
     * A rollback whose connection is gone has rolled back all the same (the server drops the transaction with its
     * connection): it does the same and does not throw. It also ends a transaction lost to a failed statement.
     */
    public void rollback() {
        guard.run(() -> {
            checkOpen();
            transaction.rollback();
            transaction.acknowledge();
            unitOfWork.afterRollback();
            detector.clear();
        });
    }

    /** Reloads an object's columns from its row, discarding unflushed changes to them. */
    public void refresh(Object object) {
        guard.run(() -> {
            checkOpen();
            InstanceState state = identityMap.state(object);
            if (state == null || state.id() == null || state.status() != Status.PERSISTENT) {
                throw new IdentityException("Cannot refresh " + object + ": it is not persistent in this session ("
                        + (state == null ? "not in the session" : state.status()) + ")");
            }
            if (!loader.refresh(state)) {
                throw new IdentityException("Cannot refresh " + state + ": its row no longer exists");
            }
        });
    }

    /** Removes an object from the session without touching its row; it becomes detached (or transient). */
    public void expunge(Object object) {
        guard.run(() -> {
            checkOpen();
            unitOfWork.expunge(object);
        });
    }

    /** Whether the object is held by this session (pending, persistent or deleted). */
    public boolean contains(Object object) {
        return guard.call(() -> identityMap.state(object) != null);
    }

    /** Where the object stands with this session. */
    public Status status(Object object) {
        return guard.call(() -> {
            InstanceState state = identityMap.state(object);
            if (state != null) {
                return state.status();
            }
            return unitOfWork.wasDetached(object) ? Status.DETACHED : Status.TRANSIENT;
        });
    }

    /**
     * A query over the children of {@code parent} through a collection relationship, whatever its strategy:
     * what a {@code DYNAMIC} relationship is. Filter, order or count it before it runs.
     */
    public <E> Query<E> related(Object parent, String relationship) {
        checkOpen();
        EntityModel entity = metadata.entity(parent.getClass());
        RelationshipModel model = entity.relationship(relationship);
        if (model == null) {
            throw new dev.tenon.MappingException(entity.name() + " has no relationship '" + relationship + "'; its relationships are "
                    + entity.relationships().stream().map(RelationshipModel::name).toList());
        }
        @SuppressWarnings("unchecked")
        Class<E> target = (Class<E>) model.target().type();
        return Query.of(target, queries).childrenOf(model, parent);
    }

    /** The statements this session ran, by kind, and the rows they read and wrote. */
    public Statistics statistics() {
        return statistics;
    }

    /** The session's N+1 detector. */
    public NPlusOneDetector nPlusOneDetector() {
        return detector;
    }

    /** The options this session was opened with. */
    public SessionOptions options() {
        return options;
    }

    /** Whether the session is open. */
    public boolean isOpen() {
        return open;
    }

    /**
     * Rolls back what is not committed, returns the connection, and detaches every object. Does not throw for a
     * connection that is gone: its transaction has ended with it.
     */
    @Override
    public void close() {
        guard.run(() -> {
            if (!open) {
                return;
            }
            try {
                transaction.rollback();
                transaction.acknowledge();
            } finally {
                open = false;
                unitOfWork.afterRollback();
                identityMap.close();
            }
        });
    }

    private void autoflush() {
        if (unitOfWork.hasPendingWork()) {
            unitOfWork.flush();
        }
    }

    private void checkOpen() {
        if (!open) {
            throw new TenonException("This session is closed; open a new one with db.openSession(metadata)");
        }
    }

    /** Refuses to run a statement in a transaction that an earlier failed statement has lost. */
    private void checkNotLost() {
        if (transaction.failure() != null) {
            throw endLostTransaction();
        }
    }

    /**
     * A statement failed outside a flush, and the application went on: the transaction is rolled back (once) and the
     * objects put back. Returns the exception that reports it; the failure stays until commit() or rollback().
     */
    private TransactionRolledBackException endLostTransaction() {
        TenonException first = transaction.failure();
        if (transaction.active()) {
            transaction.rollback();
            revertObjects(first);
        }
        return new TransactionRolledBackException("The transaction was rolled back: a statement of it failed earlier ("
                + first.getMessage() + "). Nothing it wrote is in the database; "
                + (isConflict(first) ? "its objects are detached, since what it read is stale: run the unit of work again from its first read"
                        : "its objects are back as they were when it began, ready to be committed again")
                + ". Call commit() or rollback() to end it", first);
    }

    /** A flush or a commit failed: the transaction is rolled back, and the objects put back for a retry. */
    void revert(RuntimeException failure) {
        transaction.rollback();
        transaction.acknowledge();
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

    private static boolean isConflict(RuntimeException failure) {
        return failure instanceof SqlExecutionException sql && sql.isConflict();
    }

    Connection connection() {
        checkOpen();
        checkNotLost();
        return transaction.connection();
    }

    Database database() {
        return database;
    }

    Metadata metadata() {
        return metadata;
    }

    IdentityMap identityMap() {
        return identityMap;
    }

    LoadContext loadContext() {
        return context;
    }

    QueryRunner queryRunner() {
        return queries;
    }

    /** Runs {@code work} as the session's only thread. */
    void exclusive(Runnable work) {
        guard.run(work);
    }

    /** The queries of this session, each run as the session's only thread. */
    private final class GuardedRunner implements QueryRunner {
        @Override
        public <T> List<T> list(Query<T> query) {
            return guard.call(() -> loader.list(query));
        }

        @Override
        public <T> Stream<T> stream(Query<T> query) {
            return guard.call(() -> loader.stream(query));
        }

        @Override
        public long count(Query<?> query) {
            return guard.call(() -> loader.count(query));
        }

        @Override
        public String toSql(Query<?> query) {
            return loader.toSql(query);
        }
    }
}
