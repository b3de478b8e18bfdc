package dev.tenon.loading;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.ColumnType;
import java.util.List;

/**
 * A projection compiled once for its shape and cached, like a {@link CompiledQuery}: the SQL text, the types its
 * values are bound as (the WHERE values by their columns, then the HAVING values by their terms), and how each row is
 * read. Holds nothing of the projection it was compiled from.
 *
 * @param sql          the statement text
 * @param slots        the column each WHERE value is compared with, in the order they are bound
 * @param havingSlots  the type of each HAVING value, in the order they are bound
 * @param target       what each row becomes
 */
record CompiledProjection(String sql, List<ColumnModel> slots, List<ColumnType> havingSlots, RowTarget target) {
    CompiledProjection {
        slots = List.copyOf(slots);
        havingSlots = List.copyOf(havingSlots);
    }
}
