package dev.tenon.testing;

import dev.tenon.metadata.TableModel;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Mapped tables as the database itself reports them through JDBC {@link DatabaseMetaData}: columns, types,
 * nullability, defaults, keys and indexes. Names keep the case the database stored (H2 folds unquoted names
 * to upper case, PostgreSQL to lower case); every lookup here ignores case, so one assertion fits both.
 */
public final class SchemaSnapshot {
    /**
     * A column.
     *
     * @param typeName      the database's own type name ({@code CHARACTER VARYING}, {@code varchar})
     * @param jdbcType      the {@link java.sql.Types} code
     * @param size          length, or precision of a number
     * @param digits        digits after the decimal point
     * @param defaultValue  the default as the database shows it, or null
     * @param autoIncrement whether the database generates the value (an identity column)
     */
    public record Column(String name, String typeName, int jdbcType, int size, int digits, boolean nullable,
                         String defaultValue, boolean autoIncrement) {
    }

    /**
     * A foreign key.
     *
     * @param onDelete the ON DELETE rule: {@code NO ACTION}, {@code RESTRICT}, {@code CASCADE}, {@code SET NULL}, ...
     */
    public record ForeignKey(String name, List<String> columns, String targetSchema, String targetTable,
                             List<String> targetColumns, String onDelete) {
        /** The target as {@code schema.table}, lower-cased. */
        public String target() {
            return (targetSchema + "." + targetTable).toLowerCase(Locale.ROOT);
        }
    }

    /** An index, including those the database builds for primary keys and UNIQUE constraints. */
    public record Index(String name, boolean unique, List<String> columns) {
    }

    /**
     * A table with its parts, each list in the database's order.
     *
     * @param primaryKeyName the primary-key constraint's name, or null without a key
     */
    public record Table(String schema, String name, List<Column> columns, String primaryKeyName, List<String> primaryKey,
                        List<ForeignKey> foreignKeys, List<Index> indexes) {
        /** The column with this name in any case; fails the test when absent. */
        public Column column(String columnName) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst()
                    .orElseThrow(() -> new AssertionError("no column " + columnName + " in " + schema + "." + name
                            + "; columns are " + columnNames()));
        }

        /** The column names as stored. */
        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        /** The foreign key with this name in any case; fails the test when absent. */
        public ForeignKey foreignKey(String keyName) {
            return foreignKeys.stream().filter(k -> k.name().equalsIgnoreCase(keyName)).findFirst()
                    .orElseThrow(() -> new AssertionError("no foreign key " + keyName + " on " + schema + "." + name
                            + "; keys are " + foreignKeys));
        }

        /** The index with this name in any case, if any. */
        public Optional<Index> index(String indexName) {
            return indexes.stream().filter(i -> i.name().equalsIgnoreCase(indexName)).findFirst();
        }

