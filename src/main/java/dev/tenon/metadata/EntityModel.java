package dev.tenon.metadata;

import dev.tenon.exception.TenonException;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapped class: its table, its columns by attribute name, its relationships, and a prepared constructor.
 * Frozen before {@link Metadata} is published; the relationships are attached once every entity exists.
 */
public final class EntityModel {
    private final Class<?> type;
    private final TableModel table;
    private final MethodHandle constructor;
    private final Map<String, ColumnModel> columnsByAttribute = new LinkedHashMap<>();
    private final Map<String, RelationshipModel> relationships = new LinkedHashMap<>();
    private final List<RelationshipModel> relationshipList = new ArrayList<>();
    private final List<RelationshipModel> relationshipView = Collections.unmodifiableList(relationshipList);
    private final int[] primaryKeyPositions;
    private final Map<String, Integer> columnPositions = new java.util.HashMap<>();
    private final int[] inPlaceColumns;
    private final ColumnModel version;
    /**
     * The model last built for each class: what the enhanced setters of an object outside any session consult to keep
     * its relationships in step (a session's objects use their session's model).
     */
    private static final ClassValue<java.util.concurrent.atomic.AtomicReference<EntityModel>> LATEST = new ClassValue<>() {
        @Override
        protected java.util.concurrent.atomic.AtomicReference<EntityModel> computeValue(Class<?> type) {
            return new java.util.concurrent.atomic.AtomicReference<>();
        }
    };
    /** Made on first use: generating a class per entity is for the entities that are loaded. */
    private volatile ColumnAccess columnAccess;

    EntityModel(Class<?> type, TableModel table, MethodHandle constructor, ColumnModel version) {
        this.type = type;
        this.version = version;
        this.table = table;
        // Typed ()Object so that every row's object is made by an exact invocation, which the JIT inlines.
        this.constructor = constructor.asType(java.lang.invoke.MethodType.methodType(Object.class));
        for (ColumnModel column : table.columns()) {
            columnPositions.put(column.attribute(), columnsByAttribute.size());
            columnsByAttribute.put(column.attribute(), column);
        }
        this.primaryKeyPositions = table.primaryKey().stream().mapToInt(table.columns()::indexOf).toArray();
        this.inPlaceColumns = java.util.stream.IntStream.range(0, table.columns().size())
                .filter(i -> table.columns().get(i).type().mutable()).toArray();
    }

    void addRelationship(RelationshipModel relationship) {
        relationship.index(relationshipList.size());
        relationships.put(relationship.name(), relationship);
        relationshipList.add(relationship);
    }

    /** The mapped class. */
    public Class<?> type() {
        return type;
    }

    /** The class's simple name, for messages. */
    public String name() {
        return type.getSimpleName();
    }

    /** The table the class is mapped to. */
    public TableModel table() {
        return table;
    }

    /** The mapped columns, in field declaration order. */
    public List<ColumnModel> columns() {
        return table.columns();
    }

    /** The primary-key columns. */
    public List<ColumnModel> primaryKey() {
        return table.primaryKey();
    }

    /**
     * The column marked {@link dev.tenon.annotation.Version}, which every UPDATE and DELETE of a row checks and every
     * UPDATE advances; null when the entity has none.
     */
    public ColumnModel version() {
        return version;
    }

    /** Reads and writes the column fields of this entity's objects all at once. */
    public ColumnAccess columnAccess() {
        ColumnAccess access = columnAccess;
        if (access == null) {
            access = ColumnAccess.of(type, columns());
            columnAccess = access;
        }
        return access;
    }

    /**
     * The position of each primary-key column among {@link #columns()}: computed once, so that reading a key
     * from a row needs no lookup.
     */
    public int primaryKeyPosition(int keyIndex) {
        return primaryKeyPositions[keyIndex];
    }

    /** The relationships, in field declaration order. */
    public List<RelationshipModel> relationships() {
        return relationshipView;
    }

    /** The column mapped to this attribute (field name), or null. */
    public ColumnModel column(String attribute) {
        return columnsByAttribute.get(attribute);
    }

    /**
     * The positions of the columns whose values can change in place ({@code byte[]}, arrays, lists, converted values
     * such as JSON documents: see {@link ColumnType#mutable()}), unseen by the enhanced setters:
     * their objects keep a copy of those values and are compared at every flush.
     */
    public int[] inPlaceColumns() {
        return inPlaceColumns;
    }

    /** The position among {@link #columns()} of the column mapped to this attribute (field name). */
    public int columnPosition(String attribute) {
        Integer position = columnPositions.get(attribute);
        if (position == null) {
            throw new dev.tenon.exception.MappingException(name() + "." + attribute + " is not a mapped column of this model");
        }
        return position;
    }

    /** The model last built for {@code type} (see {@link #register}), or null. */
    public static EntityModel of(Class<?> type) {
        return LATEST.get(type).get();
    }

    /** Makes this the model of its class for objects outside any session. */
    void register() {
        LATEST.get(type).set(this);
    }

    /** The relationship with this attribute name, or null. */
    public RelationshipModel relationship(String attribute) {
        return relationships.get(attribute);
    }

    /** Every attribute name, columns then relationships, for "did you mean" messages. */
    public List<String> attributeNames() {
        List<String> names = new ArrayList<>(columnsByAttribute.keySet());
        names.addAll(relationships.keySet());
        return names;
    }

    /** A new, empty instance through the no-argument constructor. */
    public Object newInstance() {
        try {
            return (Object) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new TenonException("Cannot instantiate " + type.getName(), e);
        }
    }

    /**
     * The identity of an object: its key value for a single-column key, an immutable list of the values
     * for a composite key; null when any key value is still missing.
     */
    public Object identityOf(Object entity) {
        List<ColumnModel> key = table.primaryKey();
        if (key.size() == 1) {
            return key.get(0).get(entity);
        }
        Object[] values = new Object[key.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = key.get(i).get(entity);
            if (values[i] == null) {
                return null;
            }
        }
        return List.of(values);
    }

    @Override
    public String toString() {
        return name() + " (" + table.qualifiedName() + ")";
    }
}
