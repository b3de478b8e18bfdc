/**
 * {@link dev.tenon.session.Session}, SQLAlchemy's Session in Java: an identity map and a unit of work over one
 * transaction at a time, opened through the front door, {@link dev.tenon.Database}, whose
 * {@link dev.tenon.session.SessionFactory} holds what the sessions of a database share. {@code Session} is a façade; read it, then its parts, each of which takes a
 * {@code SessionContext} (what they share: the mapping, the settings, the identity map, the engine's transaction
 * handle), never the session:
 * <ol>
 * <li>{@code UnitOfWork}: add, delete, expunge, cascades, and the {@code UndoLog} of what flushes did;</li>
 * <li>{@code Flush}, in three stages: <em>prepare</em> ({@code RelationshipSync}: relationships become foreign keys,
 * association rows and orphan deletes; {@code DeletedParents}: what deleting a parent does to its children),
 * <em>plan</em> ({@code FlushPlanner}, a pure function giving a printable {@link dev.tenon.session.FlushPlan};
 * {@code RowLevels} for a table that references itself) and <em>run</em> ({@code FlushRunner}; {@code InsertRows}
 * for multi-row inserts, {@code ServerValues} for values an UPDATE reads back, {@code VersionValues} for the
 * {@code @Version} each write checks and sets, {@code AssociationRows});</li>
 * <li>{@code SessionTransaction}: how a transaction ends (commit, rollback, a failed statement, a conflict, a lost
 * connection) and what that does to the objects.</li>
 * </ol>
 * {@code SessionQueries} runs the queries, {@code ThreadGuard} refuses a second thread at once. {@link dev.tenon.session.PlainSql}
 * runs a hand-written statement ({@code RecordRows} reads its rows into records); {@link dev.tenon.session.BulkUpdate}
 * and {@link dev.tenon.session.BulkDelete} are run by {@code BulkWriter}, which keeps the objects in step as
 * {@link dev.tenon.session.Synchronize} says ({@code InMemoryMatch} evaluates conditions in Java). No type of the
 * package depends on itself through the others (tested), so each can be read knowing only those below it.
 *
 * <p>The top of the ORM layer: depends on the core, {@code api}, {@code identity}, {@code query} and {@code loading};
 * only the front door depends on it.
 */
package dev.tenon.session;
