package dev.tenon.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a column references a column of another (or the same) table.
 *
 * <pre>{@code
 * @Column @ForeignKey("scott.dept.deptno") Integer deptno;
 * @Column @ForeignKey(value = "scott.emp.empno", onDelete = ReferentialAction.SET_NULL) Integer mgr;
 * }</pre>
 *
 * Fields of the same class whose {@code @ForeignKey} share a {@link #name()} form one composite key.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {
    /** The target: {@code "schema.table.column"}, or {@code "table.column"} for a table without schema. */
    String value();

    /** What the database does to this row when the referenced row is deleted. */
    ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

    /** The constraint name; defaults to {@code fk_<table>_<column>}. Shared by the columns of a composite key. */
    String name() default "";
}
