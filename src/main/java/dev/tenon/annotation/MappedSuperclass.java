package dev.tenon.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a base class whose mapped fields every entity extending it inherits, at any depth: the key, audit timestamps,
 * a version. It has no table of its own; each entity below it maps the inherited fields as columns of its own table,
 * before the fields it declares.
 *
 * <pre>{@code
 * @MappedSuperclass
 * public abstract class Audited {
 *     @Id protected Long id;
 *     @Column(serverDefault = "now") protected Instant created;
 *     @Column(updateValue = Now.class) protected Instant updated;
 *     @Version protected long version;
 * }
 *
 * @Table(name = "invoice")
 * public class Invoice extends Audited {      // columns: id, created, updated, version, total
 *     @Column BigDecimal total;
 * }
 * }</pre>
 *
 * A superclass with mapped fields but without this annotation (nor {@link Table}) is refused when its subclass is
 * scanned, so that fields are never mapped by accident. The class is enhanced like an entity (its writes are seen by
 * Tenon, from its own methods, its subclasses' and anyone else's).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MappedSuperclass {
}
