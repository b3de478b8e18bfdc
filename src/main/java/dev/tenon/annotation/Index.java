package dev.tenon.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index over one or more columns of the annotated entity's table; repeatable.
 *
 * <pre>{@code
 * @Table(name = "emp", schema = "scott")
 * @Index(columns = {"deptno", "ename"})
 * public class Emp { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Indexes.class)
public @interface Index {
    /** Column names (not field names), in index order. */
    String[] columns();

    /** Whether the index is unique. */
    boolean unique() default false;

    /** The index name; defaults to {@code ix_<table>_<columns>}. */
    String name() default "";
}
