package dev.tenon.metadata;

import java.math.BigDecimal;

/**
 * A number given for an attribute of another numeric type, converted when it fits exactly ({@code 1000} for a
 * {@code BigDecimal} salary, {@code 7369L} for an {@code Integer} key), so that a condition or a bulk update reads
 * naturally and binds the column's own type; a value that does not fit (a fraction for an integer, a long too big)
 * is left for the caller to refuse.
 */
public final class ExactNumber {
    private ExactNumber() {
    }

    /** {@code number} as {@code expected} (a boxed numeric type), or null when it does not fit exactly. */
    public static Object convert(Number number, Class<?> expected) {
        try {
            BigDecimal exact = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
            if (expected == BigDecimal.class) {
                return exact;
            } else if (expected == Integer.class) {
                return exact.intValueExact();
            } else if (expected == Long.class) {
                return exact.longValueExact();
            } else if (expected == Short.class) {
                return exact.shortValueExact();
            } else if (expected == Double.class) {
                return exact.doubleValue();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;        // does not fit the column's type
        }
        return null;
    }
}
