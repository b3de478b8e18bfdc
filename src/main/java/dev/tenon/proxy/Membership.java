package dev.tenon.proxy;

/**
 * Hears the members the application adds to and removes from a relationship collection, as they happen: how the
 * other side of a {@code backPopulates} pair follows at once. Tenon's own filling of a collection is not heard.
 */
public interface Membership {
    /** {@code member} joined the collection. */
    void added(Object member);

    /** {@code member} left the collection. */
    void removed(Object member);
}
