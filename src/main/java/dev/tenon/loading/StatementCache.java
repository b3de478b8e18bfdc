package dev.tenon.loading;

import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The statements a database's sessions compile once and share, as Hibernate's persisters keep their SQL: every query
 * by its shape (its values left out), the load of one object by its key ({@code session.get}) per entity, the
 * secondary statements of the strategies (children by keys, the subquery of a query shape), the plan of each
 * relationship loaded on its own, and every projection by its shape. A session is opened for a few lookups, often
 * one, and a lazy load runs once per parent touched: compiling and writing the SQL each time cost about a tenth of a lookup on H2.
 *
 * <p>What is cached is never written after it is compiled (plans, layouts, SQL text), so one instance serves every
 * session and thread of a database. The number of entries is bounded by the application's query shapes.
 */
public final class StatementCache {
    private final Map<Object, CompiledQuery> queries = new ConcurrentHashMap<>();
    private final Map<EntityModel, CompiledQuery> byKey = new ConcurrentHashMap<>();
    private final Map<Object, SecondaryStatement> secondary = new ConcurrentHashMap<>();
    private final Map<RelationshipModel, LoadNode> plans = new ConcurrentHashMap<>();
    private final Map<Object, CompiledProjection> projections = new ConcurrentHashMap<>();

    /** A query's statement by its shape, compiled by {@code compile} the first time. */
    CompiledQuery query(Object shape, Supplier<CompiledQuery> compile) {
        return get(queries, shape, compile);
    }

    /** A projection's statement by its shape, compiled by {@code compile} the first time. */
    CompiledProjection projection(Object shape, Supplier<CompiledProjection> compile) {
        return get(projections, shape, compile);
    }

    /** The statement that loads one object of {@code entity} by its key. */
    CompiledQuery byKey(EntityModel entity, Supplier<CompiledQuery> compile) {
        return get(byKey, entity, compile);
    }

    /** A strategy's secondary statement by its shape. */
    SecondaryStatement secondary(Object shape, Supplier<SecondaryStatement> compile) {
        return get(secondary, shape, compile);
    }

    /** The plan of a relationship loaded on its own. */
    LoadNode plan(RelationshipModel relationship, Supplier<LoadNode> plan) {
        return get(plans, relationship, plan);
    }

    /** How many statements and plans are cached: bounded by the shapes the application uses. */
    public int size() {
        return queries.size() + byKey.size() + secondary.size() + plans.size() + projections.size();
    }

    // Not computeIfAbsent: compiling may fail (a bad path), and may compile a nested statement into the same map.
    private static <K, V> V get(Map<K, V> map, K key, Supplier<V> compile) {
        V found = map.get(key);
        if (found == null) {
            found = compile.get();
            V raced = map.putIfAbsent(key, found);
            if (raced != null) {
                found = raced;
            }
        }
        return found;
    }
}
