package dev.tenon.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a field through an {@link AttributeConverter}: the column holds what the converter makes of the field's value.
 * Goes with {@link Column} (or {@link Id}), which still names and sizes the column.
 *
 * <pre>{@code
 * @Column(length = 3) @Convert(converter = CurrencyConverter.class) Currency currency;   // VARCHAR(3)
 * }</pre>
 *
 * The scanner checks that the converter can be made and that its types fit the field and a column type.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Convert {
    /** The converter class, instantiated once per mapped field. */
    @SuppressWarnings("rawtypes")
    Class<? extends AttributeConverter> converter();
}
