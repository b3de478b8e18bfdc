/**
 * A tiny SQL tree and the dialects that render it. {@link dev.tenon.sql.Select}, {@link dev.tenon.sql.Expression}
 * and {@link dev.tenon.sql.Dml} build statements; a {@link dev.tenon.sql.SqlWriter} turns them into text with
 * {@code ?} placeholders plus {@link dev.tenon.sql.Param}s ({@link dev.tenon.sql.BoundSql}). Values only ever
 * become parameters; identifiers go through {@link dev.tenon.sql.Dialect#quote(String)}. A hand-written statement's
 * named parameters are found by {@link dev.tenon.sql.NamedParameters}, which binds them the same way.
 *
 * <p>Depends on {@code dev.tenon.metadata}; never on the engine, DDL or the ORM layer.
 */
package dev.tenon.sql;
