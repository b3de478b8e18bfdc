package dev.tenon.ddl;

import dev.tenon.engine.Engine;
import dev.tenon.engine.Transaction;
import dev.tenon.metadata.ForeignKeyModel;
import dev.tenon.metadata.IndexModel;
import dev.tenon.metadata.Metadata;
import dev.tenon.metadata.TableModel;
import dev.tenon.metadata.TableSorter;
import dev.tenon.sql.BoundSql;
import dev.tenon.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * SQLAlchemy's {@code create_all} / {@code drop_all}: the schemas, tables, keys and indexes of a
 * {@link Metadata}, in foreign-key order, with cycles broken by {@code ALTER TABLE}, and the triggers of
 * {@code serverOnUpdate} columns where the database needs one. Immutable.
 *
 * <pre>{@code
 * List<String> ran = Ddl.of(metadata).createAll(db);        // skips tables that exist (checkFirst)
 * Ddl.of(metadata).createScript(new H2Dialect());           // the same DDL as text, no database needed
 * Ddl.of(metadata).dropAll(db);
 * }</pre>
 *
 * Each statement runs through the engine's executor, so it is logged on {@code tenon.sql} and counted.
 */
public final class Ddl {
    private final Metadata metadata;
    private final boolean checkFirst;

    private Ddl(Metadata metadata, boolean checkFirst) {
        this.metadata = metadata;
        this.checkFirst = checkFirst;
    }

    /** DDL for every table of {@code metadata}, checking first what exists. */
    public static Ddl of(Metadata metadata) {
        return new Ddl(metadata, true);
    }

    /**
     * A copy that checks (true, the default) or does not check which tables exist: without the check, creating
     * an existing table or dropping a missing one fails.
     */
    public Ddl checkFirst(boolean value) {
        return new Ddl(metadata, value);
    }

    /** The CREATE statements for {@code dialect}, as text, for every table. */
    public List<String> createScript(Dialect dialect) {
        return render(createStatements(dialect, table -> true, schema -> true), dialect);
    }

    /** The DROP statements for {@code dialect}, as text, for every table. */
    public List<String> dropScript(Dialect dialect) {
        return render(dropStatements(dialect, table -> true, false), dialect);
    }

    /** Creates the schemas, tables, keys and indexes; returns the statements that ran. */
    public List<String> createAll(Engine engine) {
        try (Transaction transaction = engine.transaction()) {
            Predicate<TableModel> missing = checkFirst ? not(transaction.withConnection(Ddl::existing)) : table -> true;
            Predicate<String> missingSchema = checkFirst ? not(transaction.withConnection(Ddl::existingSchemas)) : schema -> true;
            return run(transaction, createStatements(engine.dialect(), missing, missingSchema));
        }
    }

    /** Drops the tables in reverse foreign-key order (schemas stay); returns the statements that ran. */
    public List<String> dropAll(Engine engine) {
        try (Transaction transaction = engine.transaction()) {
            Predicate<TableModel> present = checkFirst ? transaction.withConnection(Ddl::existing) : table -> true;
            return run(transaction, dropStatements(engine.dialect(), present, checkFirst));
        }
    }

    private List<DdlStatement> createStatements(Dialect dialect, Predicate<TableModel> toCreate, Predicate<String> schemaToCreate) {
        TableSorter.Sorted sorted = metadata.tableOrder();
        List<DdlStatement> statements = new ArrayList<>();
        Set<String> schemas = new LinkedHashSet<>();
        for (TableModel table : sorted.tables()) {
            if (table.schema() != null && schemas.add(table.schema()) && schemaToCreate.test(table.schema())) {
                statements.add(new CreateSchema(table.schema()));
            }
        }
        Set<TableModel> created = new HashSet<>();
        for (TableModel table : sorted.tables()) {
            if (toCreate.test(table)) {
                created.add(table);
                statements.add(new CreateTable(table, sorted.deferred()));
                for (IndexModel index : table.indexes()) {
                    if (!index.constraint()) {
                        statements.add(new CreateIndex(table, index));
                    }
                }
                if (CreateOnUpdateFunction.needed(dialect, table)) {
                    statements.add(new CreateOnUpdateFunction(table));
                    statements.add(new CreateOnUpdateTrigger(table));
                }
            }
        }
        for (ForeignKeyModel fk : sorted.deferred()) {
            if (created.contains(fk.table())) {
                statements.add(new AddForeignKey(fk));
            }
        }
        return statements;
    }

    private List<DdlStatement> dropStatements(Dialect dialect, Predicate<TableModel> toDrop, boolean ifExists) {
        TableSorter.Sorted sorted = metadata.tableOrder();
        List<DdlStatement> statements = new ArrayList<>();
        for (ForeignKeyModel fk : sorted.deferred()) {
            if (toDrop.test(fk.table())) {
                statements.add(new DropForeignKey(fk, ifExists));
            }
        }
        List<TableModel> reversed = new ArrayList<>(sorted.tables());
        java.util.Collections.reverse(reversed);
        for (TableModel table : reversed) {
            if (toDrop.test(table)) {
                statements.add(new DropTable(table, ifExists));
                if (CreateOnUpdateFunction.needed(dialect, table)) {
                    statements.add(new DropOnUpdateFunction(table, ifExists));
                }
            }
        }
        return statements;
    }

    private static List<String> render(List<DdlStatement> statements, Dialect dialect) {
        return statements.stream().map(statement -> statement.sql(dialect)).toList();
    }

    /** Runs the statements in one transaction, committed when all ran: all or nothing where the database allows. */
    private static List<String> run(Transaction transaction, List<DdlStatement> statements) {
        List<String> ran = render(statements, transaction.dialect());
        for (String sql : ran) {
            transaction.update(BoundSql.of(sql));
        }
        transaction.commit();
        return ran;
    }

    /**
     * Which mapped tables exist, by a case-insensitive match on schema and name: unquoted names are stored in
     * upper case by H2 and lower case by PostgreSQL.
     */
    private static Predicate<TableModel> existing(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        String defaultSchema = connection.getSchema();
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", null)) {
            while (tables.next()) {
                names.add(key(tables.getString("TABLE_SCHEM"), tables.getString("TABLE_NAME")));
            }
        }
        return table -> names.contains(key(table.schema() == null ? defaultSchema : table.schema(), table.name()));
    }

    /**
     * Which schemas exist, by a case-insensitive match. Skipping them matters beyond saving a statement: PostgreSQL
     * checks the privilege to create schemas before it looks at IF NOT EXISTS, so an application role without it
     * could not run createAll on a database that is already set up.
     */
    private static Predicate<String> existingSchemas(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet schemas = connection.getMetaData().getSchemas()) {
            while (schemas.next()) {
                names.add(schemas.getString("TABLE_SCHEM").toLowerCase(Locale.ROOT));
            }
        }
        return schema -> names.contains(schema.toLowerCase(Locale.ROOT));
    }

    private static String key(String schema, String table) {
        return (schema == null ? "" : schema.toLowerCase(Locale.ROOT)) + "." + table.toLowerCase(Locale.ROOT);
    }

    private static <T> Predicate<T> not(Predicate<T> predicate) {
        return predicate.negate();
    }
}
