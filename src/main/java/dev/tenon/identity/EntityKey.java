package dev.tenon.identity;

import dev.tenon.metadata.EntityModel;

/**
 * The identity of a row: its entity and its primary-key value (an immutable list for a composite key).
 *
 * @param entity the mapped class's model
 * @param id     the key value
 */
public record EntityKey(EntityModel entity, Object id) {
    @Override
    public String toString() {
        return entity.name() + "#" + id;
    }
}
