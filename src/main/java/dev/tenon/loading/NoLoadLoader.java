package dev.tenon.loading;

import dev.tenon.metadata.RelationshipModel;
import java.util.List;

/**
 * {@code lazy = NOLOAD}: the relationship is never loaded; a collection stays empty and a reference null. It is
 * not marked loaded, so a flush does not read the empty collection as "every child removed".
 */
final class NoLoadLoader implements RelationshipLoader {
    @Override
    public boolean eager() {
        return false;
    }

    @Override
    public Rows rows(Loading loading, LoadNode node, RowReader reader, ParentSource source) {
        RelationshipModel relationship = node.relationship;
        return RelationshipLoader.installing(reader, relationship, parent ->
                relationship.set(parent.object(), relationship.collection() ? Assign.newCollection(relationship, List.of()) : null));
    }
}
