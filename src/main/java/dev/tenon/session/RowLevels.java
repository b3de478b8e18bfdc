package dev.tenon.session;

import dev.tenon.exception.TenonException;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.ForeignKeyModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one table in dependency levels, for a table that references itself ({@code emp.mgr}): a row comes
 * in a later level than every row of the same flush it references, so that inserts write a manager before its
 * reports (whose key may be generated only then) and deletes remove the reports first. A row references another
 * through a relationship (a {@link Link}, for inserts) or through key columns set by hand (an employee added before
 * its manager). The rows are indexed by key once, so the levels cost one pass, not a comparison of every pair.
 */
final class RowLevels {
    private final List<InstanceState> rows;
    /** The rows by object, made when a link is first followed (a flush that sets keys by hand needs none). */
    private Map<Object, InstanceState> members;
    /** Per foreign key, each row by the value it is referenced by: a row, or a list when several rows share one. */
    private final Map<ForeignKeyModel, Map<Object, Object>> byReferencedKey = new HashMap<>();
    private final Map<Object, List<Link>> links;
    private final Map<InstanceState, Integer> depth = new IdentityHashMap<>();
    /** The depth recorded for a row whose parents are being followed: met again, it closes a cycle. */
    private static final Integer VISITING = -1;

    private RowLevels(List<InstanceState> rows, Map<Object, List<Link>> links) {
        this.rows = rows;
        this.links = links;
    }

    private InstanceState member(Object object) {
        if (members == null) {
            members = new IdentityHashMap<>();
            rows.forEach(state -> members.put(state.object(), state));
        }
        return members.get(object);
    }

    /**
     * The levels of {@code rows}, parents first; {@code links} are the flush's foreign keys from relationships by
     * child (empty for deletes, which go by the key columns the rows hold).
     */
    static List<List<InstanceState>> of(List<InstanceState> rows, Map<Object, List<Link>> links) {
        RowLevels levels = new RowLevels(rows, links);
        List<List<InstanceState>> result = new ArrayList<>();
        for (InstanceState state : rows) {
            int level = levels.depth(state);
            while (result.size() <= level) {
                result.add(new ArrayList<>());
            }
            result.get(level).add(state);
        }
        return result;
    }

    /** A row's level: one more than its deepest parent's. A row on the path being followed is marked {@link #VISITING}. */
    private int depth(InstanceState state) {
        Integer known = depth.get(state);
        if (known != null) {
            if (known < 0) {
                throw new TenonException("Rows of " + state.entity().name() + " reference each other in a cycle; flush them in two steps");
            }
            return known;
        }
        depth.put(state, VISITING);
        int level = 0;
        // A parent met twice changes nothing: the level is a maximum.
        for (Link link : links.getOrDefault(state.object(), List.of())) {
            InstanceState parent = link.parent() == null ? null : member(link.parent());
            if (link.foreignKey().selfReferential() && parent != null && parent != state) {
                level = Math.max(level, 1 + depth(parent));
            }
        }
        for (ForeignKeyModel fk : state.entity().table().foreignKeys()) {
            if (fk.selfReferential()) {
                Object key = key(state.object(), fk.columns());
                Object found = key == null ? null : index(fk).get(key);
                if (found instanceof InstanceState parent) {
                    if (parent != state) {
                        level = Math.max(level, 1 + depth(parent));
                    }
                } else if (found != null) {
                    for (Object parent : (List<?>) found) {
                        if (parent != state) {
                            level = Math.max(level, 1 + depth((InstanceState) parent));
                        }
                    }
                }
            }
        }
        depth.put(state, level);
        return level;
    }

    /** The rows by the value of the columns {@code fk} references (the key an employee's mgr points at). */
    private Map<Object, Object> index(ForeignKeyModel fk) {
        Map<Object, Object> index = byReferencedKey.get(fk);
        if (index == null) {
            index = new HashMap<>();
            for (InstanceState state : rows) {
                Object key = key(state.object(), fk.targetColumns());
                if (key != null) {
                    index.merge(key, state, RowLevels::both);
                }
            }
            byReferencedKey.put(fk, index);
        }
        return index;
    }

    /** Two or more rows referenced by one value (pending rows that share a key), in a list. */
    @SuppressWarnings("unchecked")
    private static Object both(Object earlier, Object state) {
        List<Object> list = earlier instanceof List<?> rows ? (List<Object>) rows : new ArrayList<>(List.of(earlier));
        list.add(state);
        return list;
    }

    /**
     * The values of the columns as a lookup key (the value itself for one column); null when any is null. BigDecimal
     * by value (10.0 is 10).
     */
    private static Object key(Object object, List<ColumnModel> columns) {
        if (columns.size() == 1) {
            return normalized(columns.get(0).get(object));
        }
        List<Object> values = new ArrayList<>(columns.size());
        for (ColumnModel column : columns) {
            Object value = normalized(column.get(object));
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private static Object normalized(Object value) {
        return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros() : value;
    }
}
