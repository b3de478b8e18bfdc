package dev.tenon.sql;

import dev.tenon.exception.UnsupportedFeatureException;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.SqlType;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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
            case JSON -> "JSON";
            case ARRAY -> typeName(column.type().elementType().sqlType()) + " ARRAY";
        };
    }

    /** An array element's type name: no size, since H2 would apply it to each element. */
    private static String typeName(SqlType element) {
        return switch (element) {
            case DOUBLE -> "DOUBLE PRECISION";
            case DECIMAL -> "NUMERIC";
            case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
            case BINARY -> "VARBINARY";
            default -> element.name();
        };
    }

    // A string bound to a JSON column would be stored as one JSON string ("{\"a\":1}" in quotes); bytes are parsed as
    // JSON text (UTF-8), which is what a JSON value is. (SQL's "? FORMAT JSON" would do the same, in the text of every
    // statement that binds one.)
    @Override
    public void bindJson(PreparedStatement statement, int index, String json) throws SQLException {
        statement.setBytes(index, json.getBytes(StandardCharsets.UTF_8));
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

    // H2 has no ON CONFLICT ... DO UPDATE (not even in MODE=PostgreSQL), but MERGE in a data change delta table returns
    // the merged row, inserted or updated (H2 2.x). The source is a single dummy row: the values are parameters
    // written where each is compared or assigned, so each takes its column's type with no cast. A NULL compared in ON
    // never matches, which is what a generated key left null must do.
    @Override
    public void renderUpsert(SqlWriter writer, Upsert upsert) {
        writer.append("SELECT ");
        Upsert.names(writer, upsert.returned());
        writer.append(" FROM FINAL TABLE (MERGE INTO ").table(upsert.table()).append(" AS u USING (VALUES 1) AS v(one) ON ");
        for (int i = 0; i < upsert.conflict().size(); i++) {
            writer.append(i == 0 ? "u." : " AND u.").identifier(upsert.conflict().get(i).name()).append(" = ")
                    .param(upsert.conflictValues().get(i));
        }
        writer.append(" WHEN MATCHED THEN UPDATE SET ");
        upsert.set(writer);
        writer.append(" WHEN NOT MATCHED THEN INSERT (");
        Upsert.names(writer, upsert.inserted());
        writer.append(") VALUES (");
        Upsert.values(writer, upsert.insertValues());
        writer.append("))");
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

    // Checked on H2 2.x: FOR UPDATE with NOWAIT, SKIP LOCKED and WAIT n (Oracle's words), no FOR SHARE. A statement
    // locks the rows of its FROM table and of every inner-joined table, not those of an outer-joined one; FOR UPDATE OF
    // is parsed and ignored. A FOR UPDATE inside a derived table locks that subquery's rows; one written after a
    // derived table locks nothing.
    @Override
    public String lockRefusal(RowLock lock, boolean innerJoined) {
        if (lock.strength() == RowLock.Strength.SHARE) {
            return "H2 has no FOR SHARE";
        }
        if (innerJoined) {
            return "H2 locks the rows of every inner-joined table too (it has no FOR UPDATE OF), not only the rows asked for";
        }
        return null;
    }

    @Override
    public void renderLock(SqlWriter writer, RowLock lock, String alias, boolean joined, boolean innerJoined) {
        String refusal = lockRefusal(lock, innerJoined);
        if (refusal != null) {
            throw new UnsupportedFeatureException(name(), refusal);
        }
        writer.append(" FOR UPDATE").append(Dialect.waitClause(lock.waitPolicy()));
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
