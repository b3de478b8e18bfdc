package dev.tenon.session;

import dev.tenon.IdentityException;
import dev.tenon.TenonException;
import dev.tenon.engine.Executor;
import dev.tenon.engine.Statistics;
import dev.tenon.identity.EntityKey;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.identity.Status;
import dev.tenon.loading.LoadContext;
import dev.tenon.loading.NPlusOneDetector;
import dev.tenon.loading.QueryExecutor;
import dev.tenon.loading.StatementCache;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.Metadata;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.query.Query;
import dev.tenon.query.QueryRunner;
import dev.tenon.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

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
 * Not thread-safe: a session belongs to one thread at a time ({@link Database} and {@link Metadata} are shared).
 */
public final class Session implements AutoCloseable {
    private final Database database;
    private final Metadata metadata;
    private final SessionOptions options;
    private final IdentityMap identityMap;
    private final Statistics statistics = new Statistics();
    private final NPlusOneDetector detector;
    private final Context context = new Context();
    private final QueryExecutor queries;
    private final UnitOfWork unitOfWork;
    private Connection connection;
    private boolean open = true;

    Session(Database database, Metadata metadata, SessionOptions options) {
        this.database = database;
        this.metadata = metadata;
        this.options = options;
        this.identityMap = new IdentityMap(database.ownership());
        this.detector = new NPlusOneDetector(options.nPlusOneThreshold(), options.strictNPlusOne());
        this.queries = new QueryExecutor(context, this::autoflush);
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
        checkOpen();
        EntityModel entity = metadata.entity(type);
        Object key = normalizeKey(entity, id);
        Object found = identityMap.get(new EntityKey(entity, key));
        if (found != null) {
            InstanceState state = identityMap.state(found);
            return state.status() == Status.DELETED ? null : type.cast(found);
        }
        return type.cast(queries.getByKey(entity, key));
    }

    /** {@link #get(Class, Object)} with the parts of a composite key. */
    public <T> T get(Class<T> type, Object first, Object... rest) {
        Object[] parts = new Object[rest.length + 1];
        parts[0] = first;
        System.arraycopy(rest, 0, parts, 1, rest.length);
        return get(type, List.of(parts));
    }

    private static Object normalizeKey(EntityModel entity, Object id) {
        int size = entity.primaryKey().size();
        if (id == null) {
            throw new IdentityException("get(" + entity.name() + ", null): a key is needed");
        }
        if (size == 1) {
            ColumnModel key = entity.primaryKey().get(0);
            Class<?> expected = wrap(key.type().javaType());
            if (id instanceof List<?>) {
                throw new IdentityException("get(" + entity.name() + ", " + id + "): " + entity.name() + " has a single key, "
                        + key.attribute() + " (" + expected.getSimpleName() + "); pass one value");
            }
            if (!expected.isInstance(id)) {
                throw new IdentityException("get(" + entity.name() + ", " + shown(id) + "): the key " + key.attribute() + " is "
                        + withArticle(expected) + ", not " + withArticle(id.getClass()));
            }
            return id;
        }
        if (!(id instanceof List<?> parts) || parts.size() != size) {
            throw new IdentityException("get(" + entity.name() + ", " + id + "): the key has " + size + " parts "
                    + entity.primaryKey().stream().map(c -> c.attribute()).toList() + "; pass them in that order");
        }
        return List.copyOf(parts);
    }

    private static String shown(Object id) {
        return id instanceof CharSequence ? "\"" + id + "\"" : String.valueOf(id);
    }

    private static String withArticle(Class<?> type) {
        String name = type.getSimpleName();
        return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    private static Class<?> wrap(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "boolean" -> Boolean.class;
            default -> Double.class;
        };
    }

    /** Adds a new object (inserted at the next flush) and, through save-update cascades, its new related objects. */
    public void add(Object object) {
        checkOpen();
        unitOfWork.add(object);
    }

    /** Adds several objects; when one cannot be added (null, not mapped), none is. */
    public void addAll(Collection<?> objects) {
        checkOpen();
        objects.forEach(unitOfWork::checkAddable);
        objects.forEach(this::add);
    }

    /** Adds several objects. */
    public void addAll(Object... objects) {
        addAll(Arrays.asList(objects));
    }

    /** Marks an object for deletion at the next flush (and, through delete cascades, its children). */
    public void delete(Object object) {
        checkOpen();
        unitOfWork.delete(object);
    }

