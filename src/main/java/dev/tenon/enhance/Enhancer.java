package dev.tenon.enhance;

import java.util.function.Predicate;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.pool.TypePool;

/**
 * The enhancer as Byte Buddy applies it, to the class as a whole: raw ASM over every method, where Byte Buddy's
 * method-level tools ({@code ForDeclaredMethods}, {@code MemberSubstitution}) pass over synthetic lambda bodies. The
 * type pool Byte Buddy hands over reads other classes' files to resolve which field an instruction reaches.
 */
final class Enhancer extends AsmVisitorWrapper.AbstractBase {
    private final Predicate<String> enhancedClasses;

    /** @param enhancedClasses by binary name, the classes whose fields have accessors, or will have */
    Enhancer(Predicate<String> enhancedClasses) {
        this.enhancedClasses = enhancedClasses;
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
            Implementation.Context implementationContext, TypePool typePool,
            FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods, int writerFlags, int readerFlags) {
        return new ClassEnhancer(classVisitor, instrumentedType, new FieldTargets(typePool, enhancedClasses));
    }
}
