package dev.tenon.session;

import dev.tenon.api.Status;
import dev.tenon.engine.StatementBudget;
import dev.tenon.engine.Statistics;
import dev.tenon.engine.Transaction;
import dev.tenon.engine.WalPosition;
import dev.tenon.exception.CommitOutcomeUnknownException;
import dev.tenon.exception.ReadOnlyException;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.TenonException;
import dev.tenon.exception.TransactionRolledBackException;
import dev.tenon.identity.IdentityMap;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Query;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
 *
 * <p>A façade: the session's parts are a {@link SessionContext} (what the helpers and loaders share), the
 * {@link UnitOfWork} (what changed), the {@link Flush} (prepare, plan, run) and the {@link SessionTransaction} (how a
 * transaction ends, and what that does to the objects). None of them knows this class.
 */
public final class Session implements AutoCloseable {
    private final SessionContext context;
    private final IdentityMap identityMap;
    private final ThreadGuard guard;
    private final UnitOfWork unitOfWork;
    private final Flush flush;
    private final SessionTransaction transaction;
    private final UpsertRunner upserts;
    private final BulkWriter bulk;

    Session(SessionContext context) {
        this.context = context;
        this.identityMap = context.identityMap();
        this.guard = context.guard();
        this.unitOfWork = new UnitOfWork(context);
        this.flush = new Flush(context, unitOfWork);
        this.transaction = new SessionTransaction(context, unitOfWork, flush);
        this.upserts = new UpsertRunner(context, unitOfWork, transaction);
        this.bulk = new BulkWriter(context, unitOfWork, transaction);
        context.queries(transaction::autoflush);
    }

    /** A query over every row of {@code type}; refine it, then run it with {@code list()}, {@code one()}... */
    public <T> Query<T> select(Class<T> type) {
        checkOpen();
        if (type == null) {
            throw new TenonException("session.select(null): name the entity class to query, e.g. session.select(Emp.class)");
        }
        context.metadata().entity(type);
        return Query.of(type, context.queryRunner());
    }

    /**
     * The object with this primary key (a list of values for a composite key), or null when there is no such
     * row. Runs no SQL when the object is already in the session.
     */
    public <T> T get(Class<T> type, Object id) {
        return guard.call(() -> {
            checkOpen();
            EntityModel entity = context.metadata().entity(type);
            return type.cast(context.queryRunner().heldOrLoaded(identityMap, entity, KeyArgument.normalize(entity, id)));
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
            checkWritable("add");
            unitOfWork.add(object);
        });
    }

    /** Adds several objects; when one cannot be added (null, not mapped), none is. */
    public void addAll(Collection<?> objects) {
        guard.run(() -> {
            checkOpen();
            checkWritable("add");
            objects.forEach(unitOfWork::checkAddable);
            objects.forEach(unitOfWork::add);
        });
    }

    /** Adds several objects. */
    public void addAll(Object... objects) {
        addAll(Arrays.asList(objects));
    }

    /**
     * Copies the state of an object the session does not hold (detached, or built from a request) onto the session's
     * instance of its row, loaded if needed, and returns that instance; without a row, onto a new instance, added.
     * Relationships that cascade {@code MERGE} are merged too; only what differs is written. See {@link Merger}.
     * <pre>{@code
     * Emp smith = session.merge(edited);       // SELECT SMITH unless held; a later flush writes what differs
     * }</pre>
     */
    public <T> T merge(T object) {
        return guard.call(() -> {
            checkOpen();
            @SuppressWarnings("unchecked")
            T merged = (T) new Merger(context, unitOfWork).merge(object);
            return merged;
        });
    }

    /** {@link #upsert(Object, String...)} on the primary key. */
    public <T> T upsert(T object) {
        return upsert(object, new String[0]);
    }

    /**
     * Inserts the object's row, or updates the row whose {@code uniqueAttributes} (the columns of a unique constraint;
     * none: the primary key) match, in one statement run at once, after an autoflush: {@code INSERT ... ON CONFLICT ...
     * DO UPDATE ... RETURNING} on PostgreSQL, {@code MERGE} through a delta table on H2. Returns the session's object
     * for the row, clean, holding the whole row. Nothing cascades; a {@code @Version} is refused. See {@link UpsertRunner}.
     * <pre>{@code
     * Tag tag = session.upsert(new Tag("java", "Java"), "code");
     * }</pre>
     */
    public <T> T upsert(T object, String... uniqueAttributes) {
        return guard.call(() -> {
            checkOpen();
            @SuppressWarnings("unchecked")
            T persistent = (T) upserts.upsert(object, uniqueAttributes);
            return persistent;
        });
    }

