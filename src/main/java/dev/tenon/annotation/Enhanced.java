package dev.tenon.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Written by Tenon's enhancer (see {@code dev.tenon.enhance}) on every mapped class it instrumented; never write it
 * yourself. The scanner refuses a mapped class without it, since Tenon would not see that class's reads and writes,
 * and the enhancer leaves a class that carries it alone, so that running it twice changes nothing.
 *
 * <p>Not {@code @Inherited}: a subclass is enhanced on its own, or not at all.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Enhanced {
}
