package dev.tenon.session;

import dev.tenon.api.Status;
import dev.tenon.exception.IdentityException;
import dev.tenon.exception.MappingException;
import dev.tenon.identity.EntityKey;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.loading.QueryExecutor;
import dev.tenon.loading.RowFilter;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.Metadata;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.query.LoadPlan;
import dev.tenon.query.Projection;
import dev.tenon.query.Query;
import dev.tenon.query.QueryRunner;
import dev.tenon.sql.BoundSql;
import java.util.List;
import java.util.stream.Stream;

/** A session's queries, each run as the session's only thread by one loader engine. */
final class SessionQueries implements QueryRunner {
    private final ThreadGuard guard;
    private final QueryExecutor loader;

    SessionQueries(ThreadGuard guard, QueryExecutor loader) {
        this.guard = guard;
        this.loader = loader;
    }

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

    @Override
    public LoadPlan explain(Query<?> query) {
        return loader.explain(query);
    }

    @Override
    public <R> List<R> list(Projection<R> projection) {
        return guard.call(() -> loader.list(projection));
    }

    @Override
    public <R> Stream<R> stream(Projection<R> projection) {
        return guard.call(() -> loader.stream(projection));
    }

    @Override
    public String toSql(Projection<?> projection) {
        return loader.toSql(projection);
    }

    @Override
    public void check(Projection<?> projection) {
        loader.check(projection);
    }

    /** The object with this key, read from its row (the caller looked in the identity map first), or null. */
    Object getByKey(EntityModel entity, Object key) {
        return guard.call(() -> loader.getByKey(entity, key));
    }

    /** The objects of {@code entity} a hand-written statement returns, read through the identity map. */
    List<Object> fromStatement(EntityModel entity, BoundSql sql, boolean inTransaction) {
        return guard.call(() -> loader.fromStatement(entity, sql, inTransaction));
    }

    /** The rows of its table a query's conditions match, for a bulk UPDATE or DELETE. */
    RowFilter rowFilter(Query<?> query) {
        return loader.rowFilter(query);
    }

    /** Gives an object added back to the session a lazy load of a relationship it had not loaded. */
    void reattach(InstanceState state, RelationshipModel relationship) {
        loader.reattach(state, relationship);
    }

    /** Reloads an object's columns; false when its row is gone. */
    boolean refresh(InstanceState state) {
        return guard.call(() -> loader.refresh(state));
    }

    /** A query over the children of {@code parent} through its collection relationship {@code name}. */
    <E> Query<E> related(Metadata metadata, Object parent, String name) {
        EntityModel entity = metadata.entity(parent.getClass());
        RelationshipModel model = entity.relationship(name);
        if (model == null) {
            throw new MappingException(entity.name() + " has no relationship '" + name + "'; its relationships are "
                    + entity.relationships().stream().map(RelationshipModel::name).toList());
        }
        @SuppressWarnings("unchecked")
        Class<E> target = (Class<E>) model.target().type();
        return Query.of(target, this).childrenOf(model, parent);
    }

    /** The session's object for {@code key} (null when it was deleted in the session), else the row's, loaded; or null. */
    Object heldOrLoaded(IdentityMap identityMap, EntityModel entity, Object key) {
        Object found = identityMap.get(new EntityKey(entity, key));
        if (found != null) {
            return identityMap.state(found).status() == Status.DELETED ? null : found;
        }
        return getByKey(entity, key);
    }

    /** Reads a persistent object's row again over its columns; refuses an object that is not, or whose row is gone. */
    void refresh(IdentityMap identityMap, Object object) {
        InstanceState state = identityMap.state(object);
        if (state == null || state.id() == null || state.status() != Status.PERSISTENT) {
            throw new IdentityException("Cannot refresh " + object + ": it is not persistent in this session ("
                    + (state == null ? "not in the session" : state.status()) + ")");
        }
        if (!refresh(state)) {
            throw new IdentityException("Cannot refresh " + state + ": its row no longer exists");
        }
    }
}
