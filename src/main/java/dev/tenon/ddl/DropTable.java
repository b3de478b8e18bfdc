package dev.tenon.ddl;

import dev.tenon.metadata.TableModel;
import dev.tenon.sql.Dialect;

/** {@code DROP TABLE}; its indexes and constraints go with it. */
record DropTable(TableModel table, boolean ifExists) implements DdlStatement {
    @Override
    public String sql(Dialect dialect) {
        return "DROP TABLE " + (ifExists ? "IF EXISTS " : "") + Names.table(dialect, table);
    }
}
