package dev.tenon.session;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.ForeignKeyModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.TableModel;
import dev.tenon.sql.Dml;
import dev.tenon.sql.Param;
import dev.tenon.sql.ValueParam;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of many-to-many association tables a flush writes, after the inserts (both ends exist) and before the
 * deletes (no row still points at a deleted end): a row deleted for each pair removed from a collection, a row
 * inserted for each pair added, and every row of an object being deleted. Both sides of a back-populated
 * many-to-many report the same change; each row is written once, in one batch per statement text. Planned with the
 * objects, written with their keys, which a flush may generate between the two.
 */
final class AssociationRows {
    private AssociationRows() {
    }

    /** Plans the rows of pairs added ({@code inserting}) or removed: one step per statement text, each pair once. */
    static void plan(Dml dml, List<FlushPlan.Pair> pairs, boolean inserting, int rowsPerStatement, List<FlushPlan.Step> steps) {
        Map<String, List<FlushPlan.Pair>> bySql = new LinkedHashMap<>();
        Map<String, TableModel> tables = new LinkedHashMap<>();
        Set<List<Object>> seen = new HashSet<>();
        for (FlushPlan.Pair pair : pairs) {
            TableModel table = pair.relationship().secondary();
            List<ColumnModel> columns = new ArrayList<>();
            List<Object> ends = new ArrayList<>();
            for (int i : order(pair.relationship())) {
                columns.add(columns(pair.relationship()).get(i));
                ends.add(new Same(i < pair.relationship().foreignKey().columns().size() ? pair.owner() : pair.target()));
            }
            ends.add(table);
            if (seen.add(ends)) {
                String sql = inserting ? dml.insert(table, columns) : dml.delete(table, columns);
                bySql.computeIfAbsent(sql, k -> new ArrayList<>()).add(pair);
                tables.put(sql, table);
            }
        }
        bySql.forEach((sql, planned) -> steps.add(new FlushPlan.Associations(tables.get(sql), inserting, planned, sql,
                FlushPlan.statementsFor(planned.size(), rowsPerStatement))));
    }

    /** Plans {@code DELETE FROM association WHERE owner_id = ?}: every row of a deleted object, loaded or not. */
    static void planOwners(Dml dml, List<FlushPlan.Pair> owners, int rowsPerStatement, List<FlushPlan.Step> steps) {
        Map<String, List<FlushPlan.Pair>> bySql = new LinkedHashMap<>();
        Set<List<Object>> seen = new HashSet<>();
        for (FlushPlan.Pair owner : owners) {
            ForeignKeyModel key = owner.relationship().foreignKey();
            String sql = dml.delete(key.table(), key.columns());
            if (seen.add(List.of(sql, new Same(owner.owner())))) {
                bySql.computeIfAbsent(sql, k -> new ArrayList<>()).add(owner);
            }
        }
        bySql.forEach((sql, planned) -> steps.add(new FlushPlan.Associations(planned.get(0).relationship().foreignKey().table(), false,
                planned, sql, FlushPlan.statementsFor(planned.size(), rowsPerStatement))));
    }

    /** The parameters of each row of a step, read from the objects now that their keys are known. */
    static List<List<Param>> rows(FlushPlan.Associations step) {
        List<List<Param>> rows = new ArrayList<>(step.pairs().size());
        for (FlushPlan.Pair pair : step.pairs()) {
            RelationshipModel relationship = pair.relationship();
            List<Param> params = new ArrayList<>();
            if (pair.target() == null) {
                ForeignKeyModel key = relationship.foreignKey();
                for (int i = 0; i < key.columns().size(); i++) {
                    params.add(new ValueParam(key.targetColumns().get(i).get(pair.owner()), key.columns().get(i).type()));
                }
            } else {
                int owned = relationship.foreignKey().columns().size();
                for (int i : order(relationship)) {
                    ColumnModel referenced = i < owned ? relationship.foreignKey().targetColumns().get(i)
                            : relationship.secondaryForeignKey().targetColumns().get(i - owned);
                    Object value = referenced.get(i < owned ? pair.owner() : pair.target());
                    params.add(new ValueParam(value, columns(relationship).get(i).type()));
                }
            }
            rows.add(params);
        }
        return rows;
    }

    /** The association table's columns of a relationship: the owner's, then the target's. */
    private static List<ColumnModel> columns(RelationshipModel relationship) {
        List<ColumnModel> columns = new ArrayList<>(relationship.foreignKey().columns());
        columns.addAll(relationship.secondaryForeignKey().columns());
        return columns;
    }

    /** Positions in {@link #columns} in the table's order, whichever side reported the pair: one text for both. */
    private static List<Integer> order(RelationshipModel relationship) {
        List<ColumnModel> columns = columns(relationship);
        List<ColumnModel> tableColumns = relationship.secondary().columns();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> tableColumns.indexOf(columns.get(i))));
        return order;
    }

    /** An object compared by identity: the same pair reported by both sides is one row, whatever equals() says. */
    private record Same(Object object) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Same same && same.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }
}
