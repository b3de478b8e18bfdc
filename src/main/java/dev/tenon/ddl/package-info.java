/**
 * DDL generation, SQLAlchemy's {@code create_all} / {@code drop_all}: {@link dev.tenon.ddl.Ddl} turns a
 * {@link dev.tenon.metadata.Metadata} into {@code CREATE SCHEMA}, {@code CREATE TABLE}, {@code ALTER TABLE ... ADD
 * CONSTRAINT} (for foreign-key cycles), {@code CREATE INDEX}, the trigger and function of {@code serverOnUpdate} columns
 * on PostgreSQL, and {@code DROP TABLE} statements, one class each behind
 * {@link dev.tenon.ddl.DdlStatement}, ordered by {@link dev.tenon.metadata.TableSorter}.
 *
 * <p>Depends on the metadata, the SQL dialects and the engine; never on the ORM layer.
 */
package dev.tenon.ddl;
