package dev.tenon.metadata;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.MappedSuperclass;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.annotation.Version;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields an entity maps: those of its {@link MappedSuperclass} ancestors, the topmost first, then its own, as JPA
 * orders them. A superclass that is an entity itself ({@code @Table}) ends the walk: its fields belong to its table.
 */
final class MappedFields {
    private MappedFields() {
    }

    /** Every field of {@code type} and its mapped superclasses, in mapping order. */
    static List<Field> of(Class<?> type) {
        List<Class<?>> classes = new ArrayList<>();
        classes.add(type);
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class && !c.isAnnotationPresent(Table.class);
                c = c.getSuperclass()) {
            if (c.isAnnotationPresent(MappedSuperclass.class)) {
                classes.add(0, c);
            }
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : classes) {
            fields.addAll(Arrays.asList(c.getDeclaredFields()));
        }
        return fields;
    }

    /**
     * Records what is wrong with the superclasses of {@code type}: mapped fields in a class not marked
     * {@code @MappedSuperclass} (they would silently not be columns), and a field that hides an inherited mapped one.
     */
    static void check(Class<?> type, List<String> problems) {
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class && !c.isAnnotationPresent(Table.class);
                c = c.getSuperclass()) {
            if (c.isAnnotationPresent(MappedSuperclass.class)) {
                continue;
            }
            List<String> mapped = Arrays.stream(c.getDeclaredFields()).filter(MappedFields::isMapped).map(Field::getName).toList();
            if (!mapped.isEmpty()) {
                problems.add(type.getSimpleName() + ": inherits the mapped field(s) " + mapped + " of " + c.getName()
                        + ", which is not marked @MappedSuperclass; annotate " + c.getSimpleName() + " with @MappedSuperclass "
                        + "to map them as columns of every entity extending it, or remove their mapping annotations");
            }
        }
        Map<String, Field> seen = new HashMap<>();
        for (Field field : of(type)) {
            Field earlier = seen.put(field.getName(), field);
            if (earlier != null && (isMapped(earlier) || isMapped(field))) {
                problems.add(type.getSimpleName() + "." + field.getName() + ": declared in " + field.getDeclaringClass().getSimpleName()
                        + " and in " + earlier.getDeclaringClass().getSimpleName() + ", a mapped superclass; an attribute "
                        + "has one field: rename one of them");
            }
        }
    }

    /** Whether a field carries a mapping annotation. */
    static boolean isMapped(Field field) {
        return field.isAnnotationPresent(Column.class) || field.isAnnotationPresent(Id.class)
                || field.isAnnotationPresent(Version.class) || field.isAnnotationPresent(Relationship.class);
    }
}
