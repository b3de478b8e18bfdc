package dev.tenon.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table as the DDL and the SQL builder see it: schema, name, columns, keys, indexes. Built by the
 * scanner and frozen before {@link Metadata} is published.
 */
public final class TableModel {
    private final String schema;
    private final String name;
    private final List<ColumnModel> columns;
    private final List<ColumnModel> primaryKey;
    private final List<IndexModel> indexes;
    private final List<ForeignKeyModel> foreignKeys = new ArrayList<>();
    private final List<ForeignKeyModel> foreignKeysView = Collections.unmodifiableList(foreignKeys);

    TableModel(String schema, String name, List<ColumnModel> columns, List<IndexModel> indexes) {
        this.schema = schema;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.primaryKey = columns.stream().filter(ColumnModel::primaryKey).toList();
        this.indexes = List.copyOf(indexes);
        for (ColumnModel column : columns) {
            column.attachTo(this);
        }
    }

    void addForeignKey(ForeignKeyModel foreignKey) {
        foreignKeys.add(foreignKey);
    }

    /** The schema, or null for the connection's default schema. */
    public String schema() {
        return schema;
    }

    /** The table name. */
    public String name() {
        return name;
    }

    /** {@code schema.name}, or the bare name: the table's identity within a {@link Metadata}. */
    public String qualifiedName() {
        return schema == null ? name : schema + "." + name;
    }

    /** All columns, in field declaration order. */
    public List<ColumnModel> columns() {
        return columns;
    }

    /** The primary-key columns, in declaration order. */
    public List<ColumnModel> primaryKey() {
        return primaryKey;
    }

    /** The foreign keys of this table. */
    public List<ForeignKeyModel> foreignKeys() {
        return foreignKeysView;
    }

    /** The indexes and multi-column UNIQUE constraints. */
    public List<IndexModel> indexes() {
        return indexes;
    }

    /** The column with this database name, or null. */
    public ColumnModel column(String columnName) {
        for (ColumnModel column : columns) {
            if (column.name().equals(columnName)) {
                return column;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
