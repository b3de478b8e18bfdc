package dev.tenon.metadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last pass of the scan: relationships that write the same foreign-key column without knowing of each other. Two
 * sides of one foreign key declared without {@code backPopulates}, two collections over one key, two many-to-many
 * over one association table: each would set the column at flush, from objects that may disagree, and the last
 * write wins. SQLAlchemy warns about such pairs ("relationship X will copy column a.id to column b.a_id, which
 * conflicts with relationship(s): Y") and so does Tenon, on the {@code tenon.mapping} logger, rather than refusing
 * the mapping: an overlap can be deliberate. A pair is left alone when it is linked by {@code backPopulates}, when
 * either side is {@code viewOnly}, or when either side names the other in {@code overlaps}.
 */
final class RelationshipOverlaps {
    private static final Logger LOG = LoggerFactory.getLogger("tenon.mapping");

    private RelationshipOverlaps() {
    }

    /** Logs a warning for each overlapping pair; returns the warnings, in the order of the entities and fields. */
    static List<String> warn(Collection<EntityModel> entities) {
        List<String> warnings = find(entities);
        warnings.forEach(LOG::warn);
        return warnings;
    }

    /** The warning for each overlapping pair, without logging them. */
    static List<String> find(Collection<EntityModel> entities) {
        List<RelationshipModel> all = new ArrayList<>();
        entities.forEach(entity -> all.addAll(entity.relationships()));
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                RelationshipModel first = all.get(i);
                RelationshipModel second = all.get(j);
                List<ColumnModel> shared = shared(first, second);
                if (!shared.isEmpty() && !silenced(first, second)) {
                    warnings.add(message(first, second, shared));
                }
            }
        }
        return warnings;
    }

    private static List<ColumnModel> shared(RelationshipModel first, RelationshipModel second) {
        List<ColumnModel> shared = new ArrayList<>();
        for (ColumnModel column : first.writtenColumns()) {
            if (second.writtenColumns().contains(column)) {
                shared.add(column);
            }
        }
        return shared;
    }

    private static boolean silenced(RelationshipModel first, RelationshipModel second) {
        return first.backPopulates() == second || names(first, second) || names(second, first);
    }

    private static boolean names(RelationshipModel declaring, RelationshipModel other) {
        return declaring.overlaps().contains(other.name()) || declaring.overlaps().contains(other.owner().name() + "." + other.name());
    }

    private static String message(RelationshipModel first, RelationshipModel second, List<ColumnModel> shared) {
        String columns = String.join(", ", shared.stream().map(c -> c.table().qualifiedName() + "." + c.name()).toList());
        return "Relationship " + first + " writes column " + columns + ", which " + second + " writes too, with no backPopulates "
                + "between them: a flush would set it from both, and the last write wins. Link them with backPopulates if they "
                + "are two sides of one relationship, mark the one that is only read with @Relationship(viewOnly = true), or, if "
                + "both must write, add overlaps = \"" + second.name() + "\" to " + first + " (or overlaps = \"" + first.name()
                + "\" to " + second + ")";
    }
}
