package dev.tenon.loading;

import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Select;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Joined eager loading, all of it: the relationship comes in the parents' own statement through a LEFT OUTER JOIN
 * ({@link #shape}), so a parent with N children spans N rows. Each row adds its child to the parent's members once
 * ({@link #rows}); when the rows are read, the collected members are assigned. One statement for the whole graph:
 * best for to-one references and small collections. A joined collection repeats its parent over rows, so a LIMIT
 * on the query must count parents (the compiler then nests the parent query), and a stream cannot cut its rows
 * into chunks of whole parents.
 */
final class JoinedLoader implements RelationshipLoader {
    @Override
    public boolean eager() {
        return true;
    }

    /**
     * The join and the columns of the relationship, then those of the joins below it. An inner join is used only
     * for a mandatory many-to-one whose parent is itself reached by inner joins: under an outer join it would drop
     * parents.
     */
    @Override
    public void shape(Shaping statement, LoadNode parent, LoadNode node) {
        RelationshipModel relationship = node.relationship;
        Select select = statement.select();
        String parentAlias = statement.aliasOf(parent);
        boolean inner = statement.innerReached(parent) && relationship.direction() == Direction.MANY_TO_ONE
                && relationship.foreignKey().mandatory();
        String alias = statement.alias(node.entity.table().name());
        if (relationship.direction() == Direction.MANY_TO_MANY) {
            String link = statement.alias(relationship.secondary().name());
            select.join(true, new FromItem.TableRef(relationship.secondary(), link),
                    Expression.joinOn(parentAlias, relationship.ownerColumns(), link, relationship.remoteColumns()));
            select.join(true, new FromItem.TableRef(node.entity.table(), alias), Expression.joinOn(link,
                    relationship.secondaryForeignKey().columns(), alias, relationship.secondaryForeignKey().targetColumns()));
        } else {
            select.join(!inner, new FromItem.TableRef(node.entity.table(), alias),
                    Expression.joinOn(parentAlias, relationship.ownerColumns(), alias, relationship.remoteColumns()));
        }
        statement.read(node, alias, inner);
    }

    /** A collection, or anything joined below the relationship that repeats it. */
    @Override
    public boolean repeatsParents(LoadNode node, Predicate<LoadNode> below) {
        return node.relationship.collection() || node.children.stream().anyMatch(below);
    }

    @Override
    public String streamRefusal(LoadNode node, Predicate<LoadNode> repeats) {
        if (!repeats.test(node)) {
            return null;
        }
        return (node.relationship.collection() ? "a joined collection" : "a joined collection below it")
                + " spreads a parent over rows, and a chunk of the stream does not hold all of them";
    }

    @Override
    public Rows rows(Loading loading, LoadNode node, RowReader reader, ParentSource source) {
        return new Members(node, reader);
    }

    /**
     * The members collected per parent while the rows are read, in row order. A member the statement had not produced
     * before cannot be in a parent's list yet; only one that comes again (rows repeated by a second joined collection)
     * is looked up, in a set built the first time that happens.
     */
    private static final class Members implements Rows {
        private final LoadNode node;
        private final RowReader reader;
        private final Map<InstanceState, List<InstanceState>> byParent = new IdentityHashMap<>();
        private final Map<InstanceState, Set<InstanceState>> indexes = new IdentityHashMap<>();
        /** A parent whose relationship was loaded before this statement keeps it: it maps to this. */
        private static final List<InstanceState> SKIPPED = List.of();
        // The rows of one parent usually come together: the last answer is asked again first.
        private InstanceState lastParent;
        private List<InstanceState> lastMembers;

        Members(LoadNode node, RowReader reader) {
            this.node = node;
            this.reader = reader;
        }

        @Override
        public void row(InstanceState parent, boolean newParent, ResultSet row) throws SQLException {
            List<InstanceState> members = membersOf(parent);
            InstanceState member = reader.read(node, row);
            if (member == null || members == SKIPPED) {
                return;
            }
            if (reader.lastWasNew()) {
                Set<InstanceState> index = indexes.get(parent);
                if (index != null) {
                    index.add(member);
                }
                members.add(member);
                return;
            }
            Set<InstanceState> index = indexes.get(parent);
            if (index == null) {
                index = Collections.newSetFromMap(new IdentityHashMap<>());
                index.addAll(members);
                indexes.put(parent, index);
            }
            if (index.add(member)) {
                members.add(member);
            }
        }

        private List<InstanceState> membersOf(InstanceState parent) {
            if (parent != lastParent) {
                List<InstanceState> found = byParent.get(parent);
                if (found == null) {
                    found = parent.isLoaded(node.relationship) ? SKIPPED : new ArrayList<>();
                    byParent.put(parent, found);
                }
                lastParent = parent;
                lastMembers = found;
            }
            return lastMembers;
        }

        @Override
        public void finish(List<InstanceState> parents) {
            byParent.forEach((parent, members) -> {
                if (members == SKIPPED) {
                    return;
                }
                List<Object> objects = new ArrayList<>(members.size());
                members.forEach(member -> objects.add(member.object()));
                Assign.members(parent, node.relationship, objects);
            });
        }
    }
}
