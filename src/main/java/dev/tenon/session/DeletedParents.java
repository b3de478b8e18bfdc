package dev.tenon.session;

import dev.tenon.annotation.Cascade;
import dev.tenon.api.Status;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.query.Condition;
import dev.tenon.query.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What deleting a parent does to its children (one-to-many), at flush: with a {@code delete} cascade they are
 * deleted too; without, they keep living with a NULL foreign key, as in SQLAlchemy. Either way the flush must know
 * them, loaded or not: the children of unloaded collections are read with one query per relationship for all the
 * deleted parents (lazy-loading each parent's collection would be one statement per parent, the N+1 problem inside
 * a flush), then every object of the session whose key points at a deleted parent is one of its children. Deleted
 * children may have children of their own: the search repeats until no parent is left.
 */
final class DeletedParents {
    private final SessionContext context;
    private final UnitOfWork unitOfWork;
    private final Map<RelationshipModel, Map<Object, List<InstanceState>>> childrenByKey = new HashMap<>();
    /** The deleted objects whose children were already dealt with, across the calls of one flush. */
    private final Set<InstanceState> done = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The same, in the order they were seen. */
    private final List<InstanceState> seen = new ArrayList<>();

    DeletedParents(SessionContext context, UnitOfWork unitOfWork) {
        this.context = context;
        this.unitOfWork = unitOfWork;
    }

    /**
     * Deletes the children that cascade; returns links to NULL for the others, whose back references it clears.
     * Called again in the same flush, it looks only at the objects deleted since (the orphans the flush found).
     */
    List<Link> detachChildren() {
        List<Link> links = new ArrayList<>();
        List<InstanceState> deleted = newlyDeleted();
        while (!deleted.isEmpty()) {
            done.addAll(deleted);
            seen.addAll(deleted);
            childrenByKey.clear();
            loadUnloadedChildren(deleted);
            for (InstanceState parent : deleted) {
                for (RelationshipModel relationship : parent.entity().relationships()) {
                    if (relationship.direction() == Direction.ONE_TO_MANY && !relationship.viewOnly()) {
                        detach(parent, relationship, links);
                    }
                }
            }
            deleted = newlyDeleted();
        }
        return links;
    }

    /** Every object this flush deletes (not those an earlier flush deleted), in order, once {@link #detachChildren()} saw them. */
    List<InstanceState> deleted() {
        return seen;
    }

    /** The objects to delete in this flush not yet looked at (one deleted by an earlier flush had its turn then). */
    private List<InstanceState> newlyDeleted() {
        List<InstanceState> deleted = new ArrayList<>();
        // A deleted object is a changed one: the changed states hold them all.
        for (InstanceState state : context.identityMap().changedStates()) {
            if (state.status() == Status.DELETED && !done.contains(state) && context.identityMap().maps(state)) {
                deleted.add(state);
            }
        }
        return deleted;
    }

    private void detach(InstanceState parent, RelationshipModel relationship, List<Link> links) {
        for (Object child : children(parent, relationship)) {
            InstanceState childState = context.identityMap().state(child);
            if (childState == null || childState.status() == Status.DELETED || movedAway(child, relationship, parent.object())) {
                continue;
            }
            if (relationship.cascades(Cascade.DELETE)) {
                unitOfWork.delete(child);
                continue;
            }
            links.add(new Link(child, relationship.foreignKey(), null));
            RelationshipModel back = relationship.backPopulates();
            if (back != null && back.get(child) == parent.object()) {
                back.set(child, null);
            }
        }
    }

    /** One query per relationship for the children of every deleted parent whose collection is not loaded. */
    private void loadUnloadedChildren(List<InstanceState> deleted) {
        Map<RelationshipModel, List<Object>> keys = new LinkedHashMap<>();
        for (InstanceState parent : deleted) {
            for (RelationshipModel relationship : parent.entity().relationships()) {
                if (relationship.direction() == Direction.ONE_TO_MANY && !relationship.viewOnly() 
                        && (!isLoaded(relationship.get(parent.object())) || parent.deferred(relationship) != null)) {
                    keys.computeIfAbsent(relationship, r -> new ArrayList<>()).add(key(parent.object(), relationship.foreignKey().targetColumns()));
                }
            }
        }
        keys.forEach((relationship, values) -> {
            List<ColumnModel> columns = relationship.foreignKey().columns();
            Condition condition;
            if (columns.size() == 1) {
                condition = Condition.in(columns.get(0).attribute(), values);
            } else {
                List<Condition> each = new ArrayList<>();
                for (Object value : values) {
                    Condition[] parts = new Condition[columns.size()];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = Condition.eq(columns.get(i).attribute(), ((List<?>) value).get(i));
                    }
                    each.add(Condition.and(parts));
                }
                condition = Condition.or(each.toArray(Condition[]::new));
            }
            // Read by the loader engine without an autoflush: this flush is the one preparing.
            Query.of(relationship.target().type(), context.flushReads()).where(condition).list();
        });
    }

    private static boolean isLoaded(Object value) {
        return Members.readable(value);
    }

    /** The loaded members of the parent's relationship, and every object of the session whose key points at it. */
    private Collection<Object> children(InstanceState parent, RelationshipModel relationship) {
        Set<Object> children = Collections.newSetFromMap(new IdentityHashMap<>());
        Object value = relationship.get(parent.object());
        if (isLoaded(value) && value instanceof Collection<?> members) {
            children.addAll(members);
        } else if (isLoaded(value) && value != null) {
            children.add(value);
        }
        Object key = key(parent.object(), relationship.foreignKey().targetColumns());
        for (InstanceState child : index(relationship).getOrDefault(key, List.of())) {
            children.add(child.object());
        }
        return children;
    }

    /** The session's objects of the relationship's target by the value of their foreign key, built once per round. */
    private Map<Object, List<InstanceState>> index(RelationshipModel relationship) {
        return childrenByKey.computeIfAbsent(relationship, r -> {
            Map<Object, List<InstanceState>> index = new HashMap<>();
            for (InstanceState state : context.identityMap().states()) {
                if (state.entity() == r.target()) {
                    Object key = key(state.object(), r.foreignKey().columns());
                    if (key != null) {
                        index.computeIfAbsent(key, k -> new ArrayList<>()).add(state);
                    }
                }
            }
            return index;
        });
    }

    /** A child that already belongs to another parent, by relationship or by key: that parent's side wins. */
    private static boolean movedAway(Object child, RelationshipModel relationship, Object parent) {
        RelationshipModel back = relationship.backPopulates();
        Object reference = back == null ? null : back.get(child);
        if (reference != null && reference != parent) {
            return true;
        }
        Object childKey = key(child, relationship.foreignKey().columns());
        return childKey != null && !childKey.equals(key(parent, relationship.foreignKey().targetColumns()));
    }

    /** The values of the columns on an object: one value, a list for several columns, null when any is null. */
    private static Object key(Object object, List<ColumnModel> columns) {
        if (columns.size() == 1) {
            return columns.get(0).get(object);
        }
        List<Object> values = new ArrayList<>(columns.size());
        for (ColumnModel column : columns) {
            Object value = column.get(object);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }
}
