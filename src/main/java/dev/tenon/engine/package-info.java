/**
 * Connections and execution: {@link dev.tenon.engine.Engine} (a data source, the detected dialect,
 * transactions), and the {@link dev.tenon.engine.Executor} that every statement runs through, logged on the
 * {@code tenon.sql} logger and counted in {@link dev.tenon.engine.Statistics}.
 *
 * <p>Depends on {@code dev.tenon.sql} and {@code dev.tenon.metadata}; never on DDL or the ORM layer.
 */
package dev.tenon.engine;
