package dev.tenon.loading;

import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.EntityModel;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The rows of one statement as a strategy that reads its own objects from them sees them (joined loading): reads a
 * node's entity from the current row through the identity map, and hands the row on to that node's own strategies.
 */
interface RowReader {
    /** The object of {@code node} in the current row, or null when its key columns are NULL (an outer join's miss). */
    InstanceState read(LoadNode node, ResultSet row) throws SQLException;

    /**
     * Stands for this statement: {@code parent.isCreatedBy(token)} tells the objects it built from those it found in
     * the identity map, which keep their attributes.
     */
    Object token();

    /** Whether the statement reads objects of {@code entity} (the root's, or a joined node's). */
    boolean reads(EntityModel entity);

    /** The column the statement holds {@code node} in (see {@link Shaping#column}); 0 when it does not hold one. */
    int columnOf(LoadNode node);

    /** Whether the object the last {@link #read} returned is one this statement had not produced before. */
    boolean lastWasNew();
}
