package dev.tenon.loading;

import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.identity.ResultGroup;
import dev.tenon.metadata.EntityModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One execution of a compiled statement (Ebean's "load" beside its cached "plan"): builds the object graph of the
 * statement row by row, and carries each strategy's work on it. The root entity of each row is read through the
 * identity map, then every strategy of the root's relationships sees the row ({@link RelationshipLoader.Rows#row});
 * joined loading reads its own entity from it, which hands the row on in turn. Once the rows are read,
 * {@link #finish()} lets each strategy finish: joined members assigned, selectin and subquery loads run.
 *
 * <p>This is the per-row path of every query, so it keeps per-row work to the objects themselves: each node's
 * distinct objects are its {@link ResultGroup}, which tells a repeated object by a field of its state rather than
 * a hash lookup, and the objects the statement built carry the statement's token.
 */
final class ResultAssembler implements RowReader {
    private final Loading loading;
    private final IdentityMap identityMap;
    private final Layout layout;
    private final ParentSource source;
    private final Object origin;
    /** Stands for this statement: the states it builds and the groups it fills carry it. */
    private final Object token = new Object();
    /** Each node's share of the execution, in the order the rows first reached it. */
    private final Map<LoadNode, NodeRun> runs = new IdentityHashMap<>();
    private final List<NodeRun> order = new ArrayList<>();
    private final LoadNode rootNode;
    private final NodeRun root;
    /** The distinct root objects, in row order: the result of a list query. */
    private final List<Object> rootObjects = new ArrayList<>();
    private boolean rootWasNew;
    private boolean lastWasNew;
    private LoadNode lastNode;
    private NodeRun lastRun;

    /** One node's share: where its columns are, its distinct objects, and its children's strategies. */
    private final class NodeRun {
        final LoadNode node;
        final int firstColumn;
        final ResultGroup group;
        /** The row's values on their way to an object's fields: nothing keeps it once the fields are set. */
        final Object[] buffer;
        final RelationshipLoader.Rows[] all;
        /** Those of {@link #all} with work on each row, for the row loop. */
        final RelationshipLoader.Rows[] perRow;
        private Object lastId;
        private InstanceState lastState;
        /** Whether the node's rows are distinct objects the identity map did not hold (see {@link Layout#distinctRoots}). */
        final boolean distinct;

        NodeRun(LoadNode node) {
            this.node = node;
            this.firstColumn = layout.firstColumn(node);
            this.distinct = node == rootNode && layout.distinctRoots(node) && identityMap.size() == 0;
            this.group = new ResultGroup(node == rootNode ? origin : new Below(origin, node.relationship), token);
            identityMap.register(group);
            this.buffer = new Object[node.entity.columns().size()];
            List<RelationshipLoader.Rows> rows = new ArrayList<>(node.children.size());
            List<RelationshipLoader.Rows> perRow = new ArrayList<>(node.children.size());
            for (LoadNode child : node.children) {
                RelationshipLoader.Rows work = Loaders.of(child.strategy).rows(loading, child, ResultAssembler.this,
                        node == rootNode ? source : ParentSource.NONE);
                rows.add(work);
                if (work.readsRows()) {
                    perRow.add(work);
                }
            }
            this.all = rows.toArray(RelationshipLoader.Rows[]::new);
            this.perRow = perRow.toArray(RelationshipLoader.Rows[]::new);
        }

        /**
         * Reads the node's object from the row and hands the row to its children's strategies. Rows of one object
         * usually follow each other (a parent over its joined children): the object of the row before is taken again
         * without asking the identity map.
         */
        InstanceState read(ResultSet row) throws SQLException {
            Object id = EntityReader.key(row, node.entity, firstColumn);
            if (id == null) {
                lastWasNew = false;
                return null;
            }
            InstanceState state;
            boolean isNew;
            if (id.equals(lastId)) {
                state = lastState;
                isNew = false;
            } else {
                state = distinct ? EntityReader.create(row, node.entity, firstColumn, id, identityMap, false, token, buffer)
                        : EntityReader.read(row, node.entity, firstColumn, id, identityMap, token, buffer);
                isNew = group.add(state);
                state.group(group);
                lastId = id;
                lastState = state;
            }
            for (RelationshipLoader.Rows work : perRow) {
                work.row(state, isNew, row);
            }
            lastWasNew = isNew;
            return state;
        }
    }

    /** What a group below the root came from, written only when a message needs it: {@code select Dept -> Dept.employees}. */
    private record Below(Object origin, Object relationship) {
        @Override
        public String toString() {
            return origin + " -> " + relationship;
        }
    }

    /** What the statement's root group came from, written only when a message needs it: {@code load Dept.employees}. */
    record Origin(String verb, Object subject) {
        @Override
        public String toString() {
            return verb + " " + subject;
        }
    }

    ResultAssembler(Loading loading, LoadNode root, Layout layout, ParentSource source, Object origin) {
        this.loading = loading;
        this.identityMap = loading.context().identityMap();
        this.layout = layout;
        this.source = source;
        this.origin = origin;
        this.rootNode = root;
        this.root = run(root);
    }

    private NodeRun run(LoadNode node) {
        NodeRun run = runs.get(node);
        if (run == null) {
            run = new NodeRun(node);
            runs.put(node, run);
            order.add(run);
        }
        return run;
    }

    /** Reads the current row; returns the root object's state. */
    InstanceState row(ResultSet row) throws SQLException {
        InstanceState state = root.read(row);
        rootWasNew = lastWasNew;
        if (rootWasNew) {
            rootObjects.add(state.object());
        }
        return state;
    }

    @Override
    public InstanceState read(LoadNode node, ResultSet row) throws SQLException {
        // A joined strategy reads the same node on every row: the last node's run is asked again first.
        NodeRun run = node == lastNode ? lastRun : run(node);
        lastNode = node;
        lastRun = run;
        return run.read(row);
    }

    @Override
    public boolean reads(EntityModel entity) {
        return layout.nodesOf(entity) > 0;
    }

    @Override
    public int columnOf(LoadNode node) {
        return layout.columnOf(node);
    }

    @Override
    public boolean lastWasNew() {
        return lastWasNew;
    }

    @Override
    public Object token() {
        return token;
    }

    /** Whether the last row's root object is one the earlier rows of this statement did not produce. */
    boolean rootWasNew() {
        return rootWasNew;
    }

    /** How many distinct root objects the rows have produced so far. */
    int rootCount() {
        return root.group.members().size();
    }

    /** The distinct root objects' states, in row order. */
    List<InstanceState> roots() {
        return root.group.members();
    }

    /** The distinct root objects, in row order. */
    List<Object> rootObjects() {
        return rootObjects;
    }

    /** Lets the root objects' group go: a stream does so for each chunk it has moved past. */
    void releaseRoots() {
        root.group.release();
    }

    /** Lets every strategy finish its work on the statement, node by node in the order the rows reached them. */
    void finish() {
        for (int i = 0; i < order.size(); i++) {
            NodeRun run = order.get(i);
            List<InstanceState> parents = run.group.members();
            if (parents.isEmpty()) {
                continue;
            }
            for (RelationshipLoader.Rows work : run.all) {
                work.finish(parents);
            }
        }
    }
}
