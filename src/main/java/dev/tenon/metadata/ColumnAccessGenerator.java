package dev.tenon.metadata;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Generates the {@link ColumnAccess} of an entity: a class of straight-line code, one statement per column, as one
 * would write by hand:
 * <pre>{@code
 * static final ColumnType T0 = ..., T1 = ...;       // each column's type, handed over as the class's data
 *
 * public void fetch(ResultSet row, int first, Object[] into) {
 *     into[1] = T1.read(row, first + 1);             // a constant receiver: the JIT inlines the type's read here
 *     into[2] = T2.read(row, first + 2);             // (column 0, the key, is read by the caller)
 *     ...
 * }
 * public void write(Object target, Object[] values) {
 *     Emp emp = (Emp) target;
 *     Object value = values[0];
 *     if (value != null) emp.empno = (Integer) value;
 *     ...
 * }
 * }</pre>
 *
 * <p>The class is defined as a hidden class in the entity's nest ({@link MethodHandles.Lookup#defineHiddenClass}
 * with {@code NESTMATE}), which is what lets it assign private fields without reflection, the way a lambda reaches
 * the private members of the class that declares it. That takes full access to the entity's class, which Tenon has
 * when both are in the same module (the class path, typically); otherwise, or for a final field, a private field
 * inherited from a mapped superclass (no nestmate of the subclass may touch it), or a field type
 * the entity's package cannot name, the columns' accessors are used instead. The bytes are written with the ASM
 * that Byte Buddy carries.
 */
