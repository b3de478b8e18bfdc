package dev.tenon.identity;

/**
 * The calls the enhancer writes into mapped classes: the Java counterpart of SQLAlchemy's instrumented attributes.
 * Every read of a relationship field and every write of a mapped field of an enhanced class goes through here.
 */
public final class Attributes {
    private Attributes() {
    }

    /** A read of relationship {@code field} of {@code owner}, which holds {@code value}: the value the reader sees. */
    public static Object read(Object owner, String field, Object value) {
        return value;
    }

    /** A write of relationship {@code field} of {@code owner}: the value to store. */
    public static Object write(Object owner, String field, Object oldValue, Object newValue) {
        return newValue;
    }

    /** A write of column {@code field} of {@code owner}, which has a state; {@code oldValue} boxed. */
    public static void changed(Object owner, String field, Object oldValue) {
    }
}
