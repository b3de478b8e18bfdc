package dev.tenon.loading;

import dev.tenon.annotation.Lazy;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.query.Load;
import dev.tenon.query.LoadPlan;
import dev.tenon.query.LoadPlan.Growth;
import dev.tenon.query.LoadPlan.Origin;
import dev.tenon.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Explains a query's compiled plan ({@link LoadPlan}) without running anything: for each node, where its strategy came
 * from (an option, the mapping, or a rule of the {@link LoadPlanner}), the rules the engine applies to it on the way
 * (a subquery load falling back to keys, batched lazy loads, a one-to-one from its parent's side, an inner join, a
 * composite key's smaller batches), how its statements grow with the strategy's real batch size, and the SQL of its
 * statement, compiled by the strategy's own code into the shared {@link StatementCache}: what a load would run,
 * neither run nor counted.
 *
 * <p>It answers, for every strategy, what the strategy classes do; it is the one place that asks which strategy a
 * node has, so that the loaders keep to loading.
 */
final class PlanExplainer {
    private final Loading loading;
    private final LoadContext context;
    private final List<Load> options;
    private final Map<List<String>, Load.Step> steps;
    private final ParentSource source;

    private PlanExplainer(Loading loading, Query<?> query, CompiledQuery compiled, ParentSource source) {
        this.loading = loading;
        this.context = loading.context();
        this.options = query.options();
        this.steps = LoadPlanner.steps(compiled.root().entity, options);
        this.source = source;
    }

    /**
     * The plan of {@code query}, compiled as {@code compiled}, whose statement reads {@code rootSql}; {@code source}
     * is the parent query a subquery load nests ({@link ParentSource#NONE} for a locking query, which loads by keys).
     */
    static LoadPlan explain(Loading loading, Query<?> query, CompiledQuery compiled, String rootSql, ParentSource source) {
        LoadNode root = compiled.root();
        List<String> rules = new ArrayList<>();
        if ((query.limit() != null || query.offset() != null) && root.children.stream().anyMatch(QueryCompiler::repeats)) {
            rules.add("a joined collection repeats its parent over rows: the limit applies to the parents, in a nested query of them");
        }
        PlanExplainer explainer = new PlanExplainer(loading, query, compiled, source);
        List<LoadPlan.Node> children = new ArrayList<>();
        for (LoadNode child : root.children) {
            children.add(explainer.node(child, List.of(child.relationship.name()), List.of(), true, true));
        }
        return new LoadPlan(new LoadPlan.Node("", root.entity.name(), null, Origin.QUERY, "select(" + root.entity.name() + ")",
                rules, Growth.ONE, "", 0, List.of(rootSql), children));
    }

    /**
     * One node. {@code above}: the relationships on its path above it; {@code firstLevel}: its parents are the query's
     * own rows; {@code parentInner}: its parent is reached by inner joins only in the statement that reads it.
     */
    private LoadPlan.Node node(LoadNode node, List<String> path, List<RelationshipModel> above, boolean firstLevel, boolean parentInner) {
        RelationshipModel relationship = node.relationship;
        Load.Step step = steps.get(path);
        List<String> rules = new ArrayList<>();
        Origin origin;
        String from;
        if (step != null) {
            origin = Origin.OPTION;
            from = optionText(path, step, rules);
        } else if (node.strategy != relationship.lazy()) {
            origin = Origin.RULE;
            from = relationship + " is " + name(relationship.lazy()) + " by the mapping but comes again on its own path: "
                    + "loaded lazily there, or the eager load would never end";
            rules.add(from);
        } else {
            origin = Origin.MAPPING;
            from = relationship + ": @Relationship(lazy = " + relationship.lazy() + ")";
        }
        String name = String.join(".", path);
        Shape shape = shape(node, above, firstLevel, parentInner, rules);
        List<RelationshipModel> onPath = new ArrayList<>(above);
        onPath.add(relationship);
        List<LoadPlan.Node> children = new ArrayList<>();
        for (LoadNode child : shape.children) {
            List<String> childPath = new ArrayList<>(path);
            childPath.add(child.relationship.name());
            children.add(node(child, childPath, onPath, false, shape.inner));
        }
        return new LoadPlan.Node(name, node.entity.name(), node.strategy, origin, from, rules, shape.growth, shape.counted, shape.batch,
                shape.sql == null ? List.of() : List.of(shape.sql.sql()), children);
    }

    /** What a strategy does with a node: how its statements grow, their SQL, and the nodes loaded with it. */
    private record Shape(Growth growth, String counted, int batch, SecondaryStatement sql, List<LoadNode> children, boolean inner) {
    }

    private Shape shape(LoadNode node, List<RelationshipModel> above, boolean firstLevel, boolean parentInner, List<String> rules) {
        RelationshipModel relationship = node.relationship;
        boolean toOne = relationship.direction() == Direction.MANY_TO_ONE;
        switch (node.strategy) {
            case JOINED: {
                boolean inner = parentInner && toOne && relationship.foreignKey().mandatory();
                if (inner) {
                    rules.add("a mandatory many-to-one reached by inner joins: an INNER JOIN, which drops no parent");
                }
                return new Shape(Growth.NONE, "", 0, null, node.children, inner);
            }
            case SELECTIN:
                return byKeys(node, node.batchSize(context.selectinBatchSize()), rules);
            case SUBQUERY:
                if (firstLevel && source.isQuery()) {
                    return new Shape(Growth.ONE, "parents", 0, SubqueryLoader.statement(loading, node, source), node.children, false);
                }
                rules.add(firstLevel ? "the query locks its rows, and run again unlocked it would meet other rows: loaded by the parents' keys"
                        : "its parents come from another statement's rows, not from a query of their own: loaded by their keys");
                return byKeys(node, node.batchSize(context.selectinBatchSize()), rules);
            case SELECT:
                return lazy(node, above, rules);
            case DYNAMIC:
                return new Shape(Growth.PER_READ, "reads", 0, null, List.of(), false);
            case WRITE_ONLY:
                rules.add("write-only: never read as a list; only its query runs, when the application runs it");
                return new Shape(Growth.PER_READ, "reads", 0, null, List.of(), false);
            case NESTED:
                rules.add("nested: each parent's members arrive as one JSON array in the parent's own row, no statement of its own");
                return new Shape(Growth.NONE, "", 0, null, node.children, false);
            default:
                return new Shape(Growth.NONE, "", 0, null, List.of(), false);
        }
    }

    /** Selectin loading, and what loads as it does: one statement per batch of parents, its keys bound as one array. */
    private Shape byKeys(LoadNode node, int batch, List<String> rules) {
        int perStatement = perStatement(node, batch, rules);
        boolean toOne = node.relationship.direction() == Direction.MANY_TO_ONE;
        SecondaryStatement sql = ChildrenByKeys.compileOnly(loading, node, Math.min(perStatement, 2));
        return new Shape(Growth.PER_BATCH, toOne ? "targets not in the session" : "parents", perStatement, sql, node.children, false);
    }

    /**
     * Lazy loading: a statement when touched, for the parent alone or a batch of its siblings; the load brings what
     * options below it planned, or else what the target's mapping loads eagerly (shown unless the relationship is on
     * the path above already: each touch plans afresh, and a plan shown afresh at each level would never end).
     */
    private Shape lazy(LoadNode node, List<RelationshipModel> above, List<String> rules) {
        RelationshipModel relationship = node.relationship;
        boolean toOne = relationship.direction() == Direction.MANY_TO_ONE;
        LoadNode loads = node.children.isEmpty() ? loading.planOf(relationship) : node;
        List<LoadNode> children = !node.children.isEmpty() ? node.children : above.contains(relationship) ? List.of()
                : loads.children.stream().filter(child -> Loaders.of(child.strategy).eager()).toList();
        if (!node.children.isEmpty()) {
            rules.add("the options below it are planned with the query, and load with it when it is touched");
        }
        if (!relationship.collection() && !toOne) {
            rules.add("a one-to-one seen from its parent: only a query tells whether its row exists, so each touch runs one");
        }
        int batch = 1;
        if (relationship.batchSize() > 1) {
            batch = relationship.batchSize();
            rules.add("@Relationship(batchSize = " + batch + "): a touch loads it for up to " + batch + " unloaded siblings from the same result");
        } else if (context.batchLazyLoads()) {
            batch = context.selectinBatchSize();
            rules.add("SessionOptions.batchLazyLoads: a touch loads it for up to " + batch
                    + " (selectinBatchSize) unloaded siblings from the same result");
        }
        if (batch == 1) {
            SecondaryStatement sql = ChildrenByKeys.compileOnly(loading, loads, 1);
            return new Shape(Growth.PER_TOUCH, toOne ? "targets not in the session" : "parents", 0, sql, children, false);
        }
        int perStatement = perStatement(loads, batch, rules);
        SecondaryStatement sql = ChildrenByKeys.compileOnly(loading, loads, Math.min(perStatement, 2));
        return new Shape(Growth.PER_BATCH_TOUCHED, toOne ? "targets not in the session" : "siblings", perStatement, sql, children, false);
    }

    /** Parents per statement: the batch, or fewer for a composite key's row values. */
    private int perStatement(LoadNode node, int batch, List<String> rules) {
        RelationshipModel relationship = node.relationship;
        int columns = relationship.direction() == Direction.MANY_TO_ONE ? node.entity.primaryKey().size() : relationship.remoteColumns().size();
        int perStatement = ChildrenByKeys.keysPerStatement(context.dialect(), batch, columns);
        if (perStatement < batch) {
            rules.add("a composite key binds a parameter per column and parent: at most " + perStatement + " parents a statement on "
                    + context.dialect().name());
        }
        return perStatement;
    }

    /**
     * The option that set {@code step} at {@code path}, as written up to that step; and the rule that keeps an earlier
     * option's batch size when a later one names the step again only to reach below it.
     */
    private String optionText(List<String> path, Load.Step step, List<String> rules) {
        String text = null;
        for (Load option : options) {
            if (!reaches(option, path)) {
                continue;
            }
            Load.Step own = option.path().get(path.size() - 1);
            if (own.equals(step) && text == null) {
                text = written(option, path.size());
            } else if (text != null && own.strategy() == step.strategy() && own.batchSize() == 0 && step.batchSize() > 0) {
                rules.add("the batch size of " + text + " holds: " + written(option, option.path().size())
                        + " names the step again only to reach below it");
            }
        }
        return text;
    }

    private static boolean reaches(Load option, List<String> path) {
        if (option.path().size() < path.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            if (!option.path().get(i).relationship().equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A strategy as its {@link Load} factory is named: {@code lazy} for {@code SELECT}. */
    private static String name(Lazy strategy) {
        return strategy == Lazy.SELECT ? "lazy" : strategy.name().toLowerCase(Locale.ROOT);
    }

    /** {@code Load.selectin("albums").thenSelectin("tracks")}: the first {@code steps} steps of an option. */
    private static String written(Load option, int steps) {
        StringBuilder text = new StringBuilder("Load");
        for (int i = 0; i < steps; i++) {
            Load.Step step = option.path().get(i);
            String strategy = name(step.strategy());
            text.append('.').append(i == 0 ? strategy : "then" + strategy.substring(0, 1).toUpperCase(Locale.ROOT) + strategy.substring(1));
            text.append("(\"").append(step.relationship()).append("\")");
            if (step.batchSize() > 0) {
                text.append(".batchSize(").append(step.batchSize()).append(')');
            }
        }
        return text.toString();
    }
}
