package dev.tenon.enhance;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * Which field a {@code GETFIELD} or {@code PUTFIELD} reaches, the way the JVM resolves it: the instruction names the
 * static type of the object ({@code Manager} for a field {@code Emp} declares), so the declaring class is found by
 * walking up the superclasses. One per transformed class: it caches what it resolved.
 */
final class FieldTargets {
    /** A mapped field whose accesses go through the accessors of its declaring class. */
    record Target(String owner, String name, String descriptor, boolean relationship) {
        String getter() {
            return Accessors.GET + name;
        }

        String getterDescriptor() {
            return "(L" + owner + ";)" + descriptor;
        }

        String setter() {
            return Accessors.SET + name;
        }

        String setterDescriptor() {
            return "(L" + owner + ";" + descriptor + ")V";
        }
    }

    private static final Target NONE = new Target("", "", "", false);

    private final TypePool pool;
    private final Predicate<String> enhancedClasses;
    private final Map<String, Target> resolved = new HashMap<>();

    /**
     * @param enhancedClasses by binary name, the classes that are enhanced (or will be, when loaded): an access to a
     *                        field of any other class is left as it is, since its accessors will never exist
     */
    FieldTargets(TypePool pool, Predicate<String> enhancedClasses) {
        this.pool = pool;
        this.enhancedClasses = enhancedClasses;
    }

    /** The mapped field an instruction reaches, or null when it reaches an unmapped field. */
    Target resolve(String owner, String name, String descriptor) {
        Target target = resolved.computeIfAbsent(owner + '.' + name + ':' + descriptor, key -> find(owner, name, descriptor));
        return target == NONE ? null : target;
    }

    private Target find(String owner, String name, String descriptor) {
        if (owner.startsWith("[") || owner.startsWith("java/")) {
            return NONE;
        }
        try {
            TypePool.Resolution resolution = pool.describe(owner.replace('/', '.'));
            if (!resolution.isResolved()) {
                return NONE;
            }
            for (TypeDefinition type = resolution.resolve(); type != null; type = type.getSuperClass()) {
                TypeDescription declaring = type.asErasure();
                for (FieldDescription.InDefinedShape field : declaring.getDeclaredFields()) {
                    if (field.getName().equals(name) && field.getDescriptor().equals(descriptor)) {
                        return Mapping.isAccessed(field) && Mapping.isEntity(declaring)
                                && enhancedClasses.test(declaring.getName())
                                ? new Target(declaring.getInternalName(), name, descriptor, Mapping.isRelationship(field))
                                : NONE;
                    }
                }
            }
        } catch (RuntimeException unresolvable) {
            // A superclass missing from the class path: the JVM will fail on it too, with its own message.
        }
        return NONE;
    }
}
