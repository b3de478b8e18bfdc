package dev.tenon.loading;

import dev.tenon.query.Load;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one execution of a plan binds beside its query's values: the members per parent of each top-N load
 * ({@code Load.selectin("tracks").limit(3)}). The plan and its statements are cached without these numbers, which are
 * bound as parameters, so that another limit runs the same statements. Made per execution, never cached; the strategies
 * see it through the {@link Loading} of the execution, and a lazy load keeps the one of the query that installed it.
 */
final class PlanValues {
    static final PlanValues NONE = new PlanValues(Map.of());

    private final Map<LoadNode, Integer> limits;

    private PlanValues(Map<LoadNode, Integer> limits) {
        this.limits = limits;
    }

    /** The limits {@code options} set on the nodes of {@code root}, the plan compiled for them. */
    static PlanValues of(LoadNode root, List<Load> options) {
        if (options.stream().flatMap(option -> option.path().stream()).allMatch(step -> step.limit() == null)) {
            return NONE;
        }
        Map<LoadNode, Integer> limits = new IdentityHashMap<>();
        for (Map.Entry<List<String>, Load.Step> entry : LoadPlanner.steps(root.entity, options).entrySet()) {
            LoadNode node = find(root, entry.getKey());
            if (node != null && node.limited) {
                limits.put(node, entry.getValue().limit());
            }
        }
        return new PlanValues(limits);
    }

    private static LoadNode find(LoadNode root, List<String> path) {
        LoadNode node = root;
        for (String name : path) {
            LoadNode next = null;
            for (LoadNode child : node.children) {
                if (child.relationship.name().equals(name)) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            node = next;
        }
        return node;
    }

    boolean isEmpty() {
        return limits.isEmpty();
    }

    /** The members per parent a limited node keeps in this execution. */
    int limit(LoadNode node) {
        Integer limit = limits.get(node);
        if (limit == null) {
            throw new IllegalStateException(node + " is limited, but the execution binds no limit for it");
        }
        return limit;
    }
}
