package dev.tenon.sql;

import dev.tenon.exception.TenonException;
import dev.tenon.exception.UnsupportedFeatureException;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.ColumnType;
import dev.tenon.metadata.SqlType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * What differs between databases: quoting, type names, identity columns, the current timestamp, and how a
 * list of keys is matched. One class per database; {@link #forProduct(String)} is the registry.
 */
public interface Dialect {
    /** A short name for logs and messages ("H2", "PostgreSQL"). */
    String name();

    /** The column type for a mapped column, with its size: {@code VARCHAR(14)}, {@code NUMERIC(7, 2)}. */
    String typeName(ColumnModel column);

    /**
     * Binds JSON text to a parameter that a JSON column takes. By default as a value of no declared type, which
     * PostgreSQL casts to the column's {@code jsonb}.
     */
    default void bindJson(PreparedStatement statement, int index, String json) throws SQLException {
        statement.setObject(index, json, Types.OTHER);
    }

    /** The type name of array elements for {@link ArrayParam}. */
    String arrayElementType(SqlType type);

    /** The type name of the elements of an array column's value: the element type {@link #typeName} declares. */
    default String arrayColumnElementType(SqlType type) {
        return arrayElementType(type);
    }

    /** The SQL for "now", used by {@code serverDefault = "now"}. */
    String currentTimestamp();

    /** Whether INSERT ... RETURNING is available to read generated values back. */
    boolean supportsReturning();

    /**
     * The longest identifier the database keeps whole, measured by {@link #identifierSize}. A longer name is cut
     * by PostgreSQL without an error, so two names that differ only past the limit become one; the DDL shortens the
     * names it makes up to fit (see {@code dev.tenon.ddl.Names}).
     */
    int identifierLimit();

    /** The size of {@code identifier} as the database counts it against {@link #identifierLimit()}: characters. */
    default int identifierSize(String identifier) {
        return identifier.length();
    }

    /**
     * Renders {@code column IN (values)} as {@code column = ANY(?)} with the values bound as one array: one
     * statement shape for any number of keys, so the driver's and the database's statement caches serve every
     * batch. On PostgreSQL that is the known way. On H2 2.x it measured faster too, against IN lists padded to the
     * next power of two: 39.5 ms against 46.1 ms to load 1,000 departments' 20,000 employees in two batches of 500
     * keys, and twice as fast in hand-written JDBC (the benchmark suite's GraphSelectin). A single key, the lazy
     * load of one parent, is a plain {@code column = ?}: on PostgreSQL a one-element array cost a quarter more
     * (1,000 lazy loads: 160 ms against 217 ms, LazyNPlusOne), so there are two shapes, one key and many.
     */
    default void renderIn(SqlWriter writer, Expression column, ColumnType type, List<?> values) {
        if (values.size() == 1) {
            writer.node(column).append(" = ").param(values.get(0), type);
            return;
        }
        int perArray = maxArrayLength();
        if (values.size() <= perArray) {
            writer.node(column).append(" = ANY(").param(new ArrayParam(values.toArray(), type)).append(")");
            return;
        }
        // More values than one array may hold: several arrays, still one statement and a handful of parameters.
        writer.append("(");
        for (int from = 0; from < values.size(); from += perArray) {
            List<?> part = values.subList(from, Math.min(values.size(), from + perArray));
            writer.append(from == 0 ? "" : " OR ").node(column).append(" = ANY(").param(new ArrayParam(part.toArray(), type)).append(")");
        }
        writer.append(")");
    }

    /** The most elements one bound array may hold; {@link #renderIn} splits a longer list into several arrays. */
    default int maxArrayLength() {
        return Integer.MAX_VALUE;
    }

    /**
     * The most parameters one statement may bind. The executor refuses a longer statement before sending it, with a
     * message that says what to do, rather than let the driver fail or the connection break.
     */
    default int maxParameters() {
        return Integer.MAX_VALUE;
    }

    /**
     * The most row values ({@code (a, b) IN ((?, ?), ...)}, a composite key's list) one statement should hold, below
     * what the database's parser can take; loaders split longer lists over several statements.
     */
    default int maxRowValues() {
        return Integer.MAX_VALUE;
    }

    /**
     * The schema to write before a foreign key's target that has no schema of its own, when the referencing table
     * has one; null to leave the target unqualified, resolved as in any other statement. It is written as given,
     * unquoted, so that the database folds it as it folded the name of its own default schema: a quoted name would
     * keep one case and miss the schema on a connection that folds the other way.
     */
    default String defaultSchemaOfReferences() {
        return null;
    }

    /**
     * The column clause that makes the database set the column to {@code value} on every UPDATE that does not set
     * it, written after its default; null where the database has none, and the DDL writes a trigger instead.
     */
    default String onUpdateClause(String value) {
        return null;
    }

    /**
     * Renders {@code upsert}: one statement that inserts the row or updates the row it conflicts with, and returns the
     * row either way. Each database has its own form (see {@link Upsert}).
     */
    void renderUpsert(SqlWriter writer, Upsert upsert);

    /**
     * Renders the aggregate that nested loading reads a collection from: one JSON array of one object per row, the
     * {@code i}-th value under the generated key {@code "c<i+1>"} (never a name from the mapping or the user), in
     * {@code order}. By default the standard form, which H2 2.x takes:
     * {@code JSON_ARRAYAGG(JSON_OBJECT('c1': e.empno, ...) ORDER BY e.ename)}. NULL when there are no rows.
     */
    default void renderJsonRows(SqlWriter writer, List<Expression> values, List<SqlType> types, List<Select.Order> order) {
        writer.append("JSON_ARRAYAGG(JSON_OBJECT(");
        for (int i = 0; i < values.size(); i++) {
            writer.append(i == 0 ? "'c" : ", 'c").append(Integer.toString(i + 1)).append("': ").node(jsonValue(values.get(i), types.get(i)));
        }
        writer.append(")");
        renderOrder(writer, order);
        writer.append(")");
    }

    /**
     * A column's value as nested loading puts it in JSON, so that it reads back as the driver reads the column: a
     * JSON document as its text (a string), not as a nested document.
     */
    default Expression jsonValue(Expression value, SqlType type) {
        return type == SqlType.JSON ? writer -> writer.append("CAST(").node(value).append(" AS VARCHAR)") : value;
    }

    /** {@code ORDER BY a, b DESC} inside an aggregate; nothing for no terms. */
    static void renderOrder(SqlWriter writer, List<Select.Order> order) {
        for (int i = 0; i < order.size(); i++) {
            writer.append(i == 0 ? " ORDER BY " : ", ").node(order.get(i).expression());
            if (order.get(i).descending()) {
                writer.append(" DESC");
            }
        }
    }

    /**
     * Why the database cannot lock the rows of a SELECT as {@code lock} asks, or null when it can: a sentence naming
     * what the database lacks. {@code innerJoined}: whether the SELECT inner-joins other tables, whose rows a database
     * without {@code FOR UPDATE OF} locks too.
     */
    default String lockRefusal(RowLock lock, boolean innerJoined) {
        return null;
    }

    /**
     * Writes a SELECT's row-locking clause, after its LIMIT and OFFSET, meant to lock the rows of the FROM item
     * {@code alias} and no others. {@code joined}: whether the SELECT joins other tables; {@code innerJoined}: whether
     * one of those joins is inner.
     *
     * @throws UnsupportedFeatureException when the database cannot ({@link #lockRefusal})
     */
    void renderLock(SqlWriter writer, RowLock lock, String alias, boolean joined, boolean innerJoined);

    /** The clause's ending for a wait policy, spelt the same by PostgreSQL and H2: {@code NOWAIT}, {@code SKIP LOCKED}. */
    static String waitClause(RowLock.Wait wait) {
        return switch (wait) {
            case WAIT -> "";
            case NOWAIT -> " NOWAIT";
            case SKIP_LOCKED -> " SKIP LOCKED";
        };
    }

    /** The column clause that makes the database generate a key. */
    default String identityClause() {
        return "GENERATED BY DEFAULT AS IDENTITY";
    }

    /**
     * An identifier as it must be written: unquoted when it is a plain lower-case name that is not a keyword
     * (readable DDL, and the same name a hand-written query would use), quoted otherwise.
     */
    default String quote(String identifier) {
        return SqlKeywords.needsQuotes(identifier) ? '"' + identifier.replace("\"", "\"\"") + '"' : identifier;
    }

    /** The dialect for a JDBC product name, as given by {@code DatabaseMetaData.getDatabaseProductName()}. */
    static Dialect forProduct(String productName) {
        for (Dialect dialect : List.of(new H2Dialect(), new PostgresDialect())) {
            if (dialect.name().equalsIgnoreCase(productName)) {
                return dialect;
            }
        }
        throw new TenonException("Unsupported database '" + productName + "': Tenon speaks H2 and PostgreSQL");
    }
}
