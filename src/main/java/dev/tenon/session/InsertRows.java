package dev.tenon.session;

import dev.tenon.engine.Transaction;
import dev.tenon.exception.TenonException;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.SqlType;
import dev.tenon.metadata.TableModel;
import dev.tenon.sql.BoundSql;
import dev.tenon.sql.Dialect;
import dev.tenon.sql.MultiRowInsert;
import dev.tenon.sql.Param;
import dev.tenon.sql.ValueParam;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inserts the rows of one table and shape (the same columns written) as multi-row INSERTs, one statement per
 * chunk: a round trip per chunk, where a JDBC batch that asks for generated keys costs one per row on PostgreSQL,
 * whose driver never rewrites such a batch. A chunk holds at most the setting's rows, and no more than the
 * database's bind parameters allow. The columns the database fills (generated keys, server defaults not written)
 * are read back by the INSERT itself and set on the objects through the undo log, each on the object of its own
 * row: the database returns the rows in no promised order, so they are matched to the objects by the key the rows
 * were written with, or by the generated key, drawn in the order of the rows ({@link MultiRowInsert}).
 */
final class InsertRows {
    /** How a chunk's returned rows find their objects. */
    private enum ReadBack {
        /** Nothing to read back: a plain INSERT. */
        NOTHING,
        /** By the key values written. */
        BY_KEY,
        /** By an identity key, drawn in the order of the rows: the rows sorted by it are in the input order. */
        BY_GENERATED_KEY,
        /** One row per statement, which needs no matching. */
        ONE_BY_ONE
    }

    /**
     * Types whose values come back equal to those written, so that a returned key finds its row; a timestamp
     * comes back at the database's precision, a double through a decimal text, bytes as another array.
     */
    private static final Set<SqlType> MATCHABLE = EnumSet.of(SqlType.SMALLINT, SqlType.INTEGER, SqlType.BIGINT, SqlType.BOOLEAN,
            SqlType.DECIMAL, SqlType.VARCHAR, SqlType.DATE, SqlType.UUID);

    private final MultiRowInsert sql;
    private final Transaction transaction;
    private final UndoLog undo;
    private final int rowsPerStatement;

    /** Writes through {@code transaction}, at most {@code rowsPerStatement} rows per statement. */
    InsertRows(Transaction transaction, UndoLog undo, int rowsPerStatement) {
        this.sql = new MultiRowInsert(transaction.dialect());
        this.transaction = transaction;
        this.undo = undo;
        this.rowsPerStatement = rowsPerStatement;
    }

    /**
     * How many rows of {@code table} writing {@code columns} and reading {@code generated} back go in one statement: one
     * when the returned rows could not be told apart, else the setting, within the database's bind parameters. The plan
     * counts statements with it.
     */
    static int rowsPerStatement(Dialect dialect, TableModel table, List<ColumnModel> columns, List<ColumnModel> generated, int setting) {
        return readBack(table, columns, generated) == ReadBack.ONE_BY_ONE ? 1
                : Math.max(1, Math.min(setting, dialect.maxParameters() / columns.size()));
    }

    /**
     * Inserts {@code states}, rows of {@code table} that write {@code columns}, and sets the table's other columns,
     * {@code generated}, on their objects from what the database filled in.
     */
    void write(TableModel table, List<ColumnModel> columns, List<ColumnModel> generated, List<InstanceState> states) {
        ReadBack readBack = readBack(table, columns, generated);
        int perStatement = rowsPerStatement(transaction.dialect(), table, columns, generated, rowsPerStatement);
        boolean everyColumn = columns.equals(table.columns());
        for (int from = 0; from < states.size(); from += perStatement) {
            List<InstanceState> chunk = states.subList(from, Math.min(states.size(), from + perStatement));
            List<List<Param>> rows = new ArrayList<>(chunk.size());
            for (InstanceState state : chunk) {
                rows.add(everyColumn ? allValues(state) : values(state.object(), columns));
            }
            switch (readBack) {
                case NOTHING -> {
                    int count = transaction.insert(sql.values(table, columns, rows), rows.size(), null);
                    checkCount(table, count, chunk.size());
                }
                case BY_KEY -> byKey(table, chunk, sql.returning(table, columns, rows, keyThen(table, generated)), generated);
                case BY_GENERATED_KEY -> byGeneratedKey(table, chunk, sql.returningInOrder(table, columns, rows, generated), generated);
                case ONE_BY_ONE -> oneRow(table, chunk, sql.returning(table, columns, rows, generated), generated);
            }
        }
    }

    private static ReadBack readBack(TableModel table, List<ColumnModel> columns, List<ColumnModel> generated) {
        if (generated.isEmpty()) {
            return columns.isEmpty() ? ReadBack.ONE_BY_ONE : ReadBack.NOTHING;
        }
        if (columns.isEmpty()) {
            return ReadBack.ONE_BY_ONE;
        }
        List<ColumnModel> unwritten = table.primaryKey().stream().filter(generated::contains).toList();
        if (unwritten.isEmpty()) {
            return table.primaryKey().stream().allMatch(c -> MATCHABLE.contains(c.sqlType())) ? ReadBack.BY_KEY : ReadBack.ONE_BY_ONE;
        }
        if (unwritten.size() == 1 && unwritten.get(0).identity()) {
            return ReadBack.BY_GENERATED_KEY;
        }
        // A key the database fills from a default that need not grow row by row (a random UUID): nothing ties a
        // returned row to the row it came from, but a statement of one row.
        return ReadBack.ONE_BY_ONE;
    }

