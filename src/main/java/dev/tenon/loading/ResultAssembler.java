package dev.tenon.loading;

import dev.tenon.annotation.Lazy;
import dev.tenon.identity.InstanceState;
import dev.tenon.identity.ResultGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the object graph of one statement, row by row: the root entity of each row, then the entities its
 * joined relationships put in the same row. Once the rows are read, {@link #finish()} hands each relationship to
 * its strategy: joined collections are assigned, lazy stand-ins installed, selectin and subquery loads run.
 */
final class ResultAssembler {
    private final LoadContext context;
    private final LoadNode root;
    private final ParentSource source;
    private final Map<LoadNode, Map<InstanceState, Boolean>> produced = new LinkedHashMap<>();
    private final Map<LoadNode, ResultGroup> groups = new IdentityHashMap<>();
    private final Set<InstanceState> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
    private final JoinedLoader.Rows joinedRows = new JoinedLoader.Rows();
    private final String origin;

    ResultAssembler(LoadContext context, LoadNode root, ParentSource source, String origin) {
        this.context = context;
        this.root = root;
        this.source = source;
        this.origin = origin;
    }

    /** Reads the current row; returns the root object's state. */
    InstanceState row(ResultSet row) throws SQLException {
        InstanceState state = read(root, row);
        if (state != null) {
            JoinedLoader.readRow(this, root, state, row, joinedRows);
        }
        return state;
    }

    /** Reads one node's entity from the row and records it as produced by that node. */
    InstanceState read(LoadNode node, ResultSet row) throws SQLException {
        InstanceState state = EntityReader.read(row, node.entity, node.firstColumn, context.identityMap(), fresh::add);
        if (state != null) {
            Map<InstanceState, Boolean> states = produced.computeIfAbsent(node, n -> new LinkedHashMap<>());
            if (states.putIfAbsent(state, Boolean.TRUE) == null) {
                group(node).add(state);
                state.group(group(node));
            }
        }
        return state;
    }

    private ResultGroup group(LoadNode node) {
        return groups.computeIfAbsent(node, n -> new ResultGroup(n.relationship == null ? origin : origin + " -> " + n.relationship));
    }

    /** How many distinct root objects the rows have produced so far. */
    int rootCount() {
        Map<InstanceState, Boolean> roots = produced.get(root);
        return roots == null ? 0 : roots.size();
    }

    /** The distinct root objects, in row order. */
    List<InstanceState> roots() {
        return new ArrayList<>(produced.getOrDefault(root, Map.of()).keySet());
    }

    /** Assigns joined relationships and runs every other strategy for the parents of this statement. */
    void finish() {
        joinedRows.assign(context);
        for (Map.Entry<LoadNode, Map<InstanceState, Boolean>> entry : new ArrayList<>(produced.entrySet())) {
            LoadNode node = entry.getKey();
            List<InstanceState> parents = new ArrayList<>(entry.getValue().keySet());
            for (LoadNode child : node.children) {
                if (child.strategy != Lazy.JOINED) {
                    RelationshipLoader.forStrategy(child.strategy).load(context, child, parents, fresh,
                            node == root ? source : ParentSource.NONE);
                }
            }
        }
    }

    /** Whether the state was built by this statement. */
    boolean isFresh(InstanceState state) {
        return fresh.contains(state);
    }
}
