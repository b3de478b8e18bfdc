package dev.tenon.enhance;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Enhanced;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.MappedSuperclass;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.annotation.Version;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

/**
 * What the enhancer knows of a class, read from its class file through a type pool: the class is never loaded,
 * since the build has no class loader for it and an agent must not load a class while it is defining another.
 *
 * <p>An entity is a class with {@code @Table} or with an instance field mapped by {@code @Column}, {@code @Id},
 * {@code @Version} or {@code @Relationship}, so that a mapped superclass without a table of its own is instrumented
 * too (one marked {@code @MappedSuperclass} always is): its fields' accessors are its own, and every write of an
 * inherited field, from a subclass's method or from any other class, calls them. A mapped field gets accessors unless it is static or final: the scanner refuses both, and a final field cannot
 * be written outside a constructor anyway.
 */
final class Mapping {
    private Mapping() {
    }

    /** Whether {@code type} is an entity that the enhancer has still to instrument. */
    static boolean needsEnhancement(TypeDescription type) {
        return isEntity(type) && !isEnhanced(type);
    }

    static boolean isEnhanced(TypeDescription type) {
        return type.getDeclaredAnnotations().isAnnotationPresent(Enhanced.class);
    }

    static boolean isEntity(TypeDefinition type) {
        TypeDescription erased = type.asErasure();
        if (erased.isInterface() || erased.isAnnotation() || erased.isEnum() || erased.isRecord() || erased.isPrimitive()
                || erased.isArray()) {
            return false;
        }
        if (erased.getDeclaredAnnotations().isAnnotationPresent(Table.class)
                || erased.getDeclaredAnnotations().isAnnotationPresent(MappedSuperclass.class)) {
            return true;
        }
        return erased.getDeclaredFields().stream().anyMatch(field -> !field.isStatic() && isMapped(field));
    }

    /**
     * Whether no superclass of {@code type} is an entity: the root of a hierarchy carries the state of every object
     * in it, and a subclass that declared the fields again would hide them from the root's methods.
     */
    static boolean isRoot(TypeDescription type) {
        try {
            for (TypeDefinition parent = type.getSuperClass(); parent != null; parent = parent.getSuperClass()) {
                if (isEntity(parent)) {
                    return false;
                }
            }
        } catch (RuntimeException unresolvable) {
            // A superclass missing from the class path: nothing of it can be enhanced here either.
        }
        return true;
    }

    /** The fields of {@code type} that get accessors, in declaration order. */
    static List<FieldDescription.InDefinedShape> accessedFields(TypeDescription type) {
        List<FieldDescription.InDefinedShape> fields = new ArrayList<>();
        for (FieldDescription.InDefinedShape field : type.getDeclaredFields()) {
            if (isAccessed(field)) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** Whether reads and writes of {@code field} go through accessors. */
    static boolean isAccessed(FieldDescription field) {
        return !field.isStatic() && !field.isFinal() && isMapped(field);
    }

    /** A relationship read goes through Tenon; a relationship on a primitive (refused by the scanner) is a column. */
    static boolean isRelationship(FieldDescription field) {
        return field.getDeclaredAnnotations().isAnnotationPresent(Relationship.class) && !field.getType().isPrimitive();
    }

    private static boolean isMapped(FieldDescription field) {
        var annotations = field.getDeclaredAnnotations();
        return annotations.isAnnotationPresent(Column.class) || annotations.isAnnotationPresent(Id.class)
                || annotations.isAnnotationPresent(Version.class) || annotations.isAnnotationPresent(Relationship.class);
    }
}
