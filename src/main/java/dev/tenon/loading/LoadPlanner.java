package dev.tenon.loading;

import dev.tenon.annotation.Lazy;
import dev.tenon.exception.MappingException;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.query.Load;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the load plan of a query: each relationship gets the strategy of a loader option naming its path,
 * or else its mapping's {@code lazy}, and the option's batch size if it set one. Eager mapping defaults stop where a
 * relationship would repeat on its own path (an eager self-reference would otherwise never end).
 */
final class LoadPlanner {
    private LoadPlanner() {
    }

    static LoadNode plan(EntityModel entity, List<Load> options) {
        Map<List<String>, Load.Step> byPath = steps(entity, options);
        return new LoadNode(entity, null, null, 0, children(entity, List.of(), byPath, new ArrayList<>()));
    }

    /** The step each option sets, by relationship path: the options as the plan applies them (explained by {@code PlanExplainer}). */
    static Map<List<String>, Load.Step> steps(EntityModel entity, List<Load> options) {
        Map<List<String>, Load.Step> byPath = new HashMap<>();
        for (Load option : options) {
            EntityModel current = entity;
            List<String> path = new ArrayList<>();
            for (Load.Step step : option.path()) {
                RelationshipModel relationship = current.relationship(step.relationship());
                if (relationship == null) {
                    throw new MappingException(option + ": " + current.name() + " has no relationship '" + step.relationship() + "'"
                            + Names.didYouMean(step.relationship(), current.relationships().stream().map(RelationshipModel::name).toList()));
                }
                path.add(step.relationship());
                // Options(selectin("employees").batchSize(2), selectin("employees").thenJoined("manager")): the second
                // names the step again only to reach below it, and keeps the first one's batch size.
                byPath.merge(List.copyOf(path), step, (earlier, later) -> later.batchSize() == 0 && later.strategy() == earlier.strategy()
                        ? earlier : later);
                current = relationship.target();
            }
        }
        return byPath;
    }

    /**
     * The plan for loading one relationship on its own (a lazy load): the relationship's node, whose children
     * follow the target's mapping defaults.
     */
    static LoadNode planRelationship(RelationshipModel relationship) {
        List<RelationshipModel> ancestors = new ArrayList<>();
        ancestors.add(relationship);
        return new LoadNode(relationship.target(), relationship, Lazy.SELECT, 0,
                children(relationship.target(), List.of(), Map.of(), ancestors));
    }

    private static List<LoadNode> children(EntityModel entity, List<String> path, Map<List<String>, Load.Step> byPath,
                                           List<RelationshipModel> ancestors) {
        List<LoadNode> children = new ArrayList<>();
        for (RelationshipModel relationship : entity.relationships()) {
            List<String> childPath = new ArrayList<>(path);
            childPath.add(relationship.name());
            Load.Step option = byPath.get(childPath);
            Lazy chosen = option == null ? null : option.strategy();
            Lazy strategy = chosen != null ? chosen : relationship.lazy();
            boolean repeats = ancestors.contains(relationship);
            if (chosen == null && repeats && Loaders.of(strategy).eager()) {
                strategy = Lazy.SELECT;
            }
            // A lazy step with options below it (Load.lazy("employees").thenJoined("manager")) keeps them planned
            // for the moment it loads; other lazy steps are planned from the mapping when touched.
            boolean eager = Loaders.of(strategy).eager() && !(repeats && chosen == null);
            List<LoadNode> below = List.of();
            if (eager || hasOptionsBelow(byPath, childPath)) {
                List<RelationshipModel> deeper = new ArrayList<>(ancestors);
                deeper.add(relationship);
                below = children(relationship.target(), childPath, byPath, deeper);
            }
            children.add(new LoadNode(relationship.target(), relationship, strategy, option == null ? 0 : option.batchSize(), below));
        }
        return children;
    }

    private static boolean hasOptionsBelow(Map<List<String>, Load.Step> byPath, List<String> path) {
        for (List<String> optionPath : byPath.keySet()) {
            if (optionPath.size() > path.size() && optionPath.subList(0, path.size()).equals(path)) {
                return true;
            }
        }
        return false;
    }
}
