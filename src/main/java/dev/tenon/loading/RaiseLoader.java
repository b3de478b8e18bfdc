package dev.tenon.loading;

import dev.tenon.exception.LazyLoadException;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.proxy.Loader;

/**
 * {@code lazy = RAISE}: any access to the relationship fails, naming the eager option to use instead. Makes
 * an accidental lazy load (a hidden N+1) impossible where the relationship must come with the query.
 */
final class RaiseLoader implements RelationshipLoader {
    @Override
    public boolean eager() {
        return false;
    }

    @Override
    public Rows rows(Loading loading, LoadNode node, RowReader reader, ParentSource source) {
        RelationshipModel relationship = node.relationship;
        Loader raise = () -> {
            throw new LazyLoadException(relationship + " is not loaded and its strategy is RAISE: load it with the query, "
                    + "e.g. .options(Load.selectin(\"" + relationship.name() + "\")) or .options(Load.joined(\"" + relationship.name() + "\"))");
        };
        return RelationshipLoader.installing(reader, relationship, parent -> {
            if (relationship.collection()) {
                relationship.set(parent.object(), Assign.lazyCollection(relationship, raise));
            } else if (relationship.direction() != Direction.MANY_TO_ONE || Keys.targetKey(parent.object(), relationship) != null) {
                parent.defer(relationship, state -> raise.load());
            } else {
                relationship.set(parent.object(), null);
                parent.loaded(relationship, null);
            }
        });
    }
}
