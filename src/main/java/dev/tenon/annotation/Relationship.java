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
 * @Relationship(foreignKey = "mgr", viewOnly = true, orderBy = "sal desc") List<Emp> bestPaid; // read-only second view
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

    /**
     * A relationship for reading only, as SQLAlchemy's {@code viewonly=True}: it loads like any other, but a flush
     * never writes from it (no foreign key set, no association row, no orphan deleted, nothing set to NULL when its
     * parent is deleted) and nothing cascades along it, so it takes no {@link #cascade()} of its own. Changes made
     * to its collection in memory stay in memory. Use it for a second view over a foreign key another relationship
     * already writes (see {@link #overlaps()}).
     */
    boolean viewOnly() default false;

    /**
     * Relationships this one knowingly writes the same foreign-key columns as, by name ({@code "employees"}) or
     * qualified by their entity ({@code "Dept.employees"}), as SQLAlchemy's {@code overlaps="..."}.
     *
     * <p>Two relationships that write the same column (the two sides of one foreign key, or two collections over
     * it, or two many-to-many over one association table) without {@link #backPopulates()} between them would each
     * set it at flush, from objects that may disagree. The scan warns about every such pair on the {@code
     * tenon.mapping} logger, with the fix: link the two sides with {@code backPopulates}, mark the one that is only
     * read {@link #viewOnly()}, or, when both must write and the application keeps them consistent, name the other
     * here, which silences the warning (naming it on either side is enough).
     */
    String[] overlaps() default {};
}
