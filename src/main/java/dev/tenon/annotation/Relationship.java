package dev.tenon.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Links an entity to another through a foreign key, as SQLAlchemy's {@code relationship()}.
 * The foreign key is found between the two tables; name it with {@link #foreignKey()} when there are several.
 *
 * <pre>{@code
 * @Relationship(backPopulates = "department") List<Emp> employees;   // one-to-many
 * @Relationship(backPopulates = "employees") Dept department;        // many-to-one
 * @Relationship(foreignKey = "mgr") Emp manager;                      // self-referential
 * @Relationship(secondary = "scott.emp_project") Set<Project> projects; // many-to-many
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Relationship {
    /** The relationship on the other side that mirrors this one, kept in sync in memory. */
    String backPopulates() default "";

    /** The default loading strategy. */
    Lazy lazy() default Lazy.SELECT;

    /**
     * With {@link Lazy#SELECT}: how many sibling objects from the same result one lazy load fills at once.
     * 0 or 1 loads one object at a time.
     */
    int batchSize() default 0;

    /** Collection or single reference; inferred from the field type by default. */
    UseList uselist() default UseList.INFER;

    /** Order of a collection: attribute names of the target, each optionally followed by " desc". */
    String[] orderBy() default {};

    /** Operations that flow from the parent to the related objects. */
    Cascade[] cascade() default {Cascade.SAVE_UPDATE, Cascade.MERGE};

    /**
     * The foreign-key column(s) to join on, by column name, when the tables are joined by more than one
     * foreign key (the column on the referencing side, e.g. {@code "mgr"}).
     */
    String[] foreignKey() default {};

    /** For many-to-many: the association table, {@code "schema.table"} or {@code "table"}, mapped by an entity. */
    String secondary() default "";
}
