package dev.tenon.enhance;

import dev.tenon.identity.Attributes;
import dev.tenon.identity.Tracked;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Writes the members the enhancer adds to an entity: the two fields of {@link Tracked} with their four methods (on
 * the root of a hierarchy), and for each mapped field {@code f} of type {@code T} of class {@code E}, static accessors
 * that every rewritten access calls:
 *
 * <pre>{@code
 * static T tenon$get$f(E o)      { return (T) Attributes.read(o, "f", o.f); }                 // relationships
 * static void tenon$set$f(E o, T v) { o.f = (T) Attributes.write(o, "f", o.f, v); }             // relationships
 * static void tenon$set$f(E o, T v) {                                                           // columns
 *     if (o.tenon$state != null) Attributes.changed(o, "f", (Object) o.f);                      // boxed here only
 *     o.f = v;
 * }
 * }</pre>
 *
 * Static, so that they work on a {@code final} class and need no virtual dispatch; with the field's own access
 * level, so that whoever could reach the field can reach them (a private field's from its nestmates, since Java 11).
 */
final class Accessors {
    static final String GET = "tenon$get$";
    static final String SET = "tenon$set$";
    static final String STATE = "tenon$state";
    static final String DEPARTURE = "tenon$departure";

    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String ATTRIBUTES = Type.getInternalName(Attributes.class);
    static final String TRACKED = Type.getInternalName(Tracked.class);

    private Accessors() {
    }

    /**
     * The state fields and the methods of {@link Tracked}. Protected, so that the accessors of subclasses in other
     * packages read them; synthetic, so that the compiler hides them; transient, since a session's state is not part
     * of what the object is.
     */
    static void writeTracked(ClassVisitor out, String owner) {
        for (String field : new String[] {STATE, DEPARTURE}) {
            out.visitField(Opcodes.ACC_PROTECTED | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_TRANSIENT, field, OBJECT, null, null)
                    .visitEnd();
            // Not synthetic: javac must see them implement the interface when it compiles a subclass.
            MethodVisitor get = out.visitMethod(Opcodes.ACC_PUBLIC, field, "()" + OBJECT, null, null);
            get.visitCode();
            get.visitVarInsn(Opcodes.ALOAD, 0);
            get.visitFieldInsn(Opcodes.GETFIELD, owner, field, OBJECT);
            get.visitInsn(Opcodes.ARETURN);
            get.visitMaxs(1, 1);
            get.visitEnd();
            MethodVisitor set = out.visitMethod(Opcodes.ACC_PUBLIC, field, "(" + OBJECT + ")V", null, null);
            set.visitCode();
            set.visitVarInsn(Opcodes.ALOAD, 0);
            set.visitVarInsn(Opcodes.ALOAD, 1);
            set.visitFieldInsn(Opcodes.PUTFIELD, owner, field, OBJECT);
            set.visitInsn(Opcodes.RETURN);
            set.visitMaxs(2, 2);
            set.visitEnd();
        }
    }

    /** The accessors of one mapped field of {@code owner}, a class of the given class-file version. */
    static void write(ClassVisitor out, String owner, FieldDescription field, int version) {
        String name = field.getName();
        String descriptor = field.getDescriptor();
        int access = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC
                | field.getModifiers() & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_PRIVATE);
        String self = "L" + owner + ";";
        if (Mapping.isRelationship(field)) {
            getter(out.visitMethod(access, GET + name, "(" + self + ")" + descriptor, null, null), owner, name, descriptor);
            relationshipSetter(out.visitMethod(access, SET + name, "(" + self + descriptor + ")V", null, null), owner, name,
                    descriptor);
        } else {
            columnSetter(out.visitMethod(access, SET + name, "(" + self + descriptor + ")V", null, null), owner, name,
                    descriptor, version);
        }
    }

    private static void getter(MethodVisitor m, String owner, String name, String descriptor) {
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitLdcInsn(name);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitFieldInsn(Opcodes.GETFIELD, owner, name, descriptor);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, ATTRIBUTES, "read", "(" + OBJECT + "Ljava/lang/String;" + OBJECT + ")" + OBJECT,
                false);
        cast(m, descriptor);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(3, 1);
        m.visitEnd();
    }

    private static void relationshipSetter(MethodVisitor m, String owner, String name, String descriptor) {
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitLdcInsn(name);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitFieldInsn(Opcodes.GETFIELD, owner, name, descriptor);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, ATTRIBUTES, "write",
                "(" + OBJECT + "Ljava/lang/String;" + OBJECT + OBJECT + ")" + OBJECT, false);
        cast(m, descriptor);
        m.visitFieldInsn(Opcodes.PUTFIELD, owner, name, descriptor);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(5, 2);
        m.visitEnd();
    }

    private static void columnSetter(MethodVisitor m, String owner, String name, String descriptor, int version) {
        Type type = Type.getType(descriptor);
        Label write = new Label();
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitFieldInsn(Opcodes.GETFIELD, owner, STATE, OBJECT);
        m.visitJumpInsn(Opcodes.IFNULL, write);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitLdcInsn(name);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitFieldInsn(Opcodes.GETFIELD, owner, name, descriptor);
        box(m, type);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, ATTRIBUTES, "changed", "(" + OBJECT + "Ljava/lang/String;" + OBJECT + ")V",
                false);
        m.visitLabel(write);
        if ((version & 0xFFFF) >= Opcodes.V1_6) {
            // The branch target: the verifier of class files from Java 7 on needs the frame, and it is the first one.
            m.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        }
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitVarInsn(type.getOpcode(Opcodes.ILOAD), 1);
        m.visitFieldInsn(Opcodes.PUTFIELD, owner, name, descriptor);
        m.visitInsn(Opcodes.RETURN);
        // o, "f" and the old value (two slots for a long or a double); o and the parameter (one or two slots).
        m.visitMaxs(2 + type.getSize(), 1 + type.getSize());
        m.visitEnd();
    }

    private static void cast(MethodVisitor m, String descriptor) {
        if (!descriptor.equals(OBJECT)) {
            m.visitTypeInsn(Opcodes.CHECKCAST, Type.getType(descriptor).getInternalName());
        }
    }

    private static void box(MethodVisitor m, Type type) {
        if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
            return;
        }
        String boxed = switch (type.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.BYTE -> "java/lang/Byte";
            case Type.CHAR -> "java/lang/Character";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            case Type.DOUBLE -> "java/lang/Double";
            default -> throw new IllegalArgumentException("not a field type: " + type);
        };
        m.visitMethodInsn(Opcodes.INVOKESTATIC, boxed, "valueOf", "(" + type.getDescriptor() + ")L" + boxed + ";", false);
    }
}
