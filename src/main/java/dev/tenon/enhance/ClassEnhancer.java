package dev.tenon.enhance;

import dev.tenon.annotation.Enhanced;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Enhances one class on its way through the class writer: every method's field accesses are rewritten
 * ({@link CallSites}), lambda bodies and bridge methods included, since they are methods of the class like any other;
 * an entity that was not enhanced yet also gets {@code @Enhanced}, its accessors and, at the root of its hierarchy,
 * the members of {@code Tracked} ({@link Accessors}).
 */
final class ClassEnhancer extends ClassVisitor {
    private static final String ENHANCED = Type.getDescriptor(Enhanced.class);

    private final FieldTargets targets;
    private final boolean entity;
    private final boolean root;
    private final List<FieldDescription.InDefinedShape> fields;
    private String name;
    private int version;
    /** Whether the class asks for its field accesses to be left alone ({@code @RawFieldAccess}). */
    private boolean raw;

    ClassEnhancer(ClassVisitor out, TypeDescription type, FieldTargets targets) {
        super(OpenedClassReader.ASM_API, out);
        this.targets = targets;
        this.entity = Mapping.needsEnhancement(type);
        // A class that declares the state itself (by hand) keeps its own.
        this.root = entity && Mapping.isRoot(type)
                && type.getDeclaredFields().filter(net.bytebuddy.matcher.ElementMatchers.named(Accessors.STATE)).isEmpty();
        this.fields = entity ? Mapping.accessedFields(type) : List.of();
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.name = name;
        this.version = version;
        String[] implemented = interfaces == null ? new String[0] : interfaces;
        if (root && !Arrays.asList(implemented).contains(Accessors.TRACKED)) {
            implemented = Arrays.copyOf(implemented, implemented.length + 1);
            implemented[implemented.length - 1] = Accessors.TRACKED;
            if (signature != null) {
                // A generic class lists its supertypes again in its signature, which reflection reads.
                signature = signature + "L" + Accessors.TRACKED + ";";
            }
        }
        super.visit(version, access, name, signature, superName, implemented);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        raw |= descriptor.equals(CallSites.RAW);
        return super.visitAnnotation(descriptor, visible);
    }

    @Override
    public MethodVisitor visitMethod(int access, String method, String descriptor, String signature, String[] exceptions) {
        MethodVisitor out = super.visitMethod(access, method, descriptor, signature, exceptions);
        return out == null || raw ? out : new CallSites(out, targets, method.equals("<init>") ? name : null);
    }

    @Override
    public void visitEnd() {
        if (entity) {
            super.visitAnnotation(ENHANCED, true).visitEnd();
            if (root) {
                Accessors.writeTracked(cv, name);
            }
            for (FieldDescription field : fields) {
                Accessors.write(cv, name, field, version);
            }
        }
        super.visitEnd();
    }
}
