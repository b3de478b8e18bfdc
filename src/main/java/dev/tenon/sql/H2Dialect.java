package dev.tenon.sql;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.ColumnType;
import dev.tenon.metadata.SqlType;
import java.util.List;

/**
 * H2 2.x. Key lists are IN lists padded to a few fixed sizes (repeating the last key), so that batches of
 * any size share a handful of statement shapes: H2 matches an IN list faster than an array.
 */
public final class H2Dialect implements Dialect {
    @Override
    public String name() {
        return "H2";
    }

    @Override
    public String typeName(ColumnModel column) {
        return switch (column.sqlType()) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case DOUBLE -> "DOUBLE PRECISION";
            case DECIMAL -> column.precision() > 0 ? "NUMERIC(" + column.precision() + ", " + column.scale() + ")" : "NUMERIC";
            case VARCHAR -> column.length() > 0 ? "VARCHAR(" + column.length() + ")" : "VARCHAR";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
            case UUID -> "UUID";
            case BINARY -> "VARBINARY";
        };
    }

    // H2 looks an unqualified REFERENCES target up in the schema of the table being altered, not the connection's
    // schema: "CREATE TABLE s.c (... REFERENCES t)" wants s.t. PUBLIC is where unqualified tables go by default.
    @Override
    public String defaultSchemaOfReferences() {
        return "PUBLIC";
    }

    @Override
    public String arrayElementType(SqlType type) {
        return type.name();
    }

    @Override
    public String currentTimestamp() {
        return "CURRENT_TIMESTAMP";
    }

    @Override
    public boolean supportsReturning() {
        return false;
    }

    @Override
    public void renderIn(SqlWriter writer, Expression column, ColumnType type, List<?> values) {
        if (values.isEmpty()) {
            writer.append("1 = 0");
            return;
        }
        writer.node(column).append(" IN (");
        int size = paddedSize(values.size());
        for (int i = 0; i < size; i++) {
            writer.append(i == 0 ? "" : ", ").param(values.get(Math.min(i, values.size() - 1)), type);
        }
        writer.append(")");
    }

    /** The next power of two up to 1024, then the next multiple of 1024. */
    static int paddedSize(int size) {
        if (size > 1024) {
            return (size + 1023) / 1024 * 1024;
        }
        return Integer.highestOneBit(size) == size ? size : Integer.highestOneBit(size) << 1;
    }
}
