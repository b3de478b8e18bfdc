package dev.tenon.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a primary-key field. Several {@code @Id} fields make a composite key. The field is persisted
 * as a column even without {@link Column}; add {@code @Column} to name or size it.
 *
 * <pre>{@code
 * @Id @Column Integer deptno;                          // AUTO: identity, explicit values still accepted
 * @Id(generation = Generation.ASSIGNED) String code;   // always supplied by the application
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Id {
    /** How the key gets its value. */
    Generation generation() default Generation.AUTO;
}
