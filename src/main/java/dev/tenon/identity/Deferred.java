package dev.tenon.identity;

/**
 * How an unloaded to-one relationship loads when the application first reads it: the field holds null, and the
 * object's state holds this in the relationship's place. One instance serves every object of a statement, so
 * deferring costs no allocation per row; it is the counterpart of a collection's loader.
 */
@FunctionalInterface
public interface Deferred {
    /**
     * Loads the relationship of {@code parent}, sets its field and records it as loaded; returns the related object
     * (null when there is none).
     *
     * @throws dev.tenon.exception.LazyLoadException when the object's session is closed or its strategy forbids loading
     */
    Object load(InstanceState parent);
}
