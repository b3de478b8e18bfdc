package dev.tenon.session;

import dev.tenon.LazyLoadException;
import dev.tenon.annotation.Lazy;
import dev.tenon.identity.EntityKey;
import dev.tenon.identity.InstanceState;
import dev.tenon.identity.Status;
import dev.tenon.loading.Keys;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.proxy.Loader;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.proxy.RelationList;
import dev.tenon.proxy.RelationSet;
import dev.tenon.query.DynamicList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An object added back to a session still holds the lazy collections and deferred references of the session it
 * left, which refuse to load (that session is closed, or no longer knows the object). They are replaced with ones
 * that load through the new session, as SQLAlchemy loads the unloaded attributes of a re-attached object: an
 * unloaded collection or reference loads on first access, a dynamic relationship queries again. A {@code RAISE}
 * relationship keeps what it has: it must not load at all.
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
                Loader loader = () -> members(state, relationship);
                relationship.set(state.object(), relationship.collectionType() == Set.class ? RelationSet.lazy(loader) : RelationList.lazy(loader));
            } else if (value == null && departed != null && departed.deferred(relationship) != null
                    && relationship.direction() == RelationshipModel.Direction.MANY_TO_ONE) {
                state.defer(relationship, parent -> reference(parent, relationship));
            } else if (value instanceof DynamicList<?> dynamic) {
                relationship.set(state.object(), DynamicCollections.rebind(context, state.object(), relationship, dynamic));
            }
        }
    }

    private Object reference(InstanceState state, RelationshipModel relationship) {
        check(state, relationship);
        Object key = Keys.targetKey(state.object(), relationship);
        Object target = key == null ? null : find(relationship.target(), key);
        relationship.set(state.object(), target);
        state.loaded(relationship, target);
        return target;
    }

    /** The object with this key: the one the session holds (none when deleted), or the one its row gives. */
    private Object find(EntityModel entity, Object key) {
        Object held = context.identityMap().get(new EntityKey(entity, key));
        if (held != null) {
            return context.identityMap().state(held).status() == Status.DELETED ? null : held;
        }
        return context.queryRunner().getByKey(entity, key);
    }

    private Object members(InstanceState state, RelationshipModel relationship) {
        check(state, relationship);
        List<Object> members = DynamicCollections.children(context, state.object(), relationship).list();
        state.loaded(relationship, new ArrayList<>(members));
        return members;
    }

    private void check(InstanceState state, RelationshipModel relationship) {
        if (!context.isOpen() || context.identityMap().state(state.object()) != state) {
            throw new LazyLoadException("Cannot lazy-load " + relationship + " of " + state.entity().name() + "#" + state.id()
                    + ": the object is detached (its session is closed, or it was expunged or rolled back). Load it while the "
                    + "session is open, e.g. .options(Load.selectin(\"" + relationship.name() + "\")) on the query that loads "
                    + state.entity().name());
        }
    }
}
