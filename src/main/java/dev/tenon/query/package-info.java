/**
 * The query API: {@link dev.tenon.query.Query} (SQLAlchemy's {@code select(...)}), {@link dev.tenon.query.Condition}
 * over attribute names, and the loader options of {@link dev.tenon.query.Load}; {@link dev.tenon.query.Projection},
 * a query's columns rather than its objects ({@link dev.tenon.query.Selection}: attribute paths and aggregates),
 * grouped or not, read into records, scalars or rows; {@link dev.tenon.query.LoadPlan}, what a query will load and
 * what it will cost, explained before it runs. A query only describes; a
 * {@link dev.tenon.query.QueryRunner} handed over by the session runs it.
 *
 * <p>Depends on the metadata, the exceptions and the core's {@link dev.tenon.sql.RowLock} (what
 * {@code forUpdate()} asks for); never on the session or the loaders.
 */
package dev.tenon.query;
