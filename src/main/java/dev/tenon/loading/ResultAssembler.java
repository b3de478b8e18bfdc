package dev.tenon.loading;

import dev.tenon.annotation.Lazy;
import dev.tenon.identity.InstanceState;
import dev.tenon.identity.ResultGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the object graph of one statement, row by row: the root entity of each row, then the entities its
 * joined relationships put in the same row. Once the rows are read, {@link #finish()} hands each relationship to
 * its strategy: joined collections are assigned, lazy stand-ins installed, selectin and subquery loads run.
 *
 * <p>This is the per-row path of every query, so it keeps per-row work to the objects themselves: each node's
 * distinct objects are its {@link ResultGroup}, which tells a repeated object by a field of its state rather than
 * a hash lookup, and the objects the statement built carry the statement's token.
 */
final class ResultAssembler {
    private final LoadContext context;
    private final LoadNode root;
    private final ParentSource source;
    private final Map<LoadNode, ResultGroup> groups = new LinkedHashMap<>();
    private final ResultGroup rootGroup;
    /** Stands for this statement: the states it builds and the groups it fills carry it. */
    private final Object statement = new Object();
    private final JoinedLoader.Rows joinedRows = new JoinedLoader.Rows();
    /** Each node's per-parent work (see {@link RelationshipLoader#processor}); made on first use. */
    private final Map<LoadNode, Processors> processors = new HashMap<>();
    private final RelationshipLoader.ParentProcessor[] rootProcessors;
    /** The distinct root objects, in row order: the result of a list query. */
    private final List<Object> rootObjects = new ArrayList<>();
    private final String origin;
    private boolean rootWasNew;
    private boolean lastWasNew;
    private final Object[] rootBuffer;
    private final Map<LoadNode, Object[]> buffers = new HashMap<>();

    ResultAssembler(LoadContext context, LoadNode root, ParentSource source, String origin) {
        this.context = context;
        this.root = root;
        this.source = source;
        this.origin = origin;
        this.rootGroup = group(root);
        this.rootProcessors = processorsOf(root);
        this.rootBuffer = new Object[root.entity.columns().size()];
    }

    /** Reads the current row; returns the root object's state. */
    InstanceState row(ResultSet row) throws SQLException {
        InstanceState state = EntityReader.read(row, root.entity, root.firstColumn, context.identityMap(), statement, buffer(root));
        boolean rootWasNew = state != null && rootGroup.add(state);
        if (state != null) {
            state.group(rootGroup);
            if (rootWasNew) {
                rootObjects.add(state.object());
                for (RelationshipLoader.ParentProcessor processor : rootProcessors) {
                    processor.parent(state);
                }
            }
            if (root.joined().length > 0) {
                JoinedLoader.readRow(this, root, state, row, joinedRows);
            }
        }
        this.rootWasNew = rootWasNew;
        return state;
    }

    /**
     * The array a row's values pass through on their way to an object's fields: one per node for the statement, since
     * nothing keeps it once the fields are set (the root's in a field, for the loop of a flat read).
     */
    private Object[] buffer(LoadNode node) {
        if (node == root) {
            return rootBuffer;
        }
        return buffers.computeIfAbsent(node, n -> new Object[n.entity.columns().size()]);
    }

    /** Whether the last row's root object is one the earlier rows of this statement did not produce. */
    boolean rootWasNew() {
        return rootWasNew;
    }

    /** Whether the object the last {@link #read} returned is one this statement had not produced before. */
    boolean lastWasNew() {
        return lastWasNew;
    }

    /** Reads one node's entity from the row and records it as produced by that node. */
    InstanceState read(LoadNode node, ResultSet row) throws SQLException {
        InstanceState state = EntityReader.read(row, node.entity, node.firstColumn, context.identityMap(), statement, buffer(node));
        if (state != null) {
            ResultGroup group = group(node);
            lastWasNew = group.add(state);
            state.group(group);
            if (lastWasNew) {
                for (RelationshipLoader.ParentProcessor processor : processorsOf(node)) {
                    processor.parent(state);
                }
            }
        }
        return state;
    }

    /** The processors of a node's children, by child, and all of them in an array for the row loop. */
    private record Processors(Map<LoadNode, RelationshipLoader.ParentProcessor> byChild, RelationshipLoader.ParentProcessor[] all) {
    }

    private RelationshipLoader.ParentProcessor[] processorsOf(LoadNode node) {
        Processors found = processors.get(node);
        if (found == null) {
            Map<LoadNode, RelationshipLoader.ParentProcessor> byChild = new LinkedHashMap<>();
            for (LoadNode child : node.children) {
                RelationshipLoader.ParentProcessor processor = Loaders.of(child.strategy).processor(context, child, statement);
                if (processor != null) {
                    byChild.put(child, processor);
                }
            }
            found = new Processors(byChild, byChild.values().toArray(RelationshipLoader.ParentProcessor[]::new));
            processors.put(node, found);
        }
        return found.all();
    }

    private ResultGroup group(LoadNode node) {
        ResultGroup group = groups.get(node);
        if (group == null) {
            group = new ResultGroup(node.relationship == null ? origin : origin + " -> " + node.relationship, statement);
            groups.put(node, group);
            context.identityMap().register(group);
        }
        return group;
    }

    /** How many distinct root objects the rows have produced so far. */
    int rootCount() {
        return rootGroup.members().size();
    }

    /** The distinct root objects' states, in row order. */
    List<InstanceState> roots() {
        return rootGroup.members();
    }

    /** The distinct root objects, in row order. */
    List<Object> rootObjects() {
        return rootObjects;
    }

    /** Lets the root objects' group go: a stream does so for each chunk it has moved past. */
    void releaseRoots() {
        rootGroup.release();
    }

    /** Assigns joined relationships and runs every other strategy for the parents of this statement. */
    void finish() {
        joinedRows.assign(context);
        for (Map.Entry<LoadNode, ResultGroup> entry : new ArrayList<>(groups.entrySet())) {
            LoadNode node = entry.getKey();
            List<InstanceState> parents = entry.getValue().members();
            if (parents.isEmpty()) {
                continue;
            }
            Processors nodeProcessors = processors.get(node);
            Map<LoadNode, RelationshipLoader.ParentProcessor> byChild = nodeProcessors == null ? Map.of() : nodeProcessors.byChild();
            for (LoadNode child : node.children) {
                RelationshipLoader.ParentProcessor processor = byChild.get(child);
                if (processor != null) {
                    processor.finish(parents);
                } else if (child.strategy != Lazy.JOINED) {
                    Loaders.of(child.strategy).load(context, child, parents, statement,
                            node == root ? source : ParentSource.NONE);
                }
            }
        }
    }
}
