package dev.tenon.ddl;

import dev.tenon.metadata.TableModel;
import dev.tenon.sql.Dialect;

/**
 * Drops a table's {@link CreateOnUpdateFunction} after the table: DROP TABLE takes the trigger but leaves the
 * function, which would outlive the mapping.
 */
record DropOnUpdateFunction(TableModel table, boolean ifExists) implements DdlStatement {
    @Override
    public String sql(Dialect dialect) {
        return "DROP FUNCTION " + (ifExists ? "IF EXISTS " : "") + CreateOnUpdateFunction.name(dialect, table) + "()";
    }
}
