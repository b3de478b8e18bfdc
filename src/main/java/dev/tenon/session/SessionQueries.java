package dev.tenon.session;

import dev.tenon.loading.QueryExecutor;
import dev.tenon.metadata.EntityModel;
import dev.tenon.query.Projection;
import dev.tenon.query.Query;
import dev.tenon.query.QueryRunner;
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
    List<Object> fromStatement(EntityModel entity, dev.tenon.sql.BoundSql sql, boolean inTransaction) {
        return guard.call(() -> loader.fromStatement(entity, sql, inTransaction));
    }

    /** The rows of its table a query's conditions match, for a bulk UPDATE or DELETE. */
    dev.tenon.loading.RowFilter rowFilter(Query<?> query) {
        return loader.rowFilter(query);
    }

    /** Gives an object added back to the session a lazy load of a relationship it had not loaded. */
    void reattach(dev.tenon.identity.InstanceState state, dev.tenon.metadata.RelationshipModel relationship) {
        loader.reattach(state, relationship);
    }

    /** Reloads an object's columns; false when its row is gone. */
    boolean refresh(dev.tenon.identity.InstanceState state) {
        return guard.call(() -> loader.refresh(state));
    }
}
