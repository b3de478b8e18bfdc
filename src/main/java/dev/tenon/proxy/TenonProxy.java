package dev.tenon.proxy;

/**
 * Implemented by the generated subclass that stands for a lazy to-one reference. The proxy knows the key of
 * its target without loading it; any method of the entity called on it loads the target and runs there.
 * Fields read directly on a proxy are not loaded (as with Hibernate): read lazy references through methods.
 */
public interface TenonProxy {
    /** The key of the referenced row, known without loading. */
    Object tenon$key();

    /** Whether the target has been loaded. */
    boolean tenon$isLoaded();

    /** The real object, loaded on first call. */
    Object tenon$target();
}
