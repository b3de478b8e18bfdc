package dev.tenon.loading;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.RelationshipModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Key values read off objects: the values a relationship matches on, and identity keys built from them. Shared
 * with the flush, which sets foreign keys from the same values.
 */
public final class Keys {
    private Keys() {
    }

    /** The values of {@code columns} on {@code object}. */
    static List<Object> values(Object object, List<ColumnModel> columns) {
        List<Object> values = new ArrayList<>(columns.size());
        for (ColumnModel column : columns) {
            values.add(column.get(object));
        }
        return values;
    }

    /** The identity key of a many-to-one's target, from the owner's foreign-key columns; null when unset. */
    public static Object targetKey(Object owner, RelationshipModel relationship) {
        if (relationship.ownerColumns().size() == 1 && relationship.target().primaryKey().size() == 1) {
            return relationship.ownerColumns().get(0).get(owner);
        }
        List<Object> values = values(owner, relationship.ownerColumns());
        if (values.contains(null)) {
            return null;
        }
        return targetIdentity(values, relationship.remoteColumns(), relationship.target().primaryKey());
    }

    /** An identity key from values: the value itself for one column, an immutable list for several; null if any is null. */
    static Object identity(List<Object> values) {
        if (values.size() == 1) {
            return values.get(0);
        }
        return values.contains(null) ? null : List.copyOf(values);
    }

    /**
     * The identity key of the target of a many-to-one, from the owner's foreign-key values: reordered from the
     * key's column order into the target's primary-key order.
     */
    static Object targetIdentity(List<Object> foreignKeyValues, List<ColumnModel> referencedColumns, List<ColumnModel> primaryKey) {
        if (primaryKey.size() == 1) {
            return foreignKeyValues.get(0);
        }
        List<Object> ordered = new ArrayList<>(primaryKey.size());
        for (ColumnModel column : primaryKey) {
            ordered.add(foreignKeyValues.get(referencedColumns.indexOf(column)));
        }
        return identity(ordered);
    }
}
