package dev.tenon.metadata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads an entity's columns from a row, and writes and reads all the column fields of its objects, each in one call:
 * what loading does for every row. One class is generated per entity ({@link ColumnAccessGenerator}) that reads
 * each column with its own {@link ColumnType} and assigns each field directly, as hand-written code would. The
 * general path costs, per column and row, a call on a type that varies from column to column and a method-handle
 * call that the JIT cannot inline; the generated one costs two calls per row. Where a class cannot be generated
 * (see the generator), the columns' types and {@link Accessor}s do the work.
 *
 * <p>Values travel in an array in column order ({@link EntityModel#columns()}), boxed.
 */
public interface ColumnAccess {
    /**
     * Reads the row's columns of this entity that are not part of its primary key, starting at column {@code first},
     * into their places in {@code into}: loading reads the key first, to look the row up, and fills it in itself.
     */
    void fetch(ResultSet row, int first, Object[] into) throws SQLException;

    /**
     * Sets every column field of {@code target} whose value is not null (a null leaves the field as constructed).
     *
     * @throws ClassCastException when a value does not fit its field; {@link #check} says which
     */
    void write(Object target, Object[] values);

    /** Reads every column field of {@code target} into {@code into}. */
    void read(Object target, Object[] into);

    /**
     * The access for the columns of {@code type}: generated when possible, else through the accessors. Cached per
     * class for a given list of fields, since a class may be scanned by several {@link Metadata}.
     */
    static ColumnAccess of(Class<?> type, List<ColumnModel> columns) {
        return ColumnAccessGenerator.accessFor(type, columns);
    }

    /**
     * Sets the values one by one through the accessors, which name the field a value does not fit: what to run after
     * {@link #write} failed with a ClassCastException, to report it.
     */
    static void check(List<ColumnModel> columns, Object target, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                columns.get(i).set(target, values[i]);
            }
        }
    }

    /** Access through the accessors, one method-handle call per field. */
    record ThroughAccessors(List<ColumnModel> columns) implements ColumnAccess {
        @Override
        public void fetch(ResultSet row, int first, Object[] into) throws SQLException {
            for (int i = 0; i < into.length; i++) {
                ColumnModel column = columns.get(i);
                if (!column.primaryKey()) {
                    into[i] = column.type().read(row, first + i);
                }
            }
        }

        @Override
        public void write(Object target, Object[] values) {
            check(columns, target, values);
        }

        @Override
        public void read(Object target, Object[] into) {
            for (int i = 0; i < into.length; i++) {
                into[i] = columns.get(i).get(target);
            }
        }
    }
}
