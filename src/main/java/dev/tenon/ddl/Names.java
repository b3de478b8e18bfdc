package dev.tenon.ddl;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.ForeignKeyModel;
import dev.tenon.metadata.TableModel;
import dev.tenon.sql.Dialect;
import java.util.List;
import java.util.stream.Collectors;

/** Quoted names as the DDL statements write them. */
final class Names {
    private Names() {
    }

    static String table(Dialect dialect, TableModel table) {
        return table.schema() == null ? dialect.quote(table.name()) : dialect.quote(table.schema()) + "." + dialect.quote(table.name());
    }

    /** The target of a foreign key, qualified where the dialect resolves an unqualified one in the wrong schema. */
    static String target(Dialect dialect, ForeignKeyModel fk) {
        String defaultSchema = dialect.defaultSchemaOfReferences();
        if (fk.target().schema() == null && fk.table().schema() != null && defaultSchema != null) {
            return dialect.quote(defaultSchema) + "." + dialect.quote(fk.target().name());
        }
        return table(dialect, fk.target());
    }

    static String columns(Dialect dialect, List<ColumnModel> columns) {
        return list(dialect, columns.stream().map(ColumnModel::name).toList());
    }

    static String list(Dialect dialect, List<String> names) {
        return names.stream().map(dialect::quote).collect(Collectors.joining(", "));
    }
}
