/**
 * Tenon, a small ORM on plain JDBC. This package is its front door, {@link dev.tenon.Database}: one database, made of
 * its engine and its sessions. This page is also the map of the whole code, in the order to read it: each package uses
 * only those before it (the tests check it).
 *
 * <p><b>The core</b>, which knows nothing of objects in sessions, as SQLAlchemy's Core knows nothing of its ORM:
 * <ol>
 *   <li>{@code exception}: the exception hierarchy, rooted at {@link dev.tenon.exception.TenonException}.</li>
 *   <li>{@code annotation}: {@code @Table}, {@code @Column}, {@code @Id}, {@code @ForeignKey}, {@code @Relationship}
 *   and the enums they use.</li>
 *   <li>{@code metadata}: the scanner and the immutable model it builds ({@link dev.tenon.metadata.Metadata}); a bad
 *   mapping fails here, with every problem at once.</li>
 *   <li>{@code sql}: a tiny SQL tree and the dialects that render it, with values always bound.</li>
 *   <li>{@code engine}: the pool, the transaction handle (the only holder of a connection) and the one executor every
 *   statement runs through, logged on {@code tenon.sql} and counted; read replicas and the routing of read-only
 *   sessions to them.</li>
 *   <li>{@code ddl}: {@code createAll} and {@code dropAll}.</li>
 * </ol>
 *
 * <p><b>The ORM layer</b>:
 * <ol>
 *   <li>{@code api}: the few types an application holds besides its entities ({@link dev.tenon.api.Status}).</li>
 *   <li>{@code enhance}: the bytecode enhancer that makes entities report their reads and writes.</li>
 *   <li>{@code identity}: the state of each object, the identity map, back-populates.</li>
 *   <li>{@code proxy}: the lazy collections.</li>
 *   <li>{@code query}: the fluent {@code select(...)} and the loader options ({@link dev.tenon.query.Load}).</li>
 *   <li>{@code loading}: the loader engine, the heart of Tenon: one class per strategy behind one contract, the plan
 *   compiled once, the rows assembled into objects.</li>
 *   <li>{@code session}: the {@link dev.tenon.session.Session}, its unit of work and its flush, planned then run.</li>
 * </ol>
 *
 * <p>Then this package: {@link dev.tenon.Database}, where an application starts.
 */
package dev.tenon;
