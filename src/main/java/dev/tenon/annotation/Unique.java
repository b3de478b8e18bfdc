package dev.tenon.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A UNIQUE constraint over several columns of the annotated entity's table; repeatable. For one column,
 * {@code @Column(unique = true)} is shorter.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Uniques.class)
public @interface Unique {
    /** Column names (not field names). */
    String[] columns();

    /** The constraint name; defaults to {@code uq_<table>_<columns>}. */
    String name() default "";
}
