package dev.tenon.query;

import dev.tenon.annotation.Lazy;
import dev.tenon.exception.TenonException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a query will load, explained before anything runs ({@link Query#explain()}): the tree of relationships, the
 * strategy of each and where it came from, how many statements each runs and how that number grows, and the SQL of
 * each statement. Nothing is executed to make it; its statements are compiled as the query would compile them.
 *
 * <pre>{@code
 * LoadPlan plan = session.select(Dept.class).options(Load.selectin("employees")).explain();
 * System.out.println(plan);
 * // Dept: the query; 1 statement
 * //   SELECT dept_1.deptno, dept_1.dname, dept_1.loc FROM scott.dept dept_1
 * //   employees: selectin, by the option Load.selectin("employees"); ⌈parents / 500⌉ statements
 * //     SELECT emp_1.empno, ... FROM scott.emp emp_1 WHERE emp_1.deptno = ANY(?) ORDER BY emp_1.empno
 * //     department, manager, reports: lazy, by the mapping; when touched
 * plan.predict(4);                                    // 2: the query, and one batch of 4 departments' employees
 * plan.statements(Map.of("employees", 4, "employees.reports", 14)); // and each employee's reports touched: 16
 * }</pre>
 *
 * <p>A plan is a value, read-only, and holds nothing of the session.
 *
 * @param root the queried entity's node, whose children are its relationships
 */
public record LoadPlan(Node root) {
    /** Where a relationship's strategy came from. */
    public enum Origin {
        /** The root: the query itself. */
        QUERY,
        /** The mapping's {@code @Relationship(lazy = ...)} (lazy, {@code SELECT}, when not written). */
        MAPPING,
        /** A loader option of the query ({@link Load}). */
        OPTION,
        /** A rule of the planner, which overrides the mapping (see {@link Node#rules()}). */
        RULE
    }

    /** How the number of a node's statements grows with what it counts ({@link Node#counted()}). */
    public enum Growth {
        /** One statement: the query, or a subquery load (none without parents). */
        ONE,
        /** None of its own: joined into its parents' statement, or never loaded (noload, raise). */
        NONE,
        /** One per batch of {@link Node#batchSize()}: {@code ⌈parents / n⌉}, after each statement of its parents. */
        PER_BATCH,
        /** One each time a parent's relationship is first touched. */
        PER_TOUCH,
        /** When touched, one per batch of siblings from the same result: {@code ⌈siblings / n⌉}. */
        PER_BATCH_TOUCHED,
        /** A query each time the relationship is read (dynamic). */
        PER_READ
    }

    /**
     * One node of the plan: the query's root, or a relationship reached from its parent node.
     *
     * @param path      the relationship path from the root ({@code "albums.tracks"}); {@code ""} for the root
     * @param entity    the entity the node loads
     * @param strategy  the strategy; null for the root
     * @param origin    where the strategy came from
     * @param source    the option as written, the mapping's setting, or the query; for {@link Origin#RULE}, the rule
     * @param rules     the planner's rules that apply to this node, each with its reason
     * @param growth    how its statements grow
     * @param counted   what its count depends on: {@code "parents"}, {@code "targets not in the session"}, ...
     * @param batchSize parents (or siblings) per statement for the batched growths, else 0
     * @param sql       the SQL of the statement it runs (each batch runs the same); empty when it runs none of its own
     * @param children  its relationships, as loaded with it (a lazy node's: those its load brings)
     */
    public record Node(String path, String entity, Lazy strategy, Origin origin, String source, List<String> rules,
                       Growth growth, String counted, int batchSize, List<String> sql, List<Node> children) {
        /** Copies the lists. */
        public Node {
            rules = List.copyOf(rules);
            sql = List.copyOf(sql);
            children = List.copyOf(children);
        }

        /** The last step of the path ({@code "tracks"}), or the entity for the root. */
        public String name() {
            return path.isEmpty() ? entity : path.substring(path.lastIndexOf('.') + 1);
        }

        /** Whether the node's statements come with the query (eager), rather than when touched or read. */
        public boolean eager() {
            return growth == Growth.ONE || growth == Growth.PER_BATCH || strategy == Lazy.JOINED;
        }

        /** How the number of statements grows, as printed: {@code "⌈parents / 500⌉ statements"}. */
        public String statements() {
            switch (growth) {
                case ONE:
                    return "1 statement";
                case NONE:
                    return strategy == Lazy.JOINED ? "no statement of its own: in its parents' statement" : "0 statements";
                case PER_BATCH:
                    return "⌈" + counted + " / " + batchSize + "⌉ statements";
                case PER_TOUCH:
                    return counted + " when touched";
                case PER_BATCH_TOUCHED:
                    return "⌈" + counted + " / " + batchSize + "⌉ when touched";
                default:
                    return "a query when read";
            }
        }
    }

    /**
     * A predicted number of statements: exact, or a range when a batched load sits below a load that may run several
     * statements, since it runs again after each of them and how its parents spread over them is the data's business.
     *
     * @param least the fewest statements
     * @param most  the most statements
     */
    public record Prediction(int least, int most) {
        /** Whether the prediction is one number. */
        public boolean exact() {
            return least == most;
        }

        @Override
        public String toString() {
            return exact() ? Integer.toString(least) : least + " to " + most;
        }
    }

    /** The plan of a single statement, as a projection is: one root, no relationships. */
    public static LoadPlan single(String entity, String sql) {
        return new LoadPlan(new Node("", entity, null, Origin.QUERY, "the query", List.of(), Growth.ONE, "", 0, List.of(sql), List.of()));
    }

    /** The node at a relationship path ({@code "albums.tracks"}; {@code ""} for the root). */
    public Node node(String path) {
        Node found = nodes().get(path);
        if (found == null) {
            throw new TenonException("The load plan of " + root.entity + " has no path '" + path + "'; its paths are " + nodes().keySet());
        }
        return found;
    }

    /** Every node by its path, root first, depth first. */
    public Map<String, Node> nodes() {
        Map<String, Node> nodes = new LinkedHashMap<>();
        collect(root, nodes);
        return nodes;
    }

    private static void collect(Node node, Map<String, Node> nodes) {
        nodes.put(node.path, node);
        node.children.forEach(child -> collect(child, nodes));
    }

    /**
     * The statements of the simple case: {@code parents} root objects, each relationship of the first level loaded for
     * all of them (a lazy one touched on each), nothing touched below. A query of 4 departments with
     * {@code Load.selectin("employees")}: 2.
     *
     * @throws TenonException when a level below the first loads with the query: its parents must be given, with
     *                        {@link #statements(Map)}
     */
    public int predict(int parents) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> deeper = new ArrayList<>();
        for (Node child : root.children) {
            counts.put(child.path, parents);
            if (child.eager()) {
                child.children.forEach(below -> needingCounts(below, deeper));
            }
        }
        if (!deeper.isEmpty()) {
            throw new TenonException("predict(" + parents + ") counts the first level only, and " + deeper + " load with the query too: "
                    + "give the parents of each level with statements(Map.of(\"" + root.children.get(0).path + "\", n, \"" + deeper.get(0)
                    + "\", m, ...))");
        }
        return statements(counts).least();
    }

    private static void needingCounts(Node node, List<String> paths) {
        if (node.eager()) {
            if (node.strategy != Lazy.JOINED) {
                paths.add(node.path);
            }
            node.children.forEach(child -> needingCounts(child, paths));
        }
    }

    /**
     * The statements the query runs, predicted from what each relationship path counts ({@link Node#counted()}): for
     * an eager load its parents with a key and without it loaded yet (the objects of the level above), for a lazy one
     * the parents whose relationship is touched, for a many-to-one the distinct targets the session does not hold,
     * for a dynamic one the reads. The root counts 1. A path not given counts 0 when it loads only when touched or read,
     * or lies below one that does.
     *
     * @param counts the number each path counts, by path ({@code "albums"}, {@code "albums.tracks"})
     * @throws TenonException when a path is not in the plan, or an eagerly loaded path is not given
     */
    public Prediction statements(Map<String, Integer> counts) {
        Map<String, Node> nodes = nodes();
        TreeSet<String> unknown = new TreeSet<>(counts.keySet());
        unknown.removeAll(nodes.keySet());
        if (!unknown.isEmpty()) {
            throw new TenonException("statements(...): the load plan of " + root.entity + " has no path " + unknown + "; its paths are "
                    + nodes.keySet().stream().filter(path -> !path.isEmpty()).toList());
        }
        List<String> missing = new ArrayList<>();
        int[] total = {1, 1};
        for (Node child : root.children) {
            count(child, new Prediction(1, 1), true, counts, missing, total);
        }
        if (!missing.isEmpty()) {
            throw new TenonException("statements(...): " + missing + " load with the query, and their statements depend on their parents: "
                    + "give how many, e.g. Map.of(\"" + missing.get(0) + "\", 14)");
        }
        return new Prediction(total[0], total[1]);
    }

    /** Adds {@code node}'s statements to {@code total}; {@code withQuery}: every node above it loads with the query. */
    private static void count(Node node, Prediction above, boolean withQuery, Map<String, Integer> counts, List<String> missing,
                              int[] total) {
        Integer given = counts.get(node.path);
        if (given == null && withQuery && (node.growth == Growth.ONE || node.growth == Growth.PER_BATCH)) {
            missing.add(node.path);
        }
        int n = given == null ? 0 : given;
        if (n < 0) {
            throw new TenonException("statements(...): the count of '" + node.path + "' is " + n + "; counts are 0 or more");
        }
        Prediction own;
        switch (node.growth) {
            case ONE:
                own = n == 0 ? new Prediction(0, 0) : new Prediction(1, 1);
                break;
            case PER_BATCH:
            case PER_BATCH_TOUCHED:
                // After each statement above, its own parents are batched anew: one more statement at most per extra one.
                int batches = (n + node.batchSize - 1) / node.batchSize;
                own = new Prediction(batches, Math.min(n, batches + Math.max(0, above.most - 1)));
                break;
            case PER_TOUCH:
            case PER_READ:
                own = new Prediction(n, n);
                break;
            default:
                own = new Prediction(0, 0);
        }
        total[0] += own.least;
        total[1] += own.most;
        // A joined node's children come with the statement its own rows come with.
        Prediction statementsAbove = node.strategy == Lazy.JOINED ? above : own;
        for (Node child : node.children) {
            count(child, statementsAbove, withQuery && node.eager(), counts, missing, total);
        }
    }

    /** The tree without the SQL: each relationship, its strategy and origin, and how its statements grow. */
    public String outline() {
        return LoadPlanText.render(this, false);
    }

    /**
     * The tree, one relationship a line with its strategy, where that came from, and how its statements grow; under
     * it the rules that apply and the SQL of its statement. Lazy relationships the mapping leaves lazy below the first
     * level are summed up on one line per parent.
     */
    @Override
    public String toString() {
        return LoadPlanText.render(this, true);
    }
}
