package dev.tenon.query;

import dev.tenon.annotation.Lazy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link LoadPlan} as text: a node a line ({@code name: strategy, origin; statements}), its rules and SQL indented
 * under it, its children indented further. The relationships the mapping leaves lazy below the first level are what
 * every loaded object has: they share one line per parent and strategy, so that the eager part stands out.
 */
final class LoadPlanText {
    private LoadPlanText() {
    }

    static String render(LoadPlan plan, boolean withSql) {
        StringBuilder text = new StringBuilder();
        node(text, plan.root(), 0, withSql, null);
        return text.toString().stripTrailing();
    }

    /**
     * One node and what is below it. {@code batched}: the path of the nearest node above whose statements its rows
     * come from, when that one may run several (each runs this node's load again); null when one statement does.
     */
    private static void node(StringBuilder text, LoadPlan.Node node, int depth, boolean withSql, String batched) {
        String indent = "  ".repeat(depth);
        text.append(indent).append(node.name()).append(": ");
        if (node.origin() == LoadPlan.Origin.QUERY) {
            text.append("the query");
        } else {
            text.append(name(node.strategy())).append(", ").append(origin(node));
        }
        text.append("; ").append(node.statements());
        if (batched != null && (node.growth() == LoadPlan.Growth.PER_BATCH || node.growth() == LoadPlan.Growth.PER_BATCH_TOUCHED)) {
            text.append(", after each statement of ").append(batched);
        }
        text.append('\n');
        for (String rule : node.rules()) {
            text.append(indent).append("  rule: ").append(rule).append('\n');
        }
        if (withSql) {
            for (String sql : node.sql()) {
                text.append(indent).append("  ").append(sql).append('\n');
            }
        }
        String below = node.strategy() == Lazy.JOINED ? batched
                : node.growth() == LoadPlan.Growth.ONE ? null : node.path();
        Map<String, List<String>> summed = new LinkedHashMap<>();
        for (LoadPlan.Node child : node.children()) {
            if (depth >= 1 && plain(child)) {
                summed.computeIfAbsent(name(child.strategy()) + ", by the mapping; " + briefly(child), k -> new ArrayList<>()).add(child.name());
            } else {
                node(text, child, depth + 1, withSql, below);
            }
        }
        summed.forEach((how, names) -> text.append(indent).append("  ").append(String.join(", ", names)).append(": ").append(how).append('\n'));
    }

    /** A relationship the mapping leaves to load later, with nothing planned below it and no rule to tell. */
    private static boolean plain(LoadPlan.Node node) {
        return node.origin() == LoadPlan.Origin.MAPPING && !node.eager() && node.children().isEmpty() && node.rules().isEmpty();
    }

    private static String briefly(LoadPlan.Node node) {
        switch (node.growth()) {
            case PER_TOUCH:
            case PER_BATCH_TOUCHED:
                return "when touched";
            case PER_READ:
                return "a query when read";
            default:
                return node.strategy() == Lazy.RAISE ? "fails when touched" : "never loaded";
        }
    }

    private static String origin(LoadPlan.Node node) {
        switch (node.origin()) {
            case OPTION:
                return "by the option " + node.source();
            case RULE:
                return "by a rule";
            default:
                return "by the mapping";
        }
    }

    /** A strategy as its {@link Load} factory is named: {@code lazy} for {@code SELECT}. */
    static String name(Lazy strategy) {
        return strategy == Lazy.SELECT ? "lazy" : strategy.name().toLowerCase(Locale.ROOT);
    }
}
