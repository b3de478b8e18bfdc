package dev.tenon.loading;

import dev.tenon.annotation.Lazy;
import dev.tenon.identity.InstanceState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joined eager loading: the relationship comes in the parents' own statement through a LEFT OUTER JOIN
 * (written by {@link QueryCompiler}), so a parent with N children spans N rows. Each row adds its child to the
 * parent's members once; when the rows are read, the collected members are assigned. One statement for the
 * whole graph: best for to-one references and small collections.
 */
final class JoinedLoader implements RelationshipLoader {
    @Override
    public void load(LoadContext context, LoadNode node, List<InstanceState> parents, Set<InstanceState> fresh, ParentSource source) {
        // Joined relationships are read row by row, while the parents' statement runs: see readRow.
    }

    /** Reads the joined relationships of {@code parent} from the current row, recursively. */
    static void readRow(ResultAssembler assembler, LoadNode node, InstanceState parent, ResultSet row, Rows rows) throws SQLException {
        for (LoadNode child : node.children) {
            if (child.strategy != Lazy.JOINED) {
                continue;
            }
            Map<InstanceState, Boolean> members = rows.membersOf(parent, child);
            InstanceState state = assembler.read(child, row);
            if (state == null) {
                continue;
            }
            if (members != null) {
                members.putIfAbsent(state, Boolean.TRUE);
            }
            readRow(assembler, child, state, row, rows);
        }
    }

    /** The members collected per parent and relationship while the rows are read. */
    static final class Rows {
        private final Map<LoadNode, Map<InstanceState, Map<InstanceState, Boolean>>> members = new LinkedHashMap<>();
        private final Map<LoadNode, Map<InstanceState, Boolean>> skipped = new IdentityHashMap<>();

        /** The parent's members so far; null when the parent's relationship was already loaded before this statement. */
        Map<InstanceState, Boolean> membersOf(InstanceState parent, LoadNode child) {
            Map<InstanceState, Map<InstanceState, Boolean>> byParent = members.computeIfAbsent(child, c -> new IdentityHashMap<>());
            Map<InstanceState, Boolean> found = byParent.get(parent);
            if (found != null) {
                return found;
            }
            Map<InstanceState, Boolean> skippedParents = skipped.computeIfAbsent(child, c -> new IdentityHashMap<>());
            if (skippedParents.containsKey(parent)) {
                return null;
            }
            if (parent.isLoaded(child.relationship)) {
                skippedParents.put(parent, Boolean.TRUE);
                return null;
            }
            Map<InstanceState, Boolean> created = new LinkedHashMap<>();
            byParent.put(parent, created);
            return created;
        }

        void assign(LoadContext context) {
            members.forEach((node, byParent) -> byParent.forEach((parent, found) -> {
                List<Object> list = new ArrayList<>(found.size());
                found.keySet().forEach(member -> list.add(member.object()));
                Assign.members(parent, node.relationship, list);
            }));
        }
    }
}
