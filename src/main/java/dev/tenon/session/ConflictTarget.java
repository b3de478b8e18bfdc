package dev.tenon.session;

import dev.tenon.exception.MappingException;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.IndexModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.Spelling;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns an upsert finds its row by (PostgreSQL's "conflict target"): the primary key, or the columns of one
 * unique constraint or unique index, named by attribute. They must be exactly such a set, in any order: PostgreSQL
 * infers the constraint from them and refuses a set that matches none, and a MERGE on columns that are not unique
 * could update several rows. Checked before any SQL.
 */
final class ConflictTarget {
    private ConflictTarget() {
    }

    /** The conflict columns of {@code entity} named by {@code attributes}; none names the primary key. */
    static List<ColumnModel> of(EntityModel entity, String... attributes) {
        if (attributes == null || attributes.length == 0) {
            return entity.primaryKey();
        }
        List<ColumnModel> columns = new ArrayList<>(attributes.length);
        for (String attribute : attributes) {
            ColumnModel column = attribute == null ? null : entity.column(attribute);
            if (column == null) {
                throw new MappingException("Cannot upsert " + entity.name() + " on '" + attribute + "': " + notAColumn(entity, attribute));
            }
            if (columns.contains(column)) {
                throw new MappingException("Cannot upsert " + entity.name() + " on " + List.of(attributes) + ": '" + attribute
                        + "' is named twice");
            }
            columns.add(column);
        }
        Set<String> names = new HashSet<>();
        columns.forEach(column -> names.add(column.name()));
        for (List<String> candidate : candidates(entity)) {
            if (candidate.size() == names.size() && names.containsAll(candidate)) {
                return List.copyOf(columns);
            }
        }
        List<List<String>> byAttribute = candidates(entity).stream()
                .map(candidate -> candidate.stream().map(name -> entity.table().column(name).attribute()).toList()).toList();
        throw new MappingException("Cannot upsert " + entity.name() + " on " + List.of(attributes) + ": they are not the columns "
                + "of its primary key or of a unique constraint, so a conflict on them cannot be told; name one of "
                + byAttribute + ", or declare the constraint (@Column(unique = true), @Unique)");
    }

    /** The column sets a row can be found by: the primary key, then every unique constraint and unique index. */
    private static List<List<String>> candidates(EntityModel entity) {
        List<List<String>> candidates = new ArrayList<>();
        candidates.add(entity.primaryKey().stream().map(ColumnModel::name).toList());
        for (IndexModel index : entity.table().indexes()) {
            if (index.unique()) {
                candidates.add(index.columns());
            }
        }
        return candidates;
    }

    private static String notAColumn(EntityModel entity, String attribute) {
        List<String> columns = entity.columns().stream().map(ColumnModel::attribute).toList();
        RelationshipModel relationship = attribute == null ? null : entity.relationship(attribute);
        if (relationship != null) {
            return "it is a relationship; name the attributes of its foreign key columns instead"
                    + (relationship.direction() == RelationshipModel.Direction.MANY_TO_ONE
                    ? " " + relationship.foreignKey().columns().stream().map(ColumnModel::attribute).toList() : "");
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : columns) {
            int distance = attribute == null ? Integer.MAX_VALUE : Spelling.distance(attribute.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        String suggestion = attribute != null && best != null && bestDistance <= Math.max(2, attribute.length() / 3)
                ? "did you mean '" + best + "'? " : "";
        return "no such column attribute; " + suggestion + "its columns are " + columns;
    }
}
