package dev.tenon.session;

import dev.tenon.annotation.Lazy;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.query.DynamicList;

/**
 * An object added back to a session still holds the lazy collections and deferred references of the session it
 * left, which refuse to load (that session is closed, or no longer knows the object). They are replaced with lazy
 * loads of this session, made by the loader engine's lazy strategy like those of any loaded object (the same compiled
 * statements), as SQLAlchemy loads the unloaded attributes of a re-attached object: an unloaded collection or
 * reference loads on first access, a dynamic relationship queries again. A {@code RAISE} relationship keeps what it
 * has: it must not load at all.
 */
final class Reattachment {
    private final SessionContext context;

    Reattachment(SessionContext context) {
        this.context = context;
    }

    /**
     * Gives an object added back to the session loaders of this session for what it had not loaded in its last one
     * ({@code departed}, its state there, or null).
     */
    void rebind(InstanceState state, InstanceState departed) {
        for (RelationshipModel relationship : state.entity().relationships()) {
            if (relationship.lazy() == Lazy.RAISE) {
                continue;
            }
            Object value = relationship.get(state.object());
            if (value instanceof RelationCollection collection && !collection.isLoaded()) {
                relationship.set(state.object(), null);
                context.queryRunner().reattach(state, relationship);
            } else if (value == null && departed != null && departed.deferred(relationship) != null
                    && relationship.direction() == RelationshipModel.Direction.MANY_TO_ONE) {
                context.queryRunner().reattach(state, relationship);
            } else if (value instanceof DynamicList<?> dynamic) {
                relationship.set(state.object(), DynamicCollections.rebind(context, state.object(), relationship, dynamic));
            }
        }
    }
}
