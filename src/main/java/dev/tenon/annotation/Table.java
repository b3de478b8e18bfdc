package dev.tenon.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a class to a table. Only classes carrying {@code @Table} are entities.
 *
 * <pre>{@code
 * @Table(name = "dept", schema = "scott")
 * public class Dept { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {
    /** The table's name, used exactly as written (the dialect quotes it). */
    String name();

    /** The schema holding the table; empty for the connection's default schema. */
    String schema() default "";
}
