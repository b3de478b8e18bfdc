package dev.tenon.loading;

import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.RelationshipModel;
import java.util.List;

/**
 * {@code lazy = NOLOAD}: the relationship is never loaded; a collection stays empty and a reference null. It is
 * not marked loaded, so a flush does not read the empty collection as "every child removed".
 */
final class NoLoadLoader implements RelationshipLoader {
    @Override
    public void load(LoadContext context, LoadNode node, List<InstanceState> parents, Object statement, ParentSource source) {
        RelationshipModel relationship = node.relationship;
        for (InstanceState parent : parents) {
            if (RelationshipLoader.mayInstall(parent, relationship, statement)) {
                relationship.set(parent.object(), relationship.collection() ? Assign.newCollection(relationship, List.of()) : null);
            }
        }
    }
}
