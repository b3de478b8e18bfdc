package dev.tenon.loading;

import dev.tenon.annotation.Lazy;
import dev.tenon.metadata.EntityModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements a database's sessions compile once and share, as Hibernate's persisters keep their load-by-id
 * SQL: today the load of one object by its key ({@code session.get}), per entity. A session is opened for a few
 * lookups, often one; compiling the query and writing its SQL cost about a tenth of a lookup on H2.
 *
 * <p>Only a plan that no execution changes is shared across sessions and threads: one whose relationships are
 * loaded lazily or joined. A selectin or subquery load writes its own statement, and records its aliases in the
 * plan as it runs, so such a plan is compiled per call.
 */
public final class StatementCache {
    /** The SQL of a get, with the key columns' values as its parameters in key order, and the plan to read it by. */
    record ByKey(String sql, LoadNode root) {
    }

    private final Map<EntityModel, ByKey> byKey = new ConcurrentHashMap<>();

    ByKey byKey(EntityModel entity) {
        return byKey.get(entity);
    }

    void byKey(EntityModel entity, ByKey statement) {
        byKey.putIfAbsent(entity, statement);
    }

    /** Whether running {@code node}'s plan leaves it as it is. */
    static boolean shareable(LoadNode node) {
        for (LoadNode child : node.children) {
            boolean changesAsItRuns = child.strategy == Lazy.SELECTIN || child.strategy == Lazy.SUBQUERY
                    || child.strategy == Lazy.SELECT && !child.children.isEmpty()
                    || child.strategy == Lazy.JOINED && !shareable(child);
            if (changesAsItRuns) {
                return false;
            }
        }
        return true;
    }
}
