package dev.tenon.metadata;

import dev.tenon.annotation.Cascade;
import dev.tenon.annotation.Lazy;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.UseList;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.metadata.RelationshipModel.Order;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Third pass of the scan: every {@code @Relationship} resolved against the foreign keys between the two
 * tables, then {@code backPopulates} pairs checked and linked.
 */
final class RelationshipResolver {
    private final Map<Class<?>, EntityModel> entities;
    private final Map<String, TableModel> tables;
    private final List<String> problems;

    RelationshipResolver(Map<Class<?>, EntityModel> entities, Map<String, TableModel> tables, List<String> problems) {
        this.entities = entities;
        this.tables = tables;
        this.problems = problems;
    }

    void resolve(EntityModel owner) {
        for (Field field : MappedFields.of(owner.type())) {
            Relationship annotation = field.getAnnotation(Relationship.class);
            if (annotation != null) {
                RelationshipModel relationship = resolve(owner, field, annotation);
                if (relationship != null) {
                    owner.addRelationship(relationship);
                }
            }
        }
    }

    private RelationshipModel resolve(EntityModel owner, Field field, Relationship annotation) {
        String where = owner.name() + "." + field.getName();
        if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
            problems.add(where + ": a relationship field cannot be static or final; remove the modifier");
            return null;
        }
        Class<?> fieldType = field.getType();
        boolean collectionField = fieldType == List.class || fieldType == Set.class;
        if (!collectionField && (Iterable.class.isAssignableFrom(fieldType) || Map.class.isAssignableFrom(fieldType) || fieldType.isArray())) {
            problems.add(where + ": collection type " + fieldType.getSimpleName() + " is not supported; declare it as List<...> or Set<...>");
            return null;
        }
        Class<?> targetType = collectionField ? elementType(field) : fieldType;
        if (targetType == null) {
            problems.add(where + ": cannot tell the element type; declare it as List<Target> or Set<Target>");
            return null;
        }
        EntityModel target = entities.get(targetType);
        if (target == null) {
            problems.add(where + ": " + targetType.getSimpleName() + " is not a mapped entity; annotate it with @Table and include it in the Metadata");
            return null;
        }
        boolean collection = annotation.uselist() == UseList.INFER ? collectionField : annotation.uselist() == UseList.TRUE;
        if (collection != collectionField) {
            problems.add(where + ": uselist = " + annotation.uselist() + " does not fit field type " + fieldType.getSimpleName()
                    + "; a collection needs List<...> or Set<...>, a single reference the entity type");
            return null;
        }
        boolean dynamic = annotation.lazy() == Lazy.DYNAMIC || annotation.lazy() == Lazy.WRITE_ONLY;
        if (dynamic && !collection) {
            problems.add(where + ": lazy = " + annotation.lazy() + " needs a collection; use SELECT for a single reference");
        } else if (dynamic && fieldType != List.class) {
            problems.add(where + ": lazy = " + annotation.lazy() + " holds a query-backed list; declare the field as List<"
                    + targetType.getSimpleName() + ">, not " + fieldType.getSimpleName());
        }
        if (annotation.lazy() == Lazy.NESTED && !collection) {
            problems.add(where + ": lazy = NESTED reads a collection from JSON; use JOINED or SELECT for a single reference");
        }
        if (annotation.batchSize() < 0) {
            problems.add(where + ": batchSize must be positive");
        }
        Set<Cascade> cascade = cascade(where, annotation);
        List<Order> orderBy = orderBy(where, target, annotation.orderBy());
        Class<?> kind = collection ? fieldType : targetType;
        if (!annotation.secondary().isEmpty()) {
            return manyToMany(where, owner, target, annotation, collection, kind, orderBy, cascade, field);
        }
        List<ForeignKeyModel> candidates = new ArrayList<>();
        for (ForeignKeyModel fk : target.table().foreignKeys()) {
            if (fk.target() == owner.table()) {
                candidates.add(fk);
            }
        }
        for (ForeignKeyModel fk : owner.table().foreignKeys()) {
            if (fk.target() == target.table() && !candidates.contains(fk)) {
                candidates.add(fk);
            }
        }
        ForeignKeyModel fk = choose(where, owner, target, candidates, annotation.foreignKey());
        if (fk == null) {
            return null;
        }
        Direction direction;
        if (fk.selfReferential()) {
            direction = collection || annotation.uselist() == UseList.FALSE ? Direction.ONE_TO_MANY : Direction.MANY_TO_ONE;
        } else {
            direction = fk.table() == owner.table() ? Direction.MANY_TO_ONE : Direction.ONE_TO_MANY;
        }
        if (direction == Direction.MANY_TO_ONE && collection) {
            problems.add(where + ": " + owner.name() + " holds the foreign key " + fk.name() + ", so each row has one "
                    + target.name() + "; declare the field as " + target.name() + ", not a collection");
            return null;
        }
        return new RelationshipModel(owner, field.getName(), target, direction, collection, kind, fk, null,
                annotation.lazy(), annotation.batchSize(), orderBy, cascade, Accessor.of(field), annotation.viewOnly(),
                Set.copyOf(Arrays.asList(annotation.overlaps())));
    }

    private RelationshipModel manyToMany(String where, EntityModel owner, EntityModel target, Relationship annotation,
                                         boolean collection, Class<?> kind, List<Order> orderBy, Set<Cascade> cascade, Field field) {
        TableModel secondary = tables.get(annotation.secondary());
        if (secondary == null) {
            problems.add(where + ": secondary = \"" + annotation.secondary() + "\" is not a mapped table; mapped tables are "
                    + tables.keySet() + " (map the association table with @Table)");
            return null;
        }
        List<ForeignKeyModel> toOwner = secondary.foreignKeys().stream().filter(fk -> fk.target() == owner.table()).toList();
        List<ForeignKeyModel> toTarget = secondary.foreignKeys().stream().filter(fk -> fk.target() == target.table()).toList();
        ForeignKeyModel ownerKey = choose(where, owner, owner, toOwner, annotation.foreignKey());
        if (ownerKey == null) {
            return null;
        }
        List<ForeignKeyModel> others = toTarget.stream().filter(fk -> fk != ownerKey).toList();
        if (others.size() != 1) {
            problems.add(where + ": association table " + secondary.qualifiedName() + " needs exactly one other foreign key to "
                    + target.table().qualifiedName() + ", found " + others.size());
            return null;
        }
        if (!collection) {
            problems.add(where + ": a many-to-many relationship needs a List<...> or Set<...> field");
            return null;
        }
        return new RelationshipModel(owner, field.getName(), target, Direction.MANY_TO_MANY, true, kind, ownerKey,
                others.get(0), annotation.lazy(), annotation.batchSize(), orderBy, cascade, Accessor.of(field), annotation.viewOnly(),
                Set.copyOf(Arrays.asList(annotation.overlaps())));
    }

    /**
     * The operations that cascade. A view-only relationship writes nothing, so nothing cascades along it: the
     * default cascade is dropped, and any other is refused, as SQLAlchemy refuses it.
     */
    private Set<Cascade> cascade(String where, Relationship annotation) {
        Set<Cascade> cascade = annotation.cascade().length == 0 ? EnumSet.noneOf(Cascade.class) : EnumSet.copyOf(Arrays.asList(annotation.cascade()));
        if (!annotation.viewOnly()) {
            return cascade;
        }
        if (!EnumSet.of(Cascade.SAVE_UPDATE, Cascade.MERGE).equals(cascade) && !cascade.isEmpty()) {
            problems.add(where + ": cascade = " + cascade + " does nothing on a viewOnly relationship, which a flush never "
                    + "writes; remove the cascade, or viewOnly");
        }
        if (annotation.lazy() == Lazy.WRITE_ONLY) {
            problems.add(where + ": a viewOnly relationship cannot be WRITE_ONLY (it could neither be read nor written); use DYNAMIC");
        }
        return EnumSet.noneOf(Cascade.class);
    }

    private ForeignKeyModel choose(String where, EntityModel owner, EntityModel target, List<ForeignKeyModel> candidates,
                                   String[] named) {
        List<ForeignKeyModel> matching = candidates;
        if (named.length > 0) {
            List<String> wanted = List.of(named);
            matching = candidates.stream().filter(fk -> fk.columns().stream().map(ColumnModel::name).toList().equals(wanted)).toList();
            if (matching.isEmpty()) {
                problems.add(where + ": foreignKey = " + wanted + " matches none of the foreign keys between "
                        + owner.table().qualifiedName() + " and " + target.table().qualifiedName() + ": " + describe(candidates));
                return null;
            }
        }
        if (matching.isEmpty()) {
            problems.add(where + ": no foreign key joins " + owner.table().qualifiedName() + " and " + target.table().qualifiedName()
                    + "; add @ForeignKey(\"" + owner.table().qualifiedName() + "." + keyColumnName(owner)
                    + "\") to a column of " + target.name() + " (or the reverse)");
            return null;
        }
        if (matching.size() > 1) {
            problems.add(where + ": " + matching.size() + " foreign keys join " + owner.table().qualifiedName() + " and "
                    + target.table().qualifiedName() + " (" + describe(matching) + "); name one with @Relationship(foreignKey = \""
                    + matching.get(0).columns().get(0).name() + "\")");
            return null;
        }
        return matching.get(0);
    }

    // An entity without @Id is reported on its own; its relationships still need a message, not a crash.
    private static String keyColumnName(EntityModel entity) {
        return entity.primaryKey().isEmpty() ? "<key column>" : entity.primaryKey().get(0).name();
    }

    private static String describe(List<ForeignKeyModel> keys) {
        return keys.stream().map(fk -> fk.table().name() + fk.columns().stream().map(ColumnModel::name).toList()).toList().toString();
    }

    private List<Order> orderBy(String where, EntityModel target, String[] terms) {
        List<Order> orders = new ArrayList<>();
        for (String term : terms) {
            String[] words = term.trim().split("\\s+");
            ColumnModel column = target.column(words[0]);
            boolean descending = words.length > 1 && words[1].equalsIgnoreCase("desc");
            if (column == null || words.length > 2 || (words.length == 2 && !descending && !words[1].equalsIgnoreCase("asc"))) {
                problems.add(where + ": orderBy \"" + term + "\" must be an attribute of " + target.name()
                        + " optionally followed by asc/desc; attributes are " + target.columns().stream().map(ColumnModel::attribute).toList());
                continue;
            }
            orders.add(new Order(column, descending));
        }
        return orders;
    }

    private static Class<?> elementType(Field field) {
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    /** Checks and links every backPopulates pair; run after all relationships exist. */
    void linkBackPopulates(EntityModel owner) {
        for (Field field : MappedFields.of(owner.type())) {
            Relationship annotation = field.getAnnotation(Relationship.class);
            RelationshipModel relationship = owner.relationship(field.getName());
            if (annotation == null || relationship == null || annotation.backPopulates().isEmpty()) {
                continue;
            }
            String where = owner.name() + "." + field.getName();
            EntityModel target = relationship.target();
            RelationshipModel other = target.relationship(annotation.backPopulates());
            if (other == null) {
                problems.add(where + ": backPopulates = \"" + annotation.backPopulates() + "\" is not a relationship of "
                        + target.name() + "; its relationships are " + target.relationships().stream().map(RelationshipModel::name).toList());
                continue;
            }
            boolean sameKey = relationship.direction() == Direction.MANY_TO_MANY
                    ? other.foreignKey() == relationship.secondaryForeignKey() && other.secondaryForeignKey() == relationship.foreignKey()
                    : other.foreignKey() == relationship.foreignKey() && other.direction() != relationship.direction();
            if (other.target() != owner || !sameKey) {
                problems.add(where + ": backPopulates = \"" + annotation.backPopulates() + "\" names " + other
                        + ", which does not point back to " + owner.name() + " through the same foreign key; name the mirror relationship");
                continue;
            }
            Relationship otherAnnotation = fieldAnnotation(target.type(), other.name());
            if (otherAnnotation != null && !otherAnnotation.backPopulates().isEmpty()
                    && !otherAnnotation.backPopulates().equals(relationship.name())) {
                problems.add(where + ": backPopulates = \"" + other.name() + "\" but " + other + " back-populates \""
                        + otherAnnotation.backPopulates() + "\"; make the two name each other");
                continue;
            }
            relationship.linkBack(other);
            other.linkBack(relationship);
        }
    }

    private static Relationship fieldAnnotation(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name).getAnnotation(Relationship.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
