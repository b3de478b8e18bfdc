package dev.tenon.ddl;

import dev.tenon.metadata.IndexModel;
import dev.tenon.metadata.TableModel;
import dev.tenon.sql.Dialect;

/** {@code CREATE [UNIQUE] INDEX}; the index lives in its table's schema. */
record CreateIndex(TableModel table, IndexModel index) implements DdlStatement {
    @Override
    public String sql(Dialect dialect) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + Names.object(dialect, index.name()) + " ON "
                + Names.table(dialect, table) + " (" + Names.list(dialect, index.columns()) + ")";
    }
}
