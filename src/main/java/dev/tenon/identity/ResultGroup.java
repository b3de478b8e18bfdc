package dev.tenon.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * The objects of one entity produced by one query result, in row order: the siblings that a batched lazy
 * load fills together, and the group the N+1 detector counts lazy loads in.
 */
public final class ResultGroup {
    private final List<InstanceState> members = new ArrayList<>();
    private final String origin;

    /** A group for the result of the statement described by {@code origin} (for messages). */
    public ResultGroup(String origin) {
        this.origin = origin;
    }

    /** Adds an object's state; called by the assembler in row order. */
    public void add(InstanceState state) {
        members.add(state);
    }

    /** The members, in row order. */
    public List<InstanceState> members() {
        return members;
    }

    /** What produced the group, e.g. {@code "select Dept"}. */
    public String origin() {
        return origin;
    }
}
