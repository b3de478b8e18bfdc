package dev.tenon.loading;

import dev.tenon.LazyLoadException;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.proxy.Loader;
import dev.tenon.proxy.RelationList;
import dev.tenon.proxy.RelationSet;
import java.util.List;
import java.util.Set;

/**
 * {@code lazy = RAISE}: any access to the relationship fails, naming the eager option to use instead. Makes
 * an accidental lazy load (a hidden N+1) impossible where the relationship must come with the query.
 */
final class RaiseLoader implements RelationshipLoader {
    @Override
    public void load(LoadContext context, LoadNode node, List<InstanceState> parents, Object statement, ParentSource source) {
        RelationshipModel relationship = node.relationship;
        Loader raise = () -> {
            throw new LazyLoadException(relationship + " is not loaded and its strategy is RAISE: load it with the query, "
                    + "e.g. .options(Load.selectin(\"" + relationship.name() + "\")) or .options(Load.joined(\"" + relationship.name() + "\"))");
        };
        for (InstanceState parent : parents) {
            if (!RelationshipLoader.mayInstall(parent, relationship, statement)) {
                continue;
            }
            if (relationship.collection()) {
                relationship.set(parent.object(), relationship.collectionType() == Set.class ? RelationSet.lazy(raise) : RelationList.lazy(raise));
            } else if (relationship.direction() != Direction.MANY_TO_ONE || Keys.targetKey(parent.object(), relationship) != null) {
                parent.defer(relationship, state -> raise.load());
            } else {
                relationship.set(parent.object(), null);
                parent.loaded(relationship, null);
            }
        }
    }
}
