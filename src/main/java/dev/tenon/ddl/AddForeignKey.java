package dev.tenon.ddl;

import dev.tenon.annotation.ReferentialAction;
import dev.tenon.metadata.ForeignKeyModel;
import dev.tenon.sql.Dialect;

/** {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY}: a key of a cycle, added once every table exists. */
record AddForeignKey(ForeignKeyModel foreignKey) implements DdlStatement {
    @Override
    public String sql(Dialect dialect) {
        return "ALTER TABLE " + Names.table(dialect, foreignKey.table()) + " ADD " + clause(dialect, foreignKey);
    }

    /** The constraint clause, shared with {@link CreateTable}. */
    static String clause(Dialect dialect, ForeignKeyModel fk) {
        String sql = "CONSTRAINT " + Names.object(dialect, fk.name()) + " FOREIGN KEY (" + Names.columns(dialect, fk.columns())
                + ") REFERENCES " + Names.target(dialect, fk) + " (" + Names.columns(dialect, fk.targetColumns()) + ")";
        return fk.onDelete() == ReferentialAction.NO_ACTION ? sql : sql + " ON DELETE " + fk.onDelete().sql();
    }
}
