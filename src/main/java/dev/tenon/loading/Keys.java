package dev.tenon.loading;

import dev.tenon.metadata.ColumnModel;
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
            values.add(value(object, column));
        }
        return values;
    }

    /** One column's value on {@code object}. */
    public static Object value(Object object, ColumnModel column) {
        return column.get(object);
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
