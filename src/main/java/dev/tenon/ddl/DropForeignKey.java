package dev.tenon.ddl;

import dev.tenon.metadata.ForeignKeyModel;
import dev.tenon.sql.Dialect;

/** Drops a deferred key of a cycle before its tables, so that they can be dropped in any order. */
record DropForeignKey(ForeignKeyModel foreignKey, boolean ifExists) implements DdlStatement {
    @Override
    public String sql(Dialect dialect) {
        String exists = ifExists ? "IF EXISTS " : "";
        return "ALTER TABLE " + exists + Names.table(dialect, foreignKey.table()) + " DROP CONSTRAINT " + exists
                + Names.object(dialect, foreignKey.name());
    }
}
