package dev.tenon.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves the field accesses of a class or method as written: the enhancer rewrites none of them, so they read and
 * write entity fields directly, with no lazy loading, no change tracking and no back-population. For code that must
 * see the fields as they are, and is responsible for what it writes: a serializer, a hand-written mapping from rows.
 * A lambda is a method of its own: write it inside an annotated class, not only an annotated method.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface RawFieldAccess {
}
