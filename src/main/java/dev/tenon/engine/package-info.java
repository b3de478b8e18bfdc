/**
 * Connections and execution: {@link dev.tenon.engine.Engine} (a data source, the detected dialect) and its
 * {@link dev.tenon.engine.Transaction} handles, the only holders of a connection above the pool: every statement of
 * the DDL, the sessions and the loaders runs through one, and through the executor behind it, which logs it on the
 * {@code tenon.sql} logger and counts it in {@link dev.tenon.engine.Statistics}.
 *
 * <p>Depends on {@code dev.tenon.sql} and {@code dev.tenon.metadata}; never on DDL or the ORM layer.
 */
package dev.tenon.engine;
