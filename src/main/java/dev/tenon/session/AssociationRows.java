package dev.tenon.session;

import dev.tenon.engine.Executor;
import dev.tenon.engine.Statistics;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.ForeignKeyModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.TableModel;
import dev.tenon.sql.Dml;
import dev.tenon.sql.Param;
import dev.tenon.sql.ValueParam;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rows of many-to-many association tables a flush writes, after the inserts (both ends exist) and before the
 * deletes (no row still points at a deleted end): a row deleted for each pair removed from a collection, a row
 * inserted for each pair added, and every row of an object being deleted. Both sides of a back-populated
 * many-to-many report the same change; each row is written once, in one batch per statement text.
 */
final class AssociationRows {
    private final Dml dml;
    private final Executor executor;
    private final Statistics statistics;
    private final Supplier<Connection> connection;
    private final int batchSize;

    AssociationRows(Dml dml, Executor executor, Statistics statistics, Supplier<Connection> connection, int batchSize) {
        this.dml = dml;
        this.executor = executor;
        this.statistics = statistics;
        this.connection = connection;
        this.batchSize = batchSize;
    }

    void write(RelationshipSync sync) {
        pairs(sync.associationDeletes, false);
        pairs(sync.associationInserts, true);
        ofDeletedOwners(sync.deletedOwners);
    }

    private void pairs(List<RelationshipSync.Association> associations, boolean inserting) {
        Map<String, List<List<Param>>> bySql = new LinkedHashMap<>();
        Set<List<Object>> seen = new HashSet<>();
        for (RelationshipSync.Association association : associations) {
            RelationshipModel relationship = association.relationship();
            TableModel table = relationship.secondary();
            // The columns in the table's order, whichever side reported the pair: one statement text for both.
            List<ColumnModel> columns = new ArrayList<>(relationship.foreignKey().columns());
            columns.addAll(relationship.secondaryForeignKey().columns());
            List<Object> values = new ArrayList<>();
            relationship.foreignKey().targetColumns().forEach(c -> values.add(c.get(association.owner())));
            relationship.secondaryForeignKey().targetColumns().forEach(c -> values.add(c.get(association.target())));
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingInt(i -> table.columns().indexOf(columns.get(i))));
            List<ColumnModel> sortedColumns = order.stream().map(columns::get).toList();
            List<Object> sortedValues = order.stream().map(values::get).toList();
            List<Object> identity = new ArrayList<>(sortedValues);
            identity.add(table.qualifiedName());
            if (!seen.add(identity)) {
                continue;
            }
            List<Param> params = new ArrayList<>();
            for (int i = 0; i < sortedColumns.size(); i++) {
                params.add(new ValueParam(sortedValues.get(i), sortedColumns.get(i).type()));
            }
            String sql = inserting ? dml.insert(table, sortedColumns) : dml.delete(table, sortedColumns);
            bySql.computeIfAbsent(sql, s -> new ArrayList<>()).add(params);
        }
        run(bySql);
    }

    /** {@code DELETE FROM association WHERE owner_id = ?}: every row of a deleted object, loaded or not. */
    private void ofDeletedOwners(List<RelationshipSync.Association> owners) {
        Map<String, List<List<Param>>> bySql = new LinkedHashMap<>();
        Set<List<Object>> seen = new HashSet<>();
        for (RelationshipSync.Association association : owners) {
            ForeignKeyModel key = association.relationship().foreignKey();
            String sql = dml.delete(key.table(), key.columns());
            List<Object> identity = new ArrayList<>(List.of(sql));
            List<Param> params = new ArrayList<>();
            for (int i = 0; i < key.columns().size(); i++) {
                Object value = key.targetColumns().get(i).get(association.owner());
                identity.add(value);
                params.add(new ValueParam(value, key.columns().get(i).type()));
            }
            if (seen.add(identity)) {
                bySql.computeIfAbsent(sql, s -> new ArrayList<>()).add(params);
            }
        }
        run(bySql);
    }

    private void run(Map<String, List<List<Param>>> bySql) {
        bySql.forEach((sql, rows) -> executor.batch(connection.get(), sql, rows, batchSize, statistics));
    }
}