    /** The key columns, then the other columns to read back. */
    private static List<ColumnModel> keyThen(TableModel table, List<ColumnModel> generated) {
        List<ColumnModel> returned = new ArrayList<>(table.primaryKey());
        returned.addAll(generated);
        return returned;
    }

    /** Reads back rows returned with the key first, each set on the object written with that key. */
    private void byKey(TableModel table, List<InstanceState> chunk, BoundSql insert, List<ColumnModel> generated) {
        List<ColumnModel> key = table.primaryKey();
        Map<Object, Integer> byKey = new HashMap<>(chunk.size() * 2);
        for (int i = 0; i < chunk.size(); i++) {
            byKey.put(keyOf(chunk.get(i).object(), key), i);
        }
        boolean[] matched = new boolean[chunk.size()];
        int count = transaction.insert(insert, chunk.size(), row -> {
            Integer index = byKey.get(keyOf(row, key));
            if (index == null || matched[index]) {
                throw new TenonException("An INSERT into " + table.qualifiedName() + " returned a row whose key matches no row it was"
                        + " given, or matches one twice; were the keys changed by a trigger?");
            }
            matched[index] = true;
            set(chunk.get(index).object(), generated, row, key.size());
        });
        checkCount(table, count, chunk.size());
    }

    /**
     * Reads back rows returned in any order, sorted by the generated key to be in the order of the chunk: an identity
     * counts up (the DDL's {@code GENERATED BY DEFAULT AS IDENTITY}), even while other transactions draw from it.
     */
    private void byGeneratedKey(TableModel table, List<InstanceState> chunk, BoundSql insert, List<ColumnModel> generated) {
        int keyAt = generated.indexOf(table.primaryKey().stream().filter(generated::contains).findFirst().orElseThrow());
        List<Object[]> returned = new ArrayList<>(chunk.size());
        int count = transaction.insert(insert, chunk.size(), row -> returned.add(read(generated, row, 0)));
        checkCount(table, count, chunk.size());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<Object[]> byKey = Comparator.comparing(values -> (Comparable) values[keyAt]);
        returned.sort(byKey);
        for (int i = 0; i < chunk.size(); i++) {
            setAll(chunk.get(i).object(), generated, returned.get(i));
        }
    }

    /** Reads back the row of a statement of one row, which is its own. */
    private void oneRow(TableModel table, List<InstanceState> chunk, BoundSql insert, List<ColumnModel> generated) {
        List<Object[]> returned = new ArrayList<>(chunk.size());
        int count = transaction.insert(insert, chunk.size(), row -> returned.add(read(generated, row, 0)));
        checkCount(table, count, chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            setAll(chunk.get(i).object(), generated, returned.get(i));
        }
    }

    private static Object[] read(List<ColumnModel> columns, ResultSet row, int offset) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).type().read(row, offset + i + 1);
        }
        return values;
    }

    private void set(Object object, List<ColumnModel> columns, ResultSet row, int offset) throws SQLException {
        setAll(object, columns, read(columns, row, offset));
    }

    private void setAll(Object object, List<ColumnModel> columns, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            undo.set(object, columns.get(i), values[i]);
        }
    }

    /** The key an object was written with, as a lookup value. */
    private static Object keyOf(Object object, List<ColumnModel> key) {
        Object[] values = new Object[key.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = key.get(i).get(object);
        }
        return lookup(values);
    }

    /** The key of a returned row, whose first columns are the key. */
    private static Object keyOf(ResultSet row, List<ColumnModel> key) throws SQLException {
        return lookup(read(key, row, 0));
    }

    /** Key values as one lookup value: the value itself for one column, a list for several; decimals by value (10.0 is 10). */
    private static Object lookup(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = normalized(values[i]);
        }
        return values.length == 1 ? values[0] : Arrays.asList(values);
    }

    private static Object normalized(Object value) {
        return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros() : value;
    }

    /** A row count other than the chunk's: a row the database skipped (a trigger) would leave an object unwritten. */
    private static void checkCount(TableModel table, int count, int rows) {
        if (count != rows) {
            throw new TenonException("An INSERT of " + rows + " rows into " + table.qualifiedName() + " wrote " + count
                    + "; a trigger that skips rows leaves objects Tenon cannot account for");
        }
    }

    /** Every column's value as a parameter, read through the entity's generated access in one call. */
    private static List<Param> allValues(InstanceState state) {
        List<ColumnModel> columns = state.entity().columns();
        Object[] values = new Object[columns.size()];
        state.entity().columnAccess().read(state.object(), values);
        Param[] params = new Param[values.length];
        for (int i = 0; i < values.length; i++) {
            params[i] = new ValueParam(values[i], columns.get(i).type());
        }
        return Arrays.asList(params);
    }

    /** The values of {@code columns} on {@code object}, as parameters: a row of an INSERT, or the SET part of an UPDATE. */
    static List<Param> values(Object object, List<ColumnModel> columns) {
        List<Param> params = new ArrayList<>(columns.size());
        for (ColumnModel column : columns) {
            params.add(new ValueParam(column.get(object), column.type()));
        }
        return params;
    }
}
