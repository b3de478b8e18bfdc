package dev.tenon.metadata;

import dev.tenon.exception.MappingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of mapped classes: every entity, table, foreign key and relationship, validated and frozen.
 * Immutable and thread-safe: build it once at start-up and share it.
 *
 * <pre>{@code
 * Metadata metadata = Metadata.of(Dept.class, Emp.class);
 * Metadata same = Metadata.scan("com.example.model");   // every @Table class under the package
 * }</pre>
 *
 * A bad mapping fails here, with a {@link MappingException} listing every problem found. A mapped class must
 * have been enhanced (see {@code dev.tenon.enhance}): one that was not is refused, with the fix.
 */
public final class Metadata {
    private final Map<Class<?>, EntityModel> entities;
    private final Map<String, TableModel> tables;
    private final TableSorter.Sorted order;

    private Metadata(Map<Class<?>, EntityModel> entities, Map<String, TableModel> tables) {
        this.entities = entities;
        this.tables = tables;
        this.order = TableSorter.sort(tables.values());
    }

    /** Scans the given classes. */
    public static Metadata of(Class<?>... classes) {
        return of(List.of(classes));
    }

    /** Scans the given classes. */
    public static Metadata of(Collection<Class<?>> classes) {
        EnhancementCheck.requireEnhanced(classes);
        List<String> problems = new ArrayList<>();
        TableScanner tableScanner = new TableScanner(problems);
        Map<Class<?>, EntityModel> entities = new LinkedHashMap<>();
        Map<String, TableModel> tables = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            if (entities.containsKey(type)) {
                continue;
            }
            EntityModel entity = tableScanner.scan(type);
            if (entity == null) {
                continue;
            }
            TableModel previous = tables.putIfAbsent(entity.table().qualifiedName(), entity.table());
            if (previous != null) {
                Class<?> other = entities.values().stream().filter(e -> e.table() == previous).findFirst().orElseThrow().type();
                problems.add(type.getSimpleName() + ": table " + entity.table().qualifiedName() + " is already mapped by "
                        + other.getSimpleName() + "; give one of them another name or schema");
                continue;
            }
            entities.put(type, entity);
        }
        ForeignKeyResolver foreignKeys = new ForeignKeyResolver(tables, problems);
        entities.values().forEach(foreignKeys::resolve);
        RelationshipResolver relationships = new RelationshipResolver(entities, tables, problems);
        entities.values().forEach(relationships::resolve);
        entities.values().forEach(relationships::linkBackPopulates);
        if (!problems.isEmpty()) {
            throw new MappingException(problems);
        }
        RelationshipOverlaps.warn(entities.values());
        entities.values().forEach(EntityModel::register);
        return new Metadata(Map.copyOf(entities), java.util.Collections.unmodifiableMap(tables));
    }

    /** Scans every {@code @Table} class in a package and its sub-packages, from directories and jars. */
    public static Metadata scan(String packageName) {
        return scan(packageName, Thread.currentThread().getContextClassLoader());
    }

    /** Scans every {@code @Table} class in a package and its sub-packages, as seen by {@code loader}. */
    public static Metadata scan(String packageName, ClassLoader loader) {
        List<Class<?>> classes = new PackageScanner(loader).entitiesIn(packageName);
        if (classes.isEmpty()) {
            throw new MappingException("No @Table class found in package '" + packageName + "'; check the package name");
        }
        return of(classes);
    }

    /**
     * The model of a mapped class; also finds the entity of a subclass of one.
     *
     * @throws MappingException when the class is not mapped here
     */
    public EntityModel entity(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            EntityModel entity = entities.get(c);
            if (entity != null) {
                return entity;
            }
        }
        throw new MappingException(type.getSimpleName() + " is not mapped in this Metadata; annotate it with @Table and "
                + "include it in Metadata.of(...); mapped classes are " + entities.keySet().stream().map(Class::getSimpleName).sorted().toList());
    }

    /** Whether a class (or its mapped superclass) is mapped here. */
    public boolean isMapped(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (entities.containsKey(c)) {
                return true;
            }
        }
        return false;
    }

    /** Every entity, in scan order. */
    public Collection<EntityModel> entities() {
        return entities.values();
    }

    /** Every table, in scan order. */
    public Collection<TableModel> tables() {
        return tables.values();
    }

    /**
     * Every table in foreign-key order, referenced tables first (the order of inserts; deletes go in reverse), and the
     * foreign keys of a cycle that the order cannot honour. Sorted once, here.
     */
    public TableSorter.Sorted tableOrder() {
        return order;
    }

    /** The table with this qualified name ({@code "scott.emp"}), or null. */
    public TableModel table(String qualifiedName) {
        return tables.get(qualifiedName);
    }
}
