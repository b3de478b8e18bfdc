package dev.tenon.ddl;

import dev.tenon.metadata.TableModel;
import dev.tenon.sql.Dialect;

/**
 * The row trigger that runs a table's {@link CreateOnUpdateFunction} before each UPDATE; it goes with the table when
 * the table is dropped.
 */
record CreateOnUpdateTrigger(TableModel table) implements DdlStatement {
    @Override
    public String sql(Dialect dialect) {
        return "CREATE TRIGGER " + Names.object(dialect, table.name() + "_on_update") + " BEFORE UPDATE ON "
                + Names.table(dialect, table) + " FOR EACH ROW EXECUTE FUNCTION " + CreateOnUpdateFunction.name(dialect, table) + "()";
    }
}
