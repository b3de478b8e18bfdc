package dev.tenon.identity;

import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;

/**
 * What a session knows of one object: its status and key, the column values as last loaded or flushed
 * (the snapshot dirty checking compares against), which relationships are loaded and what they held, and the
 * result it came from.
 */
public final class InstanceState {
    private final EntityModel entity;
    private final Object object;
    private Status status;
    /** The primary-key value (a list for a composite key); null while pending without a key. */
    private Object id;
    private Object[] snapshot;
    /**
     * What each relationship held when loaded, by index, in an array; null until the first one is loaded (most never
     * are). For an entity with one relationship, its value itself ({@link #NULL} for null).
     */
    private Object loadedRelations;
    private ResultGroup group;
    private long sequence = -1;
    private boolean reattached;
    /** Whether the identity map's ordered list holds this state (see {@link IdentityMap}). */
    boolean listed;
    /**
     * For a {@link Tracked} object: the epoch of the identity map that took it last. The map holds the object while
     * the object carries this state and that epoch is the map's current one.
     */
    IdentityMap.Epoch holder;
    /** The statement that built this object, and the last result group that produced it: see {@link #producedIn}. */
    private Object createdBy;
    private ResultGroup lastProducedIn;

    /** What a loaded relationship that holds null is recorded as, where null means not loaded. */
    private static final Object NULL = new Object();

    /** Marker for a relationship that has not been loaded. */
    public static final Object NOT_LOADED = new Object() {
        @Override
        public String toString() {
            return "NOT_LOADED";
        }
    };

    /** A state for {@code object}, with every relationship not yet loaded. */
    public InstanceState(EntityModel entity, Object object, Status status) {
        this.entity = entity;
        this.object = object;
        this.status = status;
    }

    /** The object's entity. */
    public EntityModel entity() {
        return entity;
    }

    /** The object itself. */
    public Object object() {
        return object;
    }

    /** Its status. */
    public Status status() {
        return status;
    }

    /** Changes its status. */
    public void status(Status value) {
        this.status = value;
    }

    /** Its identity, or null while pending without a key. */
    public EntityKey key() {
        return id == null ? null : new EntityKey(entity, id);
    }

    /** Sets its identity (null: none). */
    public void key(EntityKey value) {
        this.id = value == null ? null : value.id();
    }

    /** Its primary-key value (an immutable list for a composite key), or null while pending without a key. */
    public Object id() {
        return id;
    }

    /** Sets its primary-key value; loading sets it so, without a key object per row. */
    public void id(Object value) {
        this.id = value;
    }

    /** The column values as last loaded or written, in column order; null while pending. */
    public Object[] snapshot() {
        return snapshot;
    }

    /** Records the column values as they are in the database now. */
    public void snapshot(Object[] values) {
        this.snapshot = values;
    }

    /** Takes the snapshot from the object's current field values. */
    public void snapshotFromObject() {
        Object[] values = new Object[entity.columns().size()];
        entity.columnAccess().read(object, values);
        this.snapshot = values;
    }

    /**
     * What a relationship held when it was loaded or last flushed: the related object, or a copy of the
     * collection's members; {@link #NOT_LOADED} when it was never loaded.
     */
    public Object loaded(RelationshipModel relationship) {
        Object held = loadedRelations;
        if (held == null) {
            return NOT_LOADED;
        }
        if (entity.relationships().size() == 1) {
            return held == NULL ? null : held;
        }
        return ((Object[]) held)[relationship.index()];
    }

    /** Records what a relationship holds in the database now. */
    public void loaded(RelationshipModel relationship, Object value) {
        int relationships = entity.relationships().size();
        if (relationships == 1) {
            // The common entity with one relationship keeps its value here, without an array per object.
            loadedRelations = value == NOT_LOADED ? null : value == null ? NULL : value;
            return;
        }
        if (loadedRelations == null) {
            if (value == NOT_LOADED) {
                return;
            }
            Object[] values = new Object[relationships];
            java.util.Arrays.fill(values, NOT_LOADED);
            loadedRelations = values;
        }
        ((Object[]) loadedRelations)[relationship.index()] = value;
    }

    /** Whether a relationship has been loaded (or set by a flush). */
    public boolean isLoaded(RelationshipModel relationship) {
        return loaded(relationship) != NOT_LOADED;
    }

    /**
     * Whether the object was added back to a session after leaving one: what its collections hold in the database
     * is unknown until they are loaded or flushed, so a flush adds their members without removing any.
     */
    public boolean reattached() {
        return reattached;
    }

    /** Marks the object as added back after leaving a session. */
    public void markReattached() {
        this.reattached = true;
    }

    /** The result this object came from, or null. */
    public ResultGroup group() {
        return group;
    }

    /** Records the result this object came from (the first one that produced it). */
    public void group(ResultGroup value) {
        if (group == null) {
            this.group = value;
        }
    }

    /** Records that {@code statement} (a token of the loading code's) built this object. */
    public void createdBy(Object statement) {
        this.createdBy = statement;
    }

    /** Whether {@code statement} built this object (rather than finding it in the identity map). */
    public boolean isCreatedBy(Object statement) {
        return createdBy == statement;
    }

    /**
     * Records that {@code group} produced this object and says whether that is news: false when the group was the
     * last to produce it, null when unknown (another group produced it since, so the caller must look it up).
     * Loading asks this for every row; a field compare spares a hash lookup per row in the common case.
     */
    public Boolean producedIn(ResultGroup group) {
        if (lastProducedIn == group) {
            return Boolean.FALSE;
        }
        boolean first = lastProducedIn == null || lastProducedIn.statement() != group.statement();
        lastProducedIn = group;
        return first ? Boolean.TRUE : null;
    }

    /** Forgets the result group, so that the object is no longer part of a batch. */
    public void leaveGroup() {
        this.group = null;
    }

    /** Whether any column differs from the snapshot; always true without one. */
    public boolean isModified() {
        if (snapshot == null) {
            return true;
        }
        Object[] current = new Object[snapshot.length];
        entity.columnAccess().read(object, current);
        for (int i = 0; i < current.length; i++) {
            if (!sameValue(snapshot[i], current[i])) {
                return true;
            }
        }
        return false;
    }

    /** Equality for dirty checking: BigDecimal by value (2850.00 equals 2850.0), arrays by content. */
    public static boolean sameValue(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        return a.equals(b);
    }

    /** The order in which the session first saw this object: flushes write in that order. */
    public long sequence() {
        return sequence;
    }

    void sequence(long value) {
        if (sequence < 0) {
            sequence = value;
        }
    }

    @Override
    public String toString() {
        return entity.name() + (id == null ? "" : "#" + id) + " " + status;
    }
}
