package dev.tenon.loading;

import dev.tenon.identity.InstanceState;
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
 * Joined eager loading: the relationship comes in the parents' own statement through a LEFT OUTER JOIN
 * (written by {@link QueryCompiler}), so a parent with N children spans N rows. Each row adds its child to the
 * parent's members once; when the rows are read, the collected members are assigned. One statement for the
 * whole graph: best for to-one references and small collections.
 */
final class JoinedLoader implements RelationshipLoader {
    @Override
    public void load(LoadContext context, LoadNode node, List<InstanceState> parents, Object statement, ParentSource source) {
        // Joined relationships are read row by row, while the parents' statement runs: see readRow.
    }

    /** Reads the joined relationships of {@code parent} from the current row, recursively. */
    static void readRow(ResultAssembler assembler, LoadNode node, InstanceState parent, ResultSet row, Rows rows) throws SQLException {
        for (LoadNode child : node.joined()) {
            Members members = rows.membersOf(parent, child);
            InstanceState state = assembler.read(child, row);
            if (state == null) {
                continue;
            }
            if (members != null) {
                members.add(state, assembler.lastWasNew());
            }
            readRow(assembler, child, state, row, rows);
        }
    }

    /**
     * One parent's members, in row order. A member the statement had not produced before cannot be in the list
     * yet; only one that comes again (rows repeated by a second joined collection) is looked up, in a set built
     * the first time that happens.
     */
    static final class Members {
        private final List<InstanceState> list = new ArrayList<>();
        private Set<InstanceState> index;

        void add(InstanceState state, boolean newToStatement) {
            if (!newToStatement) {
                if (index == null) {
                    index = Collections.newSetFromMap(new IdentityHashMap<>());
                    index.addAll(list);
                }
                if (!index.add(state)) {
                    return;
                }
            } else if (index != null) {
                index.add(state);
            }
            list.add(state);
        }
    }

    /** The members collected per parent and relationship while the rows are read. */
    static final class Rows {
        private final Map<LoadNode, Map<InstanceState, Members>> members = new LinkedHashMap<>();
        /** A parent whose relationship was loaded before this statement keeps it: it maps to this. */
        private static final Members SKIPPED = new Members();
        // The rows of one parent usually come together: the last answer is asked again first.
        private InstanceState lastParent;
        private LoadNode lastNode;
        private Members lastMembers;

        /** The parent's members so far; null when the parent's relationship was already loaded before this statement. */
        Members membersOf(InstanceState parent, LoadNode child) {
            if (parent != lastParent || child != lastNode) {
                Map<InstanceState, Members> byParent = members.computeIfAbsent(child, c -> new IdentityHashMap<>());
                Members found = byParent.get(parent);
                if (found == null) {
                    found = parent.isLoaded(child.relationship) ? SKIPPED : new Members();
                    byParent.put(parent, found);
                }
                lastParent = parent;
                lastNode = child;
                lastMembers = found;
            }
            return lastMembers == SKIPPED ? null : lastMembers;
        }

        void assign(LoadContext context) {
            members.forEach((node, byParent) -> byParent.forEach((parent, found) -> {
                if (found == SKIPPED) {
                    return;
                }
                List<Object> list = new ArrayList<>(found.list.size());
                found.list.forEach(member -> list.add(member.object()));
                Assign.members(parent, node.relationship, list);
            }));
        }
    }
}