        /** Whether some unique index covers exactly these columns (in any case, in this order). */
        public boolean hasUniqueIndexOn(String... columnNames) {
            List<String> wanted = lower(List.of(columnNames));
            return indexes.stream().anyMatch(i -> i.unique() && lower(i.columns()).equals(wanted));
        }
    }

    private final Map<String, Table> tables;
    private final Set<String> schemas;

    private SchemaSnapshot(Map<String, Table> tables, Set<String> schemas) {
        this.tables = tables;
        this.schemas = schemas;
    }

    /** Reads those of {@code wanted} that exist, plus the names of all schemas. */
    public static SchemaSnapshot read(Connection connection, Collection<TableModel> wanted) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String defaultSchema = connection.getSchema();
        Map<String, String[]> stored = new LinkedHashMap<>();
        try (ResultSet rows = meta.getTables(null, null, "%", null)) {
            while (rows.next()) {
                String type = rows.getString("TABLE_TYPE");
                if ("TABLE".equals(type) || "BASE TABLE".equals(type)) {
                    String schema = rows.getString("TABLE_SCHEM");
                    String name = rows.getString("TABLE_NAME");
                    stored.put(key(schema, name), new String[] {schema, name});
                }
            }
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        for (TableModel model : wanted) {
            String[] found = stored.get(key(model.schema() == null ? defaultSchema : model.schema(), model.name()));
            if (found != null) {
                tables.put(model.qualifiedName().toLowerCase(Locale.ROOT), table(meta, found[0], found[1]));
            }
        }
        Set<String> schemas = new TreeSet<>();
        try (ResultSet rows = meta.getSchemas()) {
            while (rows.next()) {
                schemas.add(rows.getString("TABLE_SCHEM").toLowerCase(Locale.ROOT));
            }
        }
        return new SchemaSnapshot(tables, schemas);
    }

    /** The table with this Tenon qualified name ({@code "scott.emp"}, {@code "users"}); fails the test when absent. */
    public Table table(String qualifiedName) {
        Table table = tables.get(qualifiedName.toLowerCase(Locale.ROOT));
        if (table == null) {
            throw new AssertionError("no table " + qualifiedName + "; found " + tables.keySet());
        }
        return table;
    }

    /** The Tenon qualified names of the mapped tables that exist, lower-cased. */
    public Set<String> tableNames() {
        return tables.keySet();
    }

    /** Whether a schema of this name exists, in any case. */
    public boolean hasSchema(String schema) {
        return schemas.contains(schema.toLowerCase(Locale.ROOT));
    }

    private static Table table(DatabaseMetaData meta, String schema, String name) throws SQLException {
        Map<Integer, String> keyColumns = new TreeMap<>();
        String keyName = null;
        try (ResultSet rows = meta.getPrimaryKeys(null, schema, name)) {
            while (rows.next()) {
                keyColumns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
                keyName = rows.getString("PK_NAME");
            }
        }
        return new Table(schema, name, columns(meta, schema, name), keyName, List.copyOf(keyColumns.values()),
                foreignKeys(meta, schema, name), indexes(meta, schema, name));
    }

    private static List<Column> columns(DatabaseMetaData meta, String schema, String name) throws SQLException {
        List<Column> columns = new ArrayList<>();
        String escape = meta.getSearchStringEscape();
        try (ResultSet rows = meta.getColumns(null, pattern(schema, escape), pattern(name, escape), "%")) {
            while (rows.next()) {
                // The patterns escape '_' and '%', but a driver may still match more: keep this table only.
                if (schema.equals(rows.getString("TABLE_SCHEM")) && name.equals(rows.getString("TABLE_NAME"))) {
                    columns.add(new Column(rows.getString("COLUMN_NAME"), rows.getString("TYPE_NAME"), rows.getInt("DATA_TYPE"),
                            rows.getInt("COLUMN_SIZE"), rows.getInt("DECIMAL_DIGITS"), "YES".equals(rows.getString("IS_NULLABLE")),
                            rows.getString("COLUMN_DEF"), "YES".equals(rows.getString("IS_AUTOINCREMENT"))));
                }
            }
        }
        return columns;
    }

    private static List<ForeignKey> foreignKeys(DatabaseMetaData meta, String schema, String name) throws SQLException {
        record Part(String key, int sequence, String column, String targetSchema, String targetTable, String targetColumn, int rule) {
        }
        List<Part> parts = new ArrayList<>();
        try (ResultSet rows = meta.getImportedKeys(null, schema, name)) {
            while (rows.next()) {
                parts.add(new Part(rows.getString("FK_NAME"), rows.getInt("KEY_SEQ"), rows.getString("FKCOLUMN_NAME"),
                        rows.getString("PKTABLE_SCHEM"), rows.getString("PKTABLE_NAME"), rows.getString("PKCOLUMN_NAME"),
                        rows.getInt("DELETE_RULE")));
            }
        }
        parts.sort(Comparator.comparing(Part::key).thenComparing(Part::sequence));
        Map<String, ForeignKey> keys = new LinkedHashMap<>();
        for (Part part : parts) {
            ForeignKey key = keys.computeIfAbsent(part.key(), k -> new ForeignKey(k, new ArrayList<>(), part.targetSchema(),
                    part.targetTable(), new ArrayList<>(), rule(part.rule())));
            key.columns().add(part.column());
            key.targetColumns().add(part.targetColumn());
        }
        return keys.values().stream().map(k -> new ForeignKey(k.name(), List.copyOf(k.columns()), k.targetSchema(),
                k.targetTable(), List.copyOf(k.targetColumns()), k.onDelete())).toList();
    }

    private static List<Index> indexes(DatabaseMetaData meta, String schema, String name) throws SQLException {
        record Part(String index, boolean unique, int position, String column) {
        }
        List<Part> parts = new ArrayList<>();
        try (ResultSet rows = meta.getIndexInfo(null, schema, name, false, false)) {
            while (rows.next()) {
                if (rows.getShort("TYPE") != DatabaseMetaData.tableIndexStatistic) {
                    parts.add(new Part(rows.getString("INDEX_NAME"), !rows.getBoolean("NON_UNIQUE"),
                            rows.getInt("ORDINAL_POSITION"), rows.getString("COLUMN_NAME")));
                }
            }
        }
        parts.sort(Comparator.comparing(Part::index).thenComparing(Part::position));
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        for (Part part : parts) {
            columns.computeIfAbsent(part.index(), k -> new ArrayList<>()).add(part.column());
            unique.put(part.index(), part.unique());
        }
        return columns.entrySet().stream().map(e -> new Index(e.getKey(), unique.get(e.getKey()), List.copyOf(e.getValue()))).toList();
    }

    private static String rule(int rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            default -> "NO ACTION";
        };
    }

    private static String pattern(String name, String escape) {
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static String key(String schema, String name) {
        return (schema == null ? "" : schema.toLowerCase(Locale.ROOT)) + "." + name.toLowerCase(Locale.ROOT);
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
