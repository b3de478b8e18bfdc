package dev.tenon.metadata;

import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.ReferentialAction;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Second pass of the scan: every {@code @ForeignKey} into a {@link ForeignKeyModel}, once all tables exist.
 * Columns of one class whose annotations share a name form one composite key.
 */
final class ForeignKeyResolver {
    private final Map<String, TableModel> tables;
    private final List<String> problems;

    ForeignKeyResolver(Map<String, TableModel> tables, List<String> problems) {
        this.tables = tables;
        this.problems = problems;
    }

    void resolve(EntityModel entity) {
        Map<String, List<Field>> byName = new LinkedHashMap<>();
        for (Field field : MappedFields.of(entity.type())) {
            ForeignKey fk = field.getAnnotation(ForeignKey.class);
            if (fk != null) {
                ColumnModel column = columnOf(entity, field);
                String columnName = column == null ? field.getName() : column.name();
                String name = fk.name().isEmpty() ? "fk_" + entity.table().name() + "_" + columnName : fk.name();
                String tooLong = NameLimit.check(entity.name() + "." + field.getName(), "foreign key", fk.name(), "@ForeignKey(name = ...)");
                if (tooLong != null) {
                    problems.add(tooLong);
                }
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(field);
            }
        }
        byName.forEach((name, fields) -> resolve(entity, name, fields));
    }

    private void resolve(EntityModel entity, String name, List<Field> fields) {
        List<ColumnModel> columns = new ArrayList<>();
        List<ColumnModel> targetColumns = new ArrayList<>();
        TableModel target = null;
        ReferentialAction onDelete = ReferentialAction.NO_ACTION;
        for (Field field : fields) {
            String where = entity.name() + "." + field.getName();
            ForeignKey fk = field.getAnnotation(ForeignKey.class);
            ColumnModel column = columnOf(entity, field);
            if (column == null) {
                problems.add(where + ": @ForeignKey on a field that is not a column; add @Column");
                return;
            }
            String reference = fk.value();
            int dot = reference.lastIndexOf('.');
            if (dot <= 0 || dot == reference.length() - 1) {
                problems.add(where + ": @ForeignKey(\"" + reference + "\") must read \"schema.table.column\" or \"table.column\"");
                return;
            }
            String tableName = reference.substring(0, dot);
            TableModel table = tables.get(tableName);
            if (table == null) {
                problems.add(where + ": @ForeignKey(\"" + reference + "\") names unknown table '" + tableName
                        + "'; mapped tables are " + tables.keySet() + " (is its class in the Metadata?)");
                return;
            }
            ColumnModel targetColumn = table.column(reference.substring(dot + 1));
            if (targetColumn == null) {
                problems.add(where + ": @ForeignKey(\"" + reference + "\") names unknown column '" + reference.substring(dot + 1)
                        + "' of " + tableName + "; its columns are " + table.columns().stream().map(ColumnModel::name).toList());
                return;
            }
            if (target != null && target != table) {
                problems.add(where + ": the columns of foreign key " + name + " reference different tables; give each its own name");
                return;
            }
            if (targetColumn.sqlType() != column.sqlType()) {
                problems.add(where + ": type " + column.sqlType() + " does not match " + reference + " (" + targetColumn.sqlType()
                        + "); declare the field with the same Java type as the referenced key");
            }
            target = table;
            columns.add(column);
            targetColumns.add(targetColumn);
            onDelete = fk.onDelete();
        }
        entity.table().addForeignKey(new ForeignKeyModel(name, entity.table(), columns, target, targetColumns, onDelete));
    }

    private static ColumnModel columnOf(EntityModel entity, Field field) {
        return entity.column(field.getName());
    }
}
