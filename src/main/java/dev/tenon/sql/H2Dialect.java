package dev.tenon.sql;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.SqlType;

/**
 * H2 2.x. Key lists bind as one array, as on PostgreSQL (see {@link Dialect#renderIn}), of at most 65,536 elements.
 */
public final class H2Dialect implements Dialect {
    /** The dialect; {@link Dialect#forProduct} picks it from the database product name. */
    public H2Dialect() {
    }

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
    // Unquoted, it names that schema in every mode: PUBLIC by default, public under DATABASE_TO_LOWER=TRUE, where
    // a quoted "PUBLIC" is not found.
    @Override
    public String defaultSchemaOfReferences() {
        return "PUBLIC";
    }

    // Evaluated on each UPDATE that leaves the column out of SET, and seen by getGeneratedKeys on that UPDATE.
    @Override
    public String onUpdateClause(String value) {
        return "ON UPDATE " + value;
    }

    @Override
    public String arrayElementType(SqlType type) {
        return type.name();
    }

    // H2 refuses an array of more elements ("Value too long for column ARRAY"), bound or not.
    @Override
    public int maxArrayLength() {
        return 65_536;
    }

    @Override
    public String currentTimestamp() {
        return "CURRENT_TIMESTAMP";
    }

    @Override
    public boolean supportsReturning() {
        return false;
    }

    // H2 2.x refuses a name of more than 256 characters ("The name ... is too long"), whatever their bytes.
    @Override
    public int identifierLimit() {
        return 256;
    }
}