    /** Marks an object for deletion at the next flush (and, through delete cascades, its children). */
    public void delete(Object object) {
        guard.run(() -> {
            checkOpen();
            checkWritable("delete");
            unitOfWork.delete(object);
        });
    }

    /**
     * Writes every pending change: inserts in foreign-key order (rows of one shape in one statement), updates of
     * changed columns, deletes in reverse order; {@link #flushPlan()} shows the statements first. A failure rolls the
     * transaction back and leaves the objects as they were when the transaction began, ready to be fixed and flushed
     * again; a conflict with another transaction (a serialization failure, a deadlock) detaches them instead, as
     * {@link #rollback()} does, since what the transaction read is stale: read again, change, and commit.
     */
    public void flush() {
        guard.run(() -> {
            checkOpen();
            transaction.flush();
        });
    }

    /**
     * What the next flush will write, step by step, without writing it: a teaching aid and a test aid
     * ({@code assertThat(session.flushPlan().statements()).isEqualTo(2)}). Preparing the plan does what a flush does
     * first: save-update cascades, orphans found, back references set, unloaded children of deleted parents read.
     */
    public FlushPlan flushPlan() {
        return guard.call(() -> {
            checkOpen();
            return transaction.plan();
        });
    }

    /**
     * Flushes, then commits the transaction and returns the connection to the pool. A refused commit (a deferred
     * constraint) is a failed flush: rolled back, an {@link SqlExecutionException} thrown, the objects as when the
     * transaction began. A conflict ({@link SqlExecutionException#isConflict()}) detaches every object, as
     * {@link #rollback()} does: run the unit of work again from its first read ({@code db.transact} does). After an
     * earlier failed statement nothing is committed: {@link TransactionRolledBackException}, with that failure as its
     * cause. A connection that fails while {@code COMMIT} is on its way leaves the outcome unknown:
     * {@link CommitOutcomeUnknownException}, every object detached; check before you write again. The failed
     * transaction is then over and the next statement begins a new one. A transaction that only read has nothing to
     * commit (its reads ran in auto-commit, see {@link Transaction}).
     */
    public void commit() {
        guard.run(() -> {
            checkOpen();
            transaction.commit();
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
        });
    }

    /**
     * Runs {@code work} inside a savepoint, a transaction nested in the session's (SQLAlchemy's {@code begin_nested}):
     * what is pending is flushed first, then {@code SAVEPOINT}; the work runs and its changes are flushed. When the
     * work throws, or its flush fails, the database goes back to the savepoint ({@code ROLLBACK TO SAVEPOINT}) and so do
     * the objects: changes made inside are undone, objects added inside are transient again, objects deleted inside
     * are persistent again; the exception is thrown, and the outer transaction goes on. Savepoints nest. A conflict or
     * a lost connection ends the whole transaction all the same, as {@link #commit()} describes.
     * <pre>{@code
     * try { session.savepoint(() -> ship(order)); } catch (SqlExecutionException e) { ... }   // the batch goes on
     * }</pre>
     */
    public void savepoint(Runnable work) {
        savepoint(() -> {
            work.run();
            return null;
        });
    }

    /** {@link #savepoint(Runnable)} for work that returns a value. */
    public <T> T savepoint(java.util.function.Supplier<T> work) {
        return guard.call(() -> {
            checkOpen();
            return transaction.savepoint(work);
        });
    }

    /**
     * A hand-written statement with named parameters, run in the session's transaction after an autoflush, into
     * entities (identity-mapped), records or scalars, or run for its update count; see {@link PlainSql}.
     * <pre>{@code
     * List<Emp> clerks = session.sql("SELECT * FROM scott.emp WHERE job = :job").bind("job", "CLERK").list(Emp.class);
     * }</pre>
     */
    public PlainSql sql(String sql) {
        checkOpen();
        return new PlainSql(context, transaction, sql);
    }

