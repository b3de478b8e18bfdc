package dev.tenon.session;

import dev.tenon.exception.TenonException;
import dev.tenon.metadata.EntityModel;
import dev.tenon.query.Condition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A bulk DELETE: one statement for every row its conditions match, returning how many it deleted. Made by
 * {@link Session#delete(Class)}:
 *
 * <pre>{@code
 * int gone = session.delete(Emp.class).where(eq("job", "CLERK")).execute();   // DELETE FROM scott.emp emp_1 WHERE emp_1.job = ?
 * }</pre>
 *
 * Conditions, autoflush, synchronization and failures are a {@link BulkUpdate}'s: the objects of deleted rows the
 * session holds are marked deleted (as a flush leaves the objects it deleted: let go at commit, back if the transaction
 * fails). No cascade of the mapping runs and no collection loses the objects: the database's own rules apply to the
 * rows that reference the deleted ones ({@code ON DELETE}), and a row still referenced fails the statement, which
 * rolls the transaction back.
 */
public final class BulkDelete<T> {
    private final BulkWriter writer;
    private final EntityModel entity;
    private final List<Condition> conditions = new ArrayList<>();
    private boolean everyRow;
    private Synchronize synchronize = Synchronize.AUTO;

    BulkDelete(BulkWriter writer, EntityModel entity) {
        this.writer = writer;
        this.entity = entity;
    }

    /** ANDs conditions into the WHERE clause, as a query's. */
    public BulkDelete<T> where(Condition... more) {
        if (more == null || Arrays.asList(more).contains(null)) {
            throw new TenonException("session.delete(" + entity.name() + ".class).where(...): a condition is null; pass conditions built"
                    + " with Condition's factories");
        }
        conditions.addAll(Arrays.asList(more));
        return this;
    }

    /** Deletes every row of the table: without it, a delete with no condition is refused, as a likely mistake. */
    public BulkDelete<T> everyRow() {
        everyRow = true;
        return this;
    }

    /** How the objects the session holds follow the change ({@link Synchronize#AUTO} unless set). */
    public BulkDelete<T> synchronize(Synchronize how) {
        if (how == null) {
            throw new TenonException("synchronize(null): pass one of " + Arrays.toString(Synchronize.values()));
        }
        synchronize = how;
        return this;
    }

    /** Runs the DELETE and returns how many rows it deleted. */
    public int execute() {
        return writer.run(new BulkWriter.Spec(entity, true, Map.of(), conditions, everyRow, synchronize));
    }
}
