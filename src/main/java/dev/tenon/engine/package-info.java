/**
 * Connections and execution: {@link dev.tenon.engine.Engine} (a data source, the detected dialect) and its
 * {@link dev.tenon.engine.Transaction} handles, the only holders of a connection above the pool: every statement of
 * the DDL, the sessions and the loaders runs through one, and through the executor behind it, which logs it on the
 * {@code tenon.sql} logger and counts it in {@link dev.tenon.engine.Statistics}. A
 * {@link dev.tenon.engine.StatementBudget} asserts how many statements a block runs, told of each by the executor
 * ({@code StatementObserver}), with the relationship of a lazy load and the application's line ({@code CallSite}).
 *
 * <p>Read replicas ({@link dev.tenon.engine.Replicas}): a read-only handle takes its connection from a route over the
 * replicas ({@code ReadRoute}, one per handle, over the {@code ReplicaRouter} of the engine), which waits for the
 * replica to replay the last commit's {@link dev.tenon.engine.WalPosition} or falls back to the primary; the handle
 * itself refuses to write, and a primary handle reads each commit's position for the router.
 *
 * <p>Depends on {@code dev.tenon.sql} and {@code dev.tenon.metadata}; never on DDL or the ORM layer.
 */
package dev.tenon.engine;
