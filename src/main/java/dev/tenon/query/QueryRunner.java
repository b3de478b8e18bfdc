package dev.tenon.query;

import java.util.List;
import java.util.stream.Stream;

/**
 * What runs a {@link Query}: implemented by the loader engine, handed to each query by its session, so that
 * this package describes queries without depending on how they are loaded.
 */
public interface QueryRunner {
    /** Every result, with the query's loader options applied. */
    <T> List<T> list(Query<T> query);

    /** Results fetched as the stream is consumed; closing the stream closes the cursor. */
    <T> Stream<T> stream(Query<T> query);

    /** {@code SELECT COUNT(*)} over the query's conditions. */
    long count(Query<?> query);

    /** The SQL of the main statement, with its parameters. */
    String toSql(Query<?> query);

    /** The query's load plan, explained without running anything. */
    LoadPlan explain(Query<?> query);

    /** Every row of a projection, read into its target. */
    <R> List<R> list(Projection<R> projection);

    /** A projection's rows read as the stream is consumed; closing the stream closes the cursor. */
    <R> Stream<R> stream(Projection<R> projection);

    /** The SQL of a projection, with its parameters. */
    String toSql(Projection<?> projection);

    /** Checks a projection's columns against the mapping and its target, before any SQL. */
    void check(Projection<?> projection);
}