    /**
     * A bulk UPDATE of {@code type}'s rows, one statement, keeping the session's objects in step; see {@link BulkUpdate}.
     * <pre>{@code
     * session.update(Emp.class).set("sal", new BigDecimal("1000")).where(eq("job", "CLERK")).execute();
     * }</pre>
     */
    public <T> BulkUpdate<T> update(Class<T> type) {
        checkOpen();
        return BulkUpdate.of(bulk, context.metadata(), type);
    }

    /**
     * A bulk DELETE of {@code type}'s rows, one statement; see {@link BulkDelete}. ({@link #delete(Object)} deletes one
     * object at the next flush.)
     * <pre>{@code
     * session.delete(Emp.class).where(eq("job", "CLERK")).execute();
     * }</pre>
     */
    public <T> BulkDelete<T> delete(Class<T> type) {
        if (type == null) {
            delete((Object) null);      // delete(null) picks this overload: refused as deleting a null object is
        }
        checkOpen();
        return new BulkDelete<>(bulk, context.metadata().entity(type));
    }

    /**
     * Runs plain JDBC in the session's transaction, after flushing what is pending so that the work sees it: for
     * what Tenon does not do. The connection is lent for the call only (see {@link Transaction#withConnection}).
     */
    public <T> T withConnection(Transaction.ConnectionWork<T> work) {
        return guard.call(() -> {
            checkOpen();
            transaction.autoflush();
            return context.transaction().withConnection(work);
        });
    }

    /** Reloads an object's columns from its row, discarding unflushed changes to them. */
    public void refresh(Object object) {
        guard.run(() -> {
            checkOpen();
            context.queryRunner().refresh(identityMap, object);
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
            return unitOfWork.status(object);
        });
    }

    /**
     * A query over the children of {@code parent} through a collection relationship, whatever its strategy:
     * what a {@code DYNAMIC} relationship is. Filter, order or count it before it runs.
     */
    public <E> Query<E> related(Object parent, String relationship) {
        checkOpen();
        return context.queryRunner().related(context.metadata(), parent, relationship);
    }

    /** The statements this session ran, by kind, and the rows they read and wrote. */
    public Statistics statistics() {
        return context.handle().statistics();
    }

    /**
     * Asserts that this session runs exactly {@code count} statements until the budget is closed, which throws a
     * {@link dev.tenon.exception.StatementBudgetError} listing them (and each lazy load's relationship and line) if not:
     * {@code try (StatementBudget budget = session.expectStatements(2)) { ... }}.
     */
    public StatementBudget expectStatements(int count) {
        return StatementBudget.open(context.transaction(), count, true);
    }

    /** Like {@link #expectStatements(int)}, but any number up to {@code count} passes. */
    public StatementBudget expectAtMost(int count) {
        return StatementBudget.open(context.transaction(), count, false);
    }

    /** The options this session was opened with. */
    public SessionOptions options() {
        return context.options();
    }

    /** Whether the session is open. */
    public boolean isOpen() {
        return context.isOpen();
    }

    /**
     * Rolls back what is not committed, returns the connection, and detaches every object. Does not throw for a
     * connection that is gone: its transaction has ended with it.
     */
    @Override
    public void close() {
        guard.run(() -> {
            if (!context.isOpen()) {
                return;
            }
            try {
                context.handle().rollback();
                context.handle().acknowledge();
            } finally {
                context.closed();
                unitOfWork.afterRollback();
                identityMap.close();
            }
        });
    }

    /** The session's identity map, for the tests of this package. */
    IdentityMap identityMap() {
        return identityMap;
    }

    private void checkOpen() {
        context.checkOpen();
    }

    /** A read-only session refuses a change at once, not at the flush. */
    private void checkWritable(String verb) {
        ReadOnlyException.refuseIf(context.handle().isReadOnly(), verb);
    }

    /** Whether this session refuses to write: opened by {@code db.openReadOnlySession}, reading on a replica if any. */
    public boolean isReadOnly() {
        return context.handle().isReadOnly();
    }

    /**
     * Where this session's last commit that wrote ended in PostgreSQL's write-ahead log, when the database has read
     * replicas (see {@link dev.tenon.engine.Replicas}); empty before such a commit, or without replicas. Hand it to a
     * reader elsewhere ({@code db.openReadOnlySession(metadata, position)}) that must see the commit.
     */
    public Optional<WalPosition> lastCommitPosition() {
        return Optional.ofNullable(context.handle().lastCommitPosition());
    }
}
