package dev.tenon.metadata;

import dev.tenon.annotation.Cascade;
import dev.tenon.annotation.Lazy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A resolved relationship: which entities it links, through which foreign key, in which direction,
 * whether it holds a collection, and how it loads by default. Frozen before {@link Metadata} is published.
 */
public final class RelationshipModel {
    /** Which side of the foreign key the owner stands on. */
    public enum Direction {
        /** The target's rows reference the owner ({@code Dept.employees}). */
        ONE_TO_MANY,
        /** The owner's row references the target ({@code Emp.department}). */
        MANY_TO_ONE,
        /** Through an association table referencing both. */
        MANY_TO_MANY
    }

    /** An attribute of the target to order a collection by. */
    public record Order(ColumnModel column, boolean descending) {
    }

    private final EntityModel owner;
    private final String name;
    private final EntityModel target;
    private final Direction direction;
    private final boolean collection;
    private final Class<?> collectionType;
    private final ForeignKeyModel foreignKey;
    private final ForeignKeyModel secondaryForeignKey;
    private final Lazy lazy;
    private final int batchSize;
    private final List<Order> orderBy;
    private final Set<Cascade> cascade;
    private final Accessor accessor;
    private final boolean viewOnly;
    private final Set<String> overlaps;
    private RelationshipModel backPopulates;
    private int index;

    RelationshipModel(EntityModel owner, String name, EntityModel target, Direction direction, boolean collection,
                      Class<?> collectionType, ForeignKeyModel foreignKey, ForeignKeyModel secondaryForeignKey, Lazy lazy,
                      int batchSize, List<Order> orderBy, Set<Cascade> cascade, Accessor accessor, boolean viewOnly,
                      Set<String> overlaps) {
        this.owner = owner;
        this.name = name;
        this.target = target;
        this.direction = direction;
        this.collection = collection;
        this.collectionType = collectionType;
        this.foreignKey = foreignKey;
        this.secondaryForeignKey = secondaryForeignKey;
        this.lazy = lazy;
        this.batchSize = batchSize;
        this.orderBy = List.copyOf(orderBy);
        this.cascade = Set.copyOf(cascade);
        this.accessor = accessor;
        this.viewOnly = viewOnly;
        this.overlaps = Set.copyOf(overlaps);
    }

    void index(int value) {
        this.index = value;
    }

    /** The position of this relationship among its owner's {@link EntityModel#relationships()}. */
    public int index() {
        return index;
    }

    void linkBack(RelationshipModel other) {
        this.backPopulates = other;
    }

    /** The entity declaring the relationship. */
    public EntityModel owner() {
        return owner;
    }

    /** The attribute (field) name. */
    public String name() {
        return name;
    }

    /** The related entity. */
    public EntityModel target() {
        return target;
    }

    /** Which side of the foreign key the owner stands on. */
    public Direction direction() {
        return direction;
    }

    /** Whether the attribute holds a collection (uselist). */
    public boolean collection() {
        return collection;
    }

    /** {@code List.class} or {@code Set.class} for a collection; the target type for a reference. */
    public Class<?> collectionType() {
        return collectionType;
    }

    /**
     * The foreign key joining owner and target; for many-to-many, the association table's key
     * referencing the owner.
     */
    public ForeignKeyModel foreignKey() {
        return foreignKey;
    }

    /** For many-to-many, the association table's key referencing the target; otherwise null. */
    public ForeignKeyModel secondaryForeignKey() {
        return secondaryForeignKey;
    }

    /** The association table of a many-to-many, or null. */
    public TableModel secondary() {
        return secondaryForeignKey == null ? null : secondaryForeignKey.table();
    }

    /** The owner's columns that the join matches (its key, or its foreign-key columns for many-to-one). */
    public List<ColumnModel> ownerColumns() {
        return direction == Direction.MANY_TO_ONE ? foreignKey.columns() : foreignKey.targetColumns();
    }

    /**
     * The columns matched against {@link #ownerColumns()}: the target's foreign-key columns (one-to-many),
     * its key (many-to-one), or the association table's columns referencing the owner (many-to-many).
     */
    public List<ColumnModel> remoteColumns() {
        return direction == Direction.MANY_TO_ONE ? foreignKey.targetColumns() : foreignKey.columns();
    }

    /** The default loading strategy. */
    public Lazy lazy() {
        return lazy;
    }

    /** Siblings filled by one lazy load; 0 or 1 for one object at a time. */
    public int batchSize() {
        return batchSize;
    }

    /** The order of a collection. */
    public List<Order> orderBy() {
        return orderBy;
    }

    /** Whether an operation cascades along this relationship. */
    public boolean cascades(Cascade operation) {
        return cascade.contains(operation);
    }

    /** Whether the relationship is only read: a flush never writes from it, and nothing cascades along it. */
    public boolean viewOnly() {
        return viewOnly;
    }

    /** The relationships this one declares it overlaps ({@code overlaps}), by name or {@code Entity.name}. */
    public Set<String> overlaps() {
        return overlaps;
    }

    /** The columns a flush writes from this relationship: the foreign key's, both of an association table's; none if view-only. */
    public List<ColumnModel> writtenColumns() {
        if (viewOnly) {
            return List.of();
        }
        if (secondaryForeignKey == null) {
            return foreignKey.columns();
        }
        List<ColumnModel> columns = new ArrayList<>(foreignKey.columns());
        columns.addAll(secondaryForeignKey.columns());
        return List.copyOf(columns);
    }

    /** The relationship on the other side kept in sync in memory, or null. */
    public RelationshipModel backPopulates() {
        return backPopulates;
    }

    /** Whether owner and target are the same entity ({@code Emp.manager}). */
    public boolean selfReferential() {
        return owner == target;
    }

    /** The attribute's value on an owner object (a collection or a reference), read directly: no lazy load. */
    public Object get(Object ownerObject) {
        return accessor.get(ownerObject);
    }

    /** Sets the attribute on an owner object. */
    public void set(Object ownerObject, Object value) {
        accessor.set(ownerObject, value);
    }

    /** The field behind the attribute. */
    public Accessor accessor() {
        return accessor;
    }

    @Override
    public String toString() {
        return owner.name() + "." + name;
    }
}
