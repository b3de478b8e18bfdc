package dev.tenon.identity;

import dev.tenon.api.Status;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;

/**
 * What a session knows of one object: its status and key, which columns the application changed since the row was
 * loaded or flushed (with the value each held before its first change: no copy of the row is kept), which
 * relationships are loaded and what they held, and the result it came from. The enhanced class reports every write
 * of a mapped field here ({@link Attributes}), which is how a flush knows what changed without comparing.
 */
public final class InstanceState {
    private final EntityModel entity;
    private final Object object;
    private Status status;
    /** The primary-key value (a list for a composite key); null while pending without a key. */
    private Object id;
    /**
     * The value each changed column held before its first change since the row was loaded or flushed, {@link #UNCHANGED}
     * for the others; null while no column changed, which is the case of almost every loaded object.
     */
    private Object[] originals;
    /** Whether the database values are known (loaded or flushed): otherwise a flush writes every column. */
    private boolean valuesKnown;
    /** Whether the identity map's list of changed states holds this state. */
    boolean changeListed;
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
    /**
     * Whether the map of {@link #holder} let this object go on its own (expunged, evicted, deleted): the state stays on
     * the object, so that a read of an unloaded relationship still finds it and raises rather than read null.
     */
    boolean removed;
    /** The statement that built this object, and the last result group that produced it: see {@link #producedIn}. */
    private Object createdBy;
    private ResultGroup lastProducedIn;

    /** In {@link #originals}: a column not changed. */
    private static final Object UNCHANGED = new Object();

    /** What an unloaded to-one relationship the application set to null is recorded as. */
    private static final Object CLEARED = new Object();

    /** What a loaded relationship that holds null is recorded as, where null means not loaded. */
    private static final Object NULL = new Object();

    /** Marker for a relationship that has not been loaded. */
    public static final Object NOT_LOADED = new Object() {
        @Override
        public String toString() {
            return "NOT_LOADED";
        }
    };

    /**
     * The state {@code object} carries ({@link Tracked}), whether or not a session still holds it; null without one.
     * Whether it is held is {@link IdentityMap#state}'s question.
     */
    public static InstanceState carriedBy(Object object) {
        return object instanceof Tracked tracked && tracked.tenon$state() instanceof InstanceState state ? state : null;
    }

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