final class ColumnAccessGenerator implements Opcodes {
    /**
     * The generated access of each class, by the fields and types it covers (a class scanned again reuses its
     * class; types are compared by identity, and the built-in ones are constants).
     */
    private static final ClassValue<Map<List<Object>, ColumnAccess>> GENERATED = new ClassValue<>() {
        @Override
        protected Map<List<Object>, ColumnAccess> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private static final String COLUMN_TYPE = Type.getDescriptor(ColumnType.class);
    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(
            int.class, Integer.class, long.class, Long.class, short.class, Short.class, byte.class, Byte.class,
            boolean.class, Boolean.class, char.class, Character.class, float.class, Float.class, double.class, Double.class);

    private ColumnAccessGenerator() {
    }

    static ColumnAccess accessFor(Class<?> type, List<ColumnModel> columns) {
        List<Object> key = new ArrayList<>();
        for (ColumnModel column : columns) {
            key.add(column.field());
            key.add(column.primaryKey() ? Boolean.TRUE : column.type());
        }
        // The key columns are read by the caller: no type, no read.
        Object[] types = columns.stream().map(column -> column.primaryKey() ? null : column.type()).toArray();
        List<Field> fields = columns.stream().map(ColumnModel::field).toList();
        ColumnAccess access = GENERATED.get(type).computeIfAbsent(List.copyOf(key), k -> generate(type, fields, types));
        return access != NONE ? access : new ColumnAccess.ThroughAccessors(List.copyOf(columns));
    }

    /** Recorded for a class whose access cannot be generated, so that it is not tried again. */
    private static final ColumnAccess NONE = new ColumnAccess.ThroughAccessors(List.of());

    private static ColumnAccess generate(Class<?> type, List<Field> fields, Object[] types) {
        for (Field field : fields) {
            if (!reachable(field, type) || Modifier.isFinal(field.getModifiers()) || Modifier.isStatic(field.getModifiers())
                    || !nameable(field.getType(), type)) {
                return NONE;
            }
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            if (!lookup.hasFullPrivilegeAccess()) {
                return NONE;
            }
            MethodHandles.Lookup hidden = lookup.defineHiddenClassWithClassData(bytes(type, fields, types), types, true,
                    MethodHandles.Lookup.ClassOption.NESTMATE);
            return (ColumnAccess) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // Tenon's interface not visible from the entity's class loader, say: the accessors do the same work.
            return NONE;
        }
    }

    /**
     * Whether the generated class, a nestmate of {@code type}, may access {@code field}: any field of {@code type}
     * itself; a field inherited from a mapped superclass when it is public, or not private and in the same package
     * (the instructions name {@code type}, and the JVM finds the field up its superclasses).
     */
    private static boolean reachable(Field field, Class<?> type) {
        Class<?> declaring = field.getDeclaringClass();
        if (declaring == type) {
            return true;
        }
        int modifiers = field.getModifiers();
        return !Modifier.isPrivate(modifiers) && (Modifier.isPublic(modifiers)
                || declaring.getPackageName().equals(type.getPackageName()) && declaring.getClassLoader() == type.getClassLoader());
    }

    /** Whether code in {@code from}'s package can name {@code type} in a cast. */
    private static boolean nameable(Class<?> type, Class<?> from) {
        while (type.isArray()) {
            type = type.getComponentType();
        }
        return type.isPrimitive() || Modifier.isPublic(type.getModifiers()) && Modifier.isPublic(outermost(type).getModifiers())
                || type.getPackageName().equals(from.getPackageName()) && type.getClassLoader() == from.getClassLoader();
    }

    private static Class<?> outermost(Class<?> type) {
        while (type.getDeclaringClass() != null) {
            type = type.getDeclaringClass();
        }
        return type;
    }

    private static byte[] bytes(Class<?> type, List<Field> fields, Object[] types) {
        String owner = Type.getInternalName(type);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String first, String second) {
                // Never needed (no two reference types meet at a branch); answering spares loading classes.
                return "java/lang/Object";
            }
        };
        String className = owner + "$$TenonColumns";
        writer.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, className, null, "java/lang/Object",
                new String[] {Type.getInternalName(ColumnAccess.class)});
        constructor(writer);
        types(writer, className, types);
        fetch(writer, className, types);
        write(writer, owner, fields);
        read(writer, owner, fields);
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void constructor(ClassWriter writer) {
        MethodVisitor code = writer.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        code.visitCode();
        code.visitVarInsn(ALOAD, 0);
        code.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        end(code);
    }

    /**
     * The static fields {@code T0, T1, ...} of each column's type (none for key columns), set from the class's data
     * when it initializes.
     */
    private static void types(ClassWriter writer, String className, Object[] types) {
        for (int i = 0; i < types.length; i++) {
            if (types[i] != null) {
                writer.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "T" + i, COLUMN_TYPE, null, null).visitEnd();
            }
        }
        MethodVisitor code = writer.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        code.visitCode();
        code.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup", "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        code.visitLdcInsn("_");
        code.visitLdcInsn(Type.getType(Object[].class));
        code.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;", false);
        code.visitTypeInsn(CHECKCAST, "[Ljava/lang/Object;");
        code.visitVarInsn(ASTORE, 0);
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                continue;
            }
            code.visitVarInsn(ALOAD, 0);
            pushInt(code, i);
            code.visitInsn(AALOAD);
            code.visitTypeInsn(CHECKCAST, Type.getInternalName(ColumnType.class));
            code.visitFieldInsn(PUTSTATIC, className, "T" + i, COLUMN_TYPE);
        }
        end(code);
    }

    /** {@code fetch(ResultSet row, int first, Object[] into)}, the columns with a type: locals 1 row, 2 first, 3 into. */
    private static void fetch(ClassWriter writer, String className, Object[] types) {
        MethodVisitor code = writer.visitMethod(ACC_PUBLIC, "fetch", "(Ljava/sql/ResultSet;I[Ljava/lang/Object;)V", null,
                new String[] {"java/sql/SQLException"});
        code.visitCode();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                continue;
            }
            code.visitVarInsn(ALOAD, 3);
            pushInt(code, i);
            code.visitFieldInsn(GETSTATIC, className, "T" + i, COLUMN_TYPE);
            code.visitVarInsn(ALOAD, 1);
            code.visitVarInsn(ILOAD, 2);
            pushInt(code, i);
            code.visitInsn(IADD);
            code.visitMethodInsn(INVOKEINTERFACE, Type.getInternalName(ColumnType.class), "read", "(Ljava/sql/ResultSet;I)Ljava/lang/Object;", true);
            code.visitInsn(AASTORE);
        }
        end(code);
    }

    /** {@code write(Object target, Object[] values)}: locals 1 target, 2 values, 3 the value, 4 the typed target. */
    private static void write(ClassWriter writer, String owner, List<Field> fields) {
        MethodVisitor code = writer.visitMethod(ACC_PUBLIC, "write", "(Ljava/lang/Object;[Ljava/lang/Object;)V", null, null);
        code.visitCode();
        code.visitVarInsn(ALOAD, 1);
        code.visitTypeInsn(CHECKCAST, owner);
        code.visitVarInsn(ASTORE, 4);
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            Label skip = new Label();
            code.visitVarInsn(ALOAD, 2);
            pushInt(code, i);
            code.visitInsn(AALOAD);
            code.visitVarInsn(ASTORE, 3);
            code.visitVarInsn(ALOAD, 3);
            code.visitJumpInsn(IFNULL, skip);
            code.visitVarInsn(ALOAD, 4);
            code.visitVarInsn(ALOAD, 3);
            Class<?> fieldType = field.getType();
            if (fieldType.isPrimitive()) {
                Type boxed = Type.getType(WRAPPERS.get(fieldType));
                code.visitTypeInsn(CHECKCAST, boxed.getInternalName());
                code.visitMethodInsn(INVOKEVIRTUAL, boxed.getInternalName(), fieldType.getName() + "Value",
                        "()" + Type.getDescriptor(fieldType), false);
            } else if (fieldType != Object.class) {
                code.visitTypeInsn(CHECKCAST, Type.getInternalName(fieldType));
            }
            code.visitFieldInsn(PUTFIELD, owner, field.getName(), Type.getDescriptor(fieldType));
            code.visitLabel(skip);
        }
        end(code);
    }

    /** {@code read(Object target, Object[] into)}: locals 1 target, 2 into, 3 the typed target. */
    private static void read(ClassWriter writer, String owner, List<Field> fields) {
        MethodVisitor code = writer.visitMethod(ACC_PUBLIC, "read", "(Ljava/lang/Object;[Ljava/lang/Object;)V", null, null);
        code.visitCode();
        code.visitVarInsn(ALOAD, 1);
        code.visitTypeInsn(CHECKCAST, owner);
        code.visitVarInsn(ASTORE, 3);
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            Class<?> fieldType = field.getType();
            code.visitVarInsn(ALOAD, 2);
            pushInt(code, i);
            code.visitVarInsn(ALOAD, 3);
            code.visitFieldInsn(GETFIELD, owner, field.getName(), Type.getDescriptor(fieldType));
            if (fieldType.isPrimitive()) {
                Type boxed = Type.getType(WRAPPERS.get(fieldType));
                code.visitMethodInsn(INVOKESTATIC, boxed.getInternalName(), "valueOf",
                        "(" + Type.getDescriptor(fieldType) + ")" + boxed.getDescriptor(), false);
            }
            code.visitInsn(AASTORE);
        }
        end(code);
    }

    /** Returns from a method whose frames and stack sizes the writer computes. */
    private static void end(MethodVisitor code) {
        code.visitInsn(RETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    private static void pushInt(MethodVisitor code, int value) {
        if (value <= 5) {
            code.visitInsn(ICONST_0 + value);
        } else if (value <= Byte.MAX_VALUE) {
            code.visitIntInsn(BIPUSH, value);
        } else {
            code.visitIntInsn(SIPUSH, value);
        }
    }
}
