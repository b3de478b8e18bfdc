package dev.tenon.annotation;

/**
 * Converts the value of a field (the attribute, of type {@code A}) to the value of its column (of type {@code D}, one
 * of the types Tenon maps, such as {@code String}, {@code Integer} or {@code BigDecimal}) and back. Named on the field
 * by {@link Convert}:
 *
 * <pre>{@code
 * public final class MoneyConverter implements AttributeConverter<Money, BigDecimal> {
 *     public BigDecimal toDatabase(Money money) { return money.amount(); }
 *     public Money fromDatabase(BigDecimal amount) { return new Money(amount); }
 * }
 *
 * @Column(precision = 12, scale = 2) @Convert(converter = MoneyConverter.class) Money price;
 * }</pre>
 *
 * The column's type is the one Tenon gives {@code D}. The converter is used wherever the column's value travels:
 * bound in inserts, updates and query conditions ({@code eq("price", money)} binds {@code toDatabase(money)}), and
 * read from rows. It is never called with null: a null field is a NULL column, and the other way round.
 *
 * <p>A converter is made once per mapped field, when the class is scanned, through its no-argument constructor (it
 * may be private), or through a constructor taking the field's {@link java.lang.reflect.Type} when it has one, for
 * converters that need the field's generic type (as the JSON converter does). It must be stateless and thread-safe.
 *
 * <p>Dirty checking: a value of a type that can change in place (anything but strings, numbers, dates, UUIDs and
 * enums) is compared at each flush with what was loaded, by its converted value, so a change made inside the object
 * without a new assignment to the field is written too.
 *
 * @param <A> the field's type
 * @param <D> the column's type
 */
public interface AttributeConverter<A, D> {
    /** The column value for a field value; never called with null. */
    D toDatabase(A attribute);

    /** The field value for a column value; never called with null. */
    A fromDatabase(D column);
}