    /** Changes its status; a deleted object is one a flush must visit. */
    public void status(Status value) {
        this.status = value;
        if (value == Status.DELETED) {
            markChanged();
        }
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

    /** Records that the object's fields hold what its row holds: nothing is changed. */
    public void valuesLoaded() {
        valuesKnown = true;
        originals = null;
        int[] inPlace = entity.inPlaceColumns();
        if (inPlace.length > 0) {
            // A byte[], a list or a JSON document changed in place calls no setter: a copy of what the row holds is
            // compared at each flush.
            originals = new Object[entity.columns().size()];
            java.util.Arrays.fill(originals, UNCHANGED);
            for (int position : inPlace) {
                ColumnModel column = entity.columns().get(position);
                originals[position] = column.type().snapshot(column.get(object));
            }
            markChanged();
        }
    }

    /** Whether every flush looks at this object, whose values can change without a setter (see {@link #valuesLoaded}). */
    public boolean changesInPlace() {
        return entity.inPlaceColumns().length > 0 && status == Status.PERSISTENT;
    }

    /**
     * Records that a column field is about to change from {@code oldValue}: the value it held before its first change
     * is kept, and the object joins its session's changed objects. Called by the enhanced class's setter.
     */
    public void columnWritten(int position, Object oldValue) {
        if (valuesKnown) {
            if (originals == null) {
                originals = new Object[entity.columns().size()];
                java.util.Arrays.fill(originals, UNCHANGED);
            }
            if (originals[position] == UNCHANGED) {
                originals[position] = oldValue;
            }
        }
        markChanged();
    }

    /** Adds the object to its session's changed objects, the only ones a flush visits; nothing when it has left. */
    public void markChanged() {
        IdentityMap.Epoch epoch = holder;
        if (epoch != null && epoch.current && !removed) {
            epoch.map.changed(this);
        }
    }

    /**
     * Whether column {@code position} differs from what the row holds: always true while the values are unknown;
     * false when the column was never written, or was written back to its value.
     */
    public boolean isChanged(int position) {
        if (!valuesKnown) {
            return true;
        }
        if (originals == null || originals[position] == UNCHANGED) {
            return false;
        }
        ColumnModel column = entity.columns().get(position);
        return !column.type().same(originals[position], column.get(object));
    }

    /** Whether the database values are known: loaded, flushed, or recorded when the object left a session. */
    public boolean valuesKnown() {
        return valuesKnown;
    }

    /**
     * The column values its row holds, as far as the session knows (the fields, with the changed columns' earlier
     * values), in column order; null when unknown.
     */
    public Object[] databaseValues() {
        if (!valuesKnown) {
            return null;
        }
        Object[] values = new Object[entity.columns().size()];
        entity.columnAccess().read(object, values);
        if (originals != null) {
            for (int i = 0; i < values.length; i++) {
                if (originals[i] != UNCHANGED) {
                    values[i] = originals[i];
                }
            }
        }
        return values;
    }

    /**
     * Records the values the row holds (as recorded when the object left a session), null when unknown: the columns
     * whose fields differ count as changed.
     */
    public void databaseValues(Object[] values) {
        originals = null;
        valuesKnown = values != null;
        if (values == null) {
            return;
        }
        Object[] current = new Object[values.length];
        entity.columnAccess().read(object, current);
        for (int i = 0; i < values.length; i++) {
            if (!entity.columns().get(i).type().same(values[i], current[i])) {
                if (originals == null) {
                    originals = new Object[values.length];
                    java.util.Arrays.fill(originals, UNCHANGED);
                }
                originals[i] = values[i];
            }
        }
    }

    /** What {@link #restoreChanges} takes back: the change record as it is now. */
    public Object saveChanges() {
        return new Object[] {valuesKnown, originals == null ? null : originals.clone()};
    }

    /** Puts back a change record saved by {@link #saveChanges}. */
    public void restoreChanges(Object saved) {
        Object[] record = (Object[]) saved;
        valuesKnown = (Boolean) record[0];
        originals = record[1] == null ? null : ((Object[]) record[1]).clone();
    }

    /**
     * What a relationship held when it was loaded or last flushed: the related object, or a copy of the
     * collection's members; {@link #NOT_LOADED} when it was never loaded.
     */
    public Object loaded(RelationshipModel relationship) {
        Object held = slot(relationship);
        return held instanceof Deferred || held == CLEARED ? NOT_LOADED : held;
    }

    private Object slot(RelationshipModel relationship) {
        Object held = loadedRelations;
        if (held == null) {
            return NOT_LOADED;
        }
        if (entity.relationships().size() == 1) {
            return held == NULL ? null : held;
        }
        return ((Object[]) held)[relationship.index()];
    }

    /** What loads this unloaded to-one relationship when it is first read, or null when it is not waiting for one. */
    public Deferred deferred(RelationshipModel relationship) {
        return slot(relationship) instanceof Deferred deferred ? deferred : null;
    }

    /** Records that a read of this to-one relationship loads it through {@code deferred}. */
    public void defer(RelationshipModel relationship, Deferred deferred) {
        loaded(relationship, deferred);
    }

    /**
     * Records that the application set this to-one relationship to null while it was not loaded, and the object it
     * referenced is not in the session: the flush clears the foreign key all the same.
     */
    public void clearedUnloaded(RelationshipModel relationship) {
        loaded(relationship, CLEARED);
    }

    /** Whether the application set this unloaded to-one relationship to null (see {@link #clearedUnloaded}). */
    public boolean isClearedUnloaded(RelationshipModel relationship) {
        return slot(relationship) == CLEARED;
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

    /** Whether any column differs from what its row holds; always true while the values are unknown. */
    public boolean isModified() {
        if (!valuesKnown) {
            return true;
        }
        for (int i = 0; originals != null && i < originals.length; i++) {
            if (isChanged(i)) {
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
        return java.util.Objects.deepEquals(a, b);
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
