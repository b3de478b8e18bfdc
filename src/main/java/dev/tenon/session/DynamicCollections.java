package dev.tenon.session;

import dev.tenon.annotation.Lazy;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.query.DynamicList;
import dev.tenon.query.Query;
import java.util.Collection;

/**
 * The dynamic and write-only relationships of objects entering a session. A loaded object gets its
 * {@link DynamicList} from its loader; a new object gets one when added, as SQLAlchemy gives every new object its
 * write-only collection, so that {@code dept.employees.add(emp)} works before the first flush. The members the
 * application put into the field before adding the object become pending additions (its rows do not exist yet).
 */
final class DynamicCollections {
    private DynamicCollections() {
    }

    /** Installs a dynamic list on each dynamic relationship of a new object. */
    static void install(SessionContext context, InstanceState state) {
        for (RelationshipModel relationship : state.entity().relationships()) {
            if (relationship.lazy() != Lazy.DYNAMIC && relationship.lazy() != Lazy.WRITE_ONLY) {
                continue;
            }
            Object value = relationship.get(state.object());
            if (value instanceof DynamicList<?> dynamic) {
                relationship.set(state.object(), rebind(context, state.object(), relationship, dynamic));
                continue;
            }
            DynamicList<Object> list = new DynamicList<>(children(context, state.object(), relationship), state.object());
            // A view-only relationship is never written: members put there before the add stay unwritten.
            if (value instanceof Collection<?> members && !relationship.viewOnly()) {
                members.forEach(list::add);
            }
            relationship.set(state.object(), list);
        }
    }

    /**
     * A list over this session's query with the pending changes of {@code old}, a list of an earlier session (the
     * object was detached, or rolled back, with changes not yet written).
     */
    static DynamicList<Object> rebind(SessionContext context, Object parent, RelationshipModel relationship, DynamicList<?> old) {
        DynamicList<Object> list = new DynamicList<>(children(context, parent, relationship), parent);
        list.restorePending(old.pending());
        return list;
    }

    /** A parent's children through a collection relationship, in the relationship's order: a dynamic list's query. */
    static Query<Object> children(SessionContext context, Object parent, RelationshipModel relationship) {
        @SuppressWarnings("unchecked")
        Class<Object> target = (Class<Object>) relationship.target().type();
        Query<Object> query = Query.of(target, context.queryRunner()).childrenOf(relationship, parent);
        for (RelationshipModel.Order order : relationship.orderBy()) {
            query = query.orderBy(order.column().attribute() + (order.descending() ? " desc" : ""));
        }
        return query;
    }
}
