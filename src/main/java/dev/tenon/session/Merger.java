package dev.tenon.session;

import dev.tenon.annotation.Cascade;
import dev.tenon.api.Status;
import dev.tenon.exception.IdentityException;
import dev.tenon.identity.Attributes;
import dev.tenon.identity.EntityKey;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.query.DynamicList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code session.merge(detached)}, as SQLAlchemy's {@code Session.merge}: the state of an object the session does not
 * hold (detached from an earlier session, or made from a request) is copied onto the session's own instance of its
 * row, which is loaded when the session does not hold it yet; that instance is returned, and the object passed in
 * stays outside the session. An object without a row (no key, or a key no row has) is copied onto a new instance,
 * which is added. Relationships that cascade {@link Cascade#MERGE} (the default) are merged the same way, each
 * related object once; a relationship the detached object never loaded is left as the session's instance has it.
 *
 * <p>The copy goes through the same hooks as the application's own writes, so dirty checking sees exactly the columns
 * that differ, and the other side of a {@code backPopulates} pair follows.
 */
final class Merger {
    private final SessionContext context;
    private final UnitOfWork unitOfWork;
    private final IdentityMap identityMap;
    private final Map<Object, Object> merged = new IdentityHashMap<>();

    Merger(SessionContext context, UnitOfWork unitOfWork) {
        this.context = context;
        this.unitOfWork = unitOfWork;
        this.identityMap = context.identityMap();
    }

    Object merge(Object detached) {
        Object done = merged.get(detached);
        if (done != null) {
            return done;
        }
        unitOfWork.checkAddable(detached);
        if (identityMap.state(detached) != null) {
            merged.put(detached, detached);     // already the session's own
            return detached;
        }
        EntityModel entity = context.metadata().entity(detached.getClass());
        Object key = entity.identityOf(detached);
        Object target = key == null ? null : persistent(entity, key);
        boolean created = target == null;
        if (created) {
            target = entity.newInstance();
        }
        merged.put(detached, target);
        copyColumns(entity, detached, target);
        if (created) {
            unitOfWork.add(target);
        }
        copyRelationships(entity, detached, target);
        return target;
    }

    /** The session's instance of the row, loaded if needed; null when there is no such row. */
    private Object persistent(EntityModel entity, Object key) {
        Object held = identityMap.get(new EntityKey(entity, key));
        if (held != null) {
            if (identityMap.state(held).status() == Status.DELETED) {
                throw new IdentityException("Cannot merge " + entity.name() + "#" + key + ": it was deleted in this session");
            }
            return held;
        }
        return context.queryRunner().getByKey(entity, key);
    }

    private static void copyColumns(EntityModel entity, Object from, Object to) {
        for (ColumnModel column : entity.columns()) {
            Object value = column.get(from);
            Object old = column.get(to);
            if (!InstanceState.sameValue(old, value)) {
                Attributes.changed(to, column.attribute(), old);
                column.set(to, value);
            }
        }
    }

    private void copyRelationships(EntityModel entity, Object from, Object to) {
        InstanceState departed = InstanceState.carriedBy(from);
        for (RelationshipModel relationship : entity.relationships()) {
            if (!relationship.cascades(Cascade.MERGE) || relationship.viewOnly()) {
                continue;
            }
            Object value = relationship.get(from);
            if (relationship.collection()) {
                if (value instanceof Collection<?> members && Members.readable(value) && !(value instanceof DynamicList<?>)) {
                    replaceMembers(relationship, to, members);
                }
            } else if (value != null || departed != null && departed.isLoaded(relationship)) {
                Object target = value == null ? null : merge(value);
                Object old = relationship.get(to);
                relationship.set(to, Attributes.write(to, relationship.name(), old, target));
            }
        }
    }

    /** Makes the session instance's collection hold the merged members, through the collection, so both sides follow. */
    @SuppressWarnings("unchecked")
    private void replaceMembers(RelationshipModel relationship, Object to, Collection<?> members) {
        Object current = Attributes.read(to, relationship.name(), relationship.get(to));
        if (current instanceof RelationCollection lazy && !lazy.isLoaded()) {
            // Loaded first, in one statement: the members' rows are then in the session, and merging each reads none.
            ((Collection<?>) lazy).size();
        }
        List<Object> wanted = new ArrayList<>(members.size());
        for (Object member : List.copyOf(members)) {
            wanted.add(merge(member));
        }
        if (!(current instanceof Collection<?>)) {
            Object fresh = relationship.collectionType() == Set.class ? new java.util.LinkedHashSet<>(wanted) : new ArrayList<>(wanted);
            relationship.set(to, Attributes.write(to, relationship.name(), current, fresh));
            return;
        }
        Collection<Object> collection = (Collection<Object>) current;
        Set<Object> keep = Members.identitySet(wanted);
        collection.removeIf(member -> !keep.contains(member));
        Set<Object> present = Members.identitySet(collection);
        for (Object member : wanted) {
            if (present.add(member)) {
                collection.add(member);
            }
        }
        if (current instanceof RelationCollection) {
            Attributes.touched(to);
        }
    }
}