    /**
     * Writes every pending change: inserts in foreign-key order (in JDBC batches), updates of changed columns,
     * deletes in reverse order. A failure rolls the transaction back and leaves the objects as they were before
     * the flush, ready to be fixed and flushed again.
     */
    public void flush() {
        checkOpen();
        unitOfWork.flush();
    }

    /**
     * Flushes, then commits the transaction and returns the connection to the pool. A commit the database refuses
     * (a deferred constraint, a serialization failure) is handled as a failed flush: the transaction is rolled back
     * and the objects are left as before its flushes, ready to be fixed and committed again.
     */
    public void commit() {
        flush();
        if (connection != null) {
            try {
                connection.commit();
            } catch (SQLException e) {
                rollbackAfterFailure();
                unitOfWork.undoFailedTransaction();
                throw database.executor().failure("committing", "COMMIT", e);
            }
            release();
        }
        unitOfWork.afterCommit();
        detector.clear();
    }

    /**
     * Rolls the transaction back. Because Java cannot reload a field on its next read, every object of the
     * session is then detached, and what was only added is transient again: query again to continue. What the
     * flushes of the transaction set on the objects is undone with it (an object inserted by them is transient
     * again, without the key the database generated; a foreign key set from a relationship is back to its old
     * value); the application's own field changes stay, and adding a detached object to a session writes them.
     */
    public void rollback() {
        checkOpen();
        rollbackConnection();
        unitOfWork.afterRollback();
        detector.clear();
    }

    /** Reloads an object's columns from its row, discarding unflushed changes to them. */
    public void refresh(Object object) {
        checkOpen();
        InstanceState state = identityMap.state(object);
        if (state == null || state.id() == null || state.status() != Status.PERSISTENT) {
            throw new IdentityException("Cannot refresh " + object + ": it is not persistent in this session ("
                    + (state == null ? "not in the session" : state.status()) + ")");
        }
        if (!queries.refresh(state)) {
            throw new IdentityException("Cannot refresh " + state + ": its row no longer exists");
        }
    }

    /** Removes an object from the session without touching its row; it becomes detached (or transient). */
    public void expunge(Object object) {
        checkOpen();
        unitOfWork.expunge(object);
    }

    /** Whether the object is held by this session (pending, persistent or deleted). */
    public boolean contains(Object object) {
        return identityMap.state(object) != null;
    }

    /** Where the object stands with this session. */
    public Status status(Object object) {
        InstanceState state = identityMap.state(object);
        if (state != null) {
            return state.status();
        }
        return unitOfWork.wasDetached(object) ? Status.DETACHED : Status.TRANSIENT;
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

    /** Rolls back what is not committed, returns the connection, and detaches every object. */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        try {
            rollbackConnection();
        } finally {
            open = false;
            unitOfWork.afterRollback();
            identityMap.close();
        }
    }

    private void autoflush() {
        if (unitOfWork.hasPendingWork()) {
            unitOfWork.flush();
        }
    }

    private void rollbackConnection() {
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                throw new TenonException("Rollback failed: " + e.getMessage(), e);
            } finally {
                release();
            }
        }
    }

    private void release() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new TenonException("Cannot return the connection to the pool: " + e.getMessage(), e);
        } finally {
            connection = null;
        }
    }

    private void checkOpen() {
        if (!open) {
            throw new TenonException("This session is closed; open a new one with db.openSession(metadata)");
        }
    }

    /** Rolls back the database transaction after a failed flush; the unit of work restores the objects. */
    void rollbackAfterFailure() {
        try {
            rollbackConnection();
        } catch (TenonException ignored) {
            // The flush's own error is the one to report.
        }
    }

    Connection connection() {
        checkOpen();
        if (connection == null) {
            connection = database.connection();
        }
        return connection;
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

    /** The session as the loaders see it. */
    private final class Context implements LoadContext {
        @Override
        public Connection connection() {
            return Session.this.connection();
        }

        @Override
        public Executor executor() {
            return database.executor();
        }

        @Override
        public Dialect dialect() {
            return database.dialect();
        }

        @Override
        public Statistics statistics() {
            return statistics;
        }

        @Override
        public IdentityMap identityMap() {
            return identityMap;
        }

        @Override
        public StatementCache statements() {
            return database.statements();
        }

        @Override
        public Metadata metadata() {
            return metadata;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public int batchSize() {
            return options.batchSize();
        }

        @Override
        public boolean batchLazyLoads() {
            return options.batchLazyLoads();
        }

        @Override
        public NPlusOneDetector nPlusOneDetector() {
            return detector;
        }

        @Override
        public QueryRunner queryRunner() {
            return queries;
        }
    }
}
