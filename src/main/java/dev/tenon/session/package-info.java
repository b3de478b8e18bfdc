/**
 * Where an application starts: {@link dev.tenon.session.Database} (a pool, its dialect, sessions) and
 * {@link dev.tenon.session.Session}, SQLAlchemy's Session in Java: an identity map and a unit of work over one
 * transaction at a time. Read {@code Session}, then {@code SessionTransaction} (the connection a transaction holds,
 * and how a failed statement, a conflict or a lost connection ends it), {@code UnitOfWork} (add, delete, cascades), {@code RelationshipSync}
 * (relationships become foreign keys at flush), {@code DeletedParents} (what deleting a parent does to its children),
 * {@code Flush} (the ordered, batched statements), {@code AssociationRows} (many-to-many rows) and {@code UndoLog}
 * (how a failed flush leaves the objects ready to retry). {@code ThreadGuard} refuses a second thread at once.
 *
 * <p>The top of the ORM layer: depends on the core, {@code identity}, {@code query} and {@code loading}; nothing depends on it.
 */
package dev.tenon.session;
