package dev.tenon.metadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders tables so that every table comes after the tables it references: the order of CREATE TABLE and
 * of INSERTs at flush (reversed for DROP and DELETE). A foreign-key cycle has no such order; it is broken by
 * deferring one key of the cycle, which the DDL adds with {@code ALTER TABLE} once every table exists.
 * Self-references never constrain the order.
 */
public final class TableSorter {
    /**
     * The sorted tables and the foreign keys that had to be deferred to break cycles.
     *
     * @param tables   parents before children
     * @param deferred keys whose target is created after their table
     */
    public record Sorted(List<TableModel> tables, Set<ForeignKeyModel> deferred) {
    }

    private TableSorter() {
    }

    /** Sorts {@code tables}; ties keep the given order, so the result is deterministic. */
    public static Sorted sort(Collection<TableModel> tables) {
        List<TableModel> remaining = new ArrayList<>(tables);
        Set<TableModel> placed = new LinkedHashSet<>();
        Set<ForeignKeyModel> deferred = new LinkedHashSet<>();
        while (!remaining.isEmpty()) {
            TableModel next = null;
            for (TableModel table : remaining) {
                if (ready(table, placed, tables, deferred)) {
                    next = table;
                    break;
                }
            }
            if (next == null) {
                // Every remaining table waits on another: a cycle. Create the first one now and add its
                // keys to tables not yet created afterwards.
                next = remaining.get(0);
                for (ForeignKeyModel fk : next.foreignKeys()) {
                    if (!fk.selfReferential() && tables.contains(fk.target()) && !placed.contains(fk.target())) {
                        deferred.add(fk);
                    }
                }
            }
            placed.add(next);
            remaining.remove(next);
        }
        return new Sorted(List.copyOf(placed), Set.copyOf(deferred));
    }

    private static boolean ready(TableModel table, Set<TableModel> placed, Collection<TableModel> all, Set<ForeignKeyModel> deferred) {
        for (ForeignKeyModel fk : table.foreignKeys()) {
            if (!fk.selfReferential() && all.contains(fk.target()) && !placed.contains(fk.target()) && !deferred.contains(fk)) {
                return false;
            }
        }
        return true;
    }
}
