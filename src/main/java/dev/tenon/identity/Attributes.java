package dev.tenon.identity;

import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.proxy.RelationList;
import dev.tenon.proxy.RelationSet;
import java.util.List;
import java.util.Set;

/**
 * The calls the enhancer writes into mapped classes: the Java counterpart of SQLAlchemy's instrumented attributes.
 * Every read of a relationship field and every write of a mapped field of an enhanced class comes here:
 * <ul>
 *   <li>a read of an unloaded to-one relationship loads it ({@link Deferred}); a read of a collection hands out a
 *       collection that reports the application's changes, so that the other side follows at once;</li>
 *   <li>a write of a relationship updates the other side of its {@code backPopulates} pair ({@link BackPopulation})
 *       and marks the object changed;</li>
 *   <li>a write of a column records the value it held before its first change and marks the object changed, so that
 *       a flush visits only changed objects and writes only changed columns.</li>
 * </ul>
 * Objects the application made and never added to a session have no state; their relationships are kept in step
 * all the same, through the model of their class.
 */
public final class Attributes {
    private Attributes() {
    }

    /** A read of relationship {@code field} of {@code owner}, which holds {@code value}: the value the reader sees. */
    public static Object read(Object owner, String field, Object value) {
        if (value instanceof RelationCollection collection) {
            if (!collection.isWatched()) {
                watch(owner, field, collection);
            }
            return value;
        }
        if (value != null) {
            return value instanceof List<?> || value instanceof Set<?> ? adopt(owner, field, value) : value;
        }
        InstanceState state = InstanceState.carriedBy(owner);
        if (state == null) {
            return null;
        }
        RelationshipModel relationship = state.entity().relationship(field);
        Deferred deferred = relationship == null ? null : state.deferred(relationship);
        return deferred == null ? null : deferred.load(state);
    }

    /** A write of relationship {@code field} of {@code owner}: the value to store. */
    public static Object write(Object owner, String field, Object oldValue, Object newValue) {
        EntityModel entity = modelOf(owner);
        RelationshipModel relationship = entity == null ? null : entity.relationship(field);
        if (relationship == null) {
            return newValue;
        }
        InstanceState state = InstanceState.carriedBy(owner);
        Object stored = newValue;
        if (relationship.collection() && !BackPopulation.isDynamic(relationship)) {
            stored = newValue instanceof RelationCollection || !(newValue instanceof List<?> || newValue instanceof Set<?>)
                    ? newValue : wrap(relationship, newValue);
            if (stored instanceof RelationCollection collection && !collection.isWatched()) {
                collection.watch(new BackPopulation.Watcher(owner, relationship));
            }
        } else if (state != null) {
            oldValue = BackPopulation.unloadedReference(state, relationship, oldValue, newValue);
        }
        if (oldValue != stored) {
            BackPopulation.replaced(owner, relationship, oldValue, stored);
        }
        if (state != null) {
            state.markChanged();
        }
        return stored;
    }

    /** A write of column {@code field} of {@code owner}, which has a state; {@code oldValue} boxed. */
    public static void changed(Object owner, String field, Object oldValue) {
        InstanceState state = InstanceState.carriedBy(owner);
        if (state != null) {
            state.columnWritten(state.entity().columnPosition(field), oldValue);
        }
    }

    /** Something about {@code owner} changed that a flush must see (a dynamic relationship's pending members). */
    public static void touched(Object owner) {
        InstanceState state = InstanceState.carriedBy(owner);
        if (state != null) {
            state.markChanged();
        }
    }

    /** The model of an object's class: the one of its session, else the last one built for the class; or null. */
    static EntityModel modelOf(Object object) {
        InstanceState state = InstanceState.carriedBy(object);
        return state != null ? state.entity() : EntityModel.of(object.getClass());
    }

    private static void watch(Object owner, String field, RelationCollection collection) {
        EntityModel entity = modelOf(owner);
        RelationshipModel relationship = entity == null ? null : entity.relationship(field);
        if (relationship != null) {
            collection.watch(new BackPopulation.Watcher(owner, relationship));
        }
    }

    /**
     * A collection the application put into a field itself (a field initializer, say), handed out for the first time:
     * from now on the field holds a relationship collection over it, which reports changes as the session's own do.
     */
    private static Object adopt(Object owner, String field, Object value) {
        EntityModel entity = modelOf(owner);
        RelationshipModel relationship = entity == null ? null : entity.relationship(field);
        if (relationship == null || !relationship.collection() || BackPopulation.isDynamic(relationship)) {
            return value;
        }
        Object wrapped = wrap(relationship, value);
        if (wrapped == value) {
            return value;
        }
        ((RelationCollection) wrapped).watch(new BackPopulation.Watcher(owner, relationship));
        relationship.set(owner, wrapped);
        touched(owner);
        return wrapped;
    }

    /** A relationship collection over {@code value}, when the field can hold one; else {@code value} itself. */
    @SuppressWarnings("unchecked")
    private static Object wrap(RelationshipModel relationship, Object value) {
        Class<?> fieldType = relationship.accessor().field().getType();
        if (value instanceof Set<?> set && fieldType.isAssignableFrom(RelationSet.class)) {
            return RelationSet.over((Set<Object>) set);
        }
        if (value instanceof List<?> list && fieldType.isAssignableFrom(RelationList.class)) {
            return RelationList.over((List<Object>) list);
        }
        return value;
    }
}
