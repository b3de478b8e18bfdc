package dev.tenon.identity;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The objects of one entity produced by one query result, in row order: the siblings that a batched lazy
 * load fills together, and the group the N+1 detector counts lazy loads in.
 */
public final class ResultGroup {
    private List<InstanceState> members = new ChunkedList<>();
    private final Object origin;
    private final Object statement;
    /** The members as a set, built only when a member's own record cannot tell whether it is one already. */
    private Set<InstanceState> index;
    private boolean released;

    /**
     * A group for the result of the statement described by {@code origin}'s {@code toString()} (for messages, so
     * written only when one is); {@code statement} stands for that statement, shared by the groups of its other entities.
     */
    public ResultGroup(Object origin, Object statement) {
        this.origin = origin;
        this.statement = statement;
    }

    /**
     * Adds an object's state unless it is a member already; called by the assembler in row order, once per row.
     * Returns whether it was added.
     */
    public boolean add(InstanceState state) {
        Boolean news = state.producedIn(this);
        if (news == null) {
            if (index == null) {
                index = Collections.newSetFromMap(new IdentityHashMap<>());
                index.addAll(members);
            }
            news = !index.contains(state);
        }
        if (news) {
            members.add(state);
            if (index != null) {
                index.add(state);
            }
        }
        return news;
    }

    /** The members, in row order. */
    public List<InstanceState> members() {
        return members;
    }

    /**
     * Lets the members go: their session let every object go (or a stream moved past them), and an object that is
     * kept must not keep its whole result alive through its state. A released group has no members.
     */
    public void release() {
        members = new ChunkedList<>();
        index = null;
        released = true;
    }

    /** Whether {@link #release} was called. */
    boolean isReleased() {
        return released;
    }

    /** What produced the group, e.g. {@code "select Dept"}. */
    public String origin() {
        return String.valueOf(origin);
    }

    /** The statement the group belongs to. */
    Object statement() {
        return statement;
    }
}
