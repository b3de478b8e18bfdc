package dev.tenon.sql;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.SqlType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * PostgreSQL. Key lists bind as one array ({@code = ANY(?)}), so a single prepared statement serves every
 * batch size; generated keys and server defaults come back through {@code RETURNING}.
 */
public final class PostgresDialect implements Dialect {
    /** The dialect; {@link Dialect#forProduct} picks it from the database product name. */
    public PostgresDialect() {
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String typeName(ColumnModel column) {
        return switch (column.sqlType()) {
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case BOOLEAN -> "boolean";
            case DOUBLE -> "double precision";
            case DECIMAL -> column.precision() > 0 ? "numeric(" + column.precision() + ", " + column.scale() + ")" : "numeric";
            case VARCHAR -> column.length() > 0 ? "varchar(" + column.length() + ")" : "varchar";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_TZ -> "timestamptz";
            case UUID -> "uuid";
            case BINARY -> "bytea";
            case JSON -> "jsonb";
            // An array of strings is text[], PostgreSQL's own; a length would apply to each element.
            case ARRAY -> column.type().elementType().sqlType() == SqlType.VARCHAR ? "text[]"
                    : typeName(column.type().elementType().sqlType()) + "[]";
        };
    }

    /** An array element's type name, without size. */
    private static String typeName(SqlType element) {
        return switch (element) {
            case DOUBLE -> "double precision";
            case TIMESTAMP_TZ -> "timestamptz";
            case BINARY -> "bytea";
            default -> element.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public String arrayElementType(SqlType type) {
        return switch (type) {
            case SMALLINT -> "int2";
            case INTEGER -> "int4";
            case BIGINT -> "int8";
            case BOOLEAN -> "bool";
            case DOUBLE -> "float8";
            case DECIMAL -> "numeric";
            case VARCHAR -> "varchar";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_TZ -> "timestamptz";
            case UUID -> "uuid";
            case BINARY -> "bytea";
            case JSON -> "jsonb";
            case ARRAY -> throw new dev.tenon.exception.UnsupportedFeatureException(name(), "arrays of arrays are not mapped");
        };
    }

    // String array columns are text[] (see typeName), and text[] = varchar[] has no operator.
    @Override
    public String arrayColumnElementType(SqlType type) {
        return type == SqlType.VARCHAR ? "text" : arrayElementType(type);
    }

    // ON CONFLICT names the columns, not the constraint: PostgreSQL infers the unique index from them, so the text
    // does not depend on constraint names. DO UPDATE (never DO NOTHING) so that RETURNING has the row in both cases.
    @Override
    public void renderUpsert(SqlWriter writer, Upsert upsert) {
        writer.append("INSERT INTO ").table(upsert.table()).append(" (");
        Upsert.names(writer, upsert.inserted());
        writer.append(") VALUES (");
        Upsert.values(writer, upsert.insertValues());
        writer.append(") ON CONFLICT (");
        Upsert.names(writer, upsert.conflict());
        writer.append(") DO UPDATE SET ");
        upsert.set(writer);
        writer.append(" RETURNING ");
        Upsert.names(writer, upsert.returned());
    }

    // The wire protocol counts a statement's parameters in 16 bits; the driver fails past that, after preparing.
    @Override
    public int maxParameters() {
        return 65_535;
    }

    // The parser recurses once per row value of an IN list: with the default max_stack_depth of 2 MB, a list of two
    // columns failed with "stack depth limit exceeded" (54001) between 7,000 and 8,000 rows (PostgreSQL 15). A
    // thousand per statement keeps a wide margin for wider keys and smaller stacks, at one round trip per thousand.
    @Override
    public int maxRowValues() {
        return 1_000;
    }

    // PostgreSQL refuses FOR UPDATE on the nullable side of an outer join (a joined collection), and would lock the
    // rows of every inner-joined table: OF names the one table whose rows are meant. Without a join, plain FOR UPDATE.
    @Override
    public void renderLock(SqlWriter writer, RowLock lock, String alias, boolean joined, boolean innerJoined) {
        writer.append(lock.strength() == RowLock.Strength.SHARE ? " FOR SHARE" : " FOR UPDATE");
        if (joined) {
            writer.append(" OF ").identifier(alias);
        }
        writer.append(Dialect.waitClause(lock.waitPolicy()));
    }

    @Override
    public String currentTimestamp() {
        return "now()";
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    // NAMEDATALEN - 1: PostgreSQL keeps 63 bytes of a name and drops the rest with a mere NOTICE.
    @Override
    public int identifierLimit() {
        return 63;
    }

    @Override
    public int identifierSize(String identifier) {
        return identifier.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * {@code json_agg(json_build_object('c1', e.empno, ...) ORDER BY e.ename)}: PostgreSQL 15 has no
     * {@code JSON_ARRAYAGG}. {@code json}, not {@code jsonb}: the array goes straight to the client as text, and
     * {@code jsonb} would first convert every value into its binary form (and reorder the keys) only to print it
     * again. A function takes at most 100 arguments, so an object holds at most 50 columns (the loader checks).
     */
    @Override
    public void renderJsonRows(SqlWriter writer, List<Expression> values, List<SqlType> types, List<Select.Order> order) {
        writer.append("json_agg(json_build_object(");
        for (int i = 0; i < values.size(); i++) {
            writer.append(i == 0 ? "'c" : ", 'c").append(Integer.toString(i + 1)).append("', ").node(jsonValue(values.get(i), types.get(i)));
        }
        writer.append(")");
        Dialect.renderOrder(writer, order);
        writer.append(")");
    }

    /**
     * A {@code timestamptz} is written in UTC without an offset: {@code to_json} would use the session's time zone,
     * and the driver reads the column in UTC. A {@code jsonb} column is written as its text, as the driver reads it.
     */
    @Override
    public Expression jsonValue(Expression value, SqlType type) {
        if (type == SqlType.TIMESTAMP_TZ) {
            return writer -> writer.append("(").node(value).append(" AT TIME ZONE 'UTC')");
        }
        return type == SqlType.JSON ? writer -> writer.append("CAST(").node(value).append(" AS TEXT)") : value;
    }
}
