package dev.tenon.enhance;

import dev.tenon.annotation.RawFieldAccess;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites the field instructions of one method: a read of a relationship field and a write of any mapped field
 * become calls of the accessors of the field's class. The call takes what the instruction took from the stack and
 * leaves what it left, so nothing else in the method changes: not the stack size, not the stack map frames.
 *
 * <p>A constructor writes its own class's fields as they are: the object is still being built (Tenon builds loaded
 * objects with the no-argument constructor, before it gives them a state), and field initializers are such writes.
 */
final class CallSites extends MethodVisitor {
    /** The descriptor of {@code @RawFieldAccess}, which leaves a method's (or a class's) accesses as written. */
    static final String RAW = Type.getDescriptor(RawFieldAccess.class);

    private final FieldTargets targets;
    private final String constructorOf;
    /** Whether the method carries {@code @RawFieldAccess}; its annotations come before its code. */
    private boolean raw;

    /**
     * @param constructorOf the internal name of the class whose constructor this is, null for any other method
     */
    CallSites(MethodVisitor out, FieldTargets targets, String constructorOf) {
        super(OpenedClassReader.ASM_API, out);
        this.targets = targets;
        this.constructorOf = constructorOf;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        raw |= descriptor.equals(RAW);
        return super.visitAnnotation(descriptor, visible);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        if (!raw && (opcode == Opcodes.GETFIELD || opcode == Opcodes.PUTFIELD)) {
            FieldTargets.Target target = targets.resolve(owner, name, descriptor);
            if (target != null && opcode == Opcodes.GETFIELD && target.relationship()) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, target.owner(), target.getter(), target.getterDescriptor(), false);
                return;
            }
            if (target != null && opcode == Opcodes.PUTFIELD && !target.owner().equals(constructorOf)) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, target.owner(), target.setter(), target.setterDescriptor(), false);
                return;
            }
        }
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }
}
