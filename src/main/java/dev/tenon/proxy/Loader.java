package dev.tenon.proxy;

/**
 * What a lazy collection calls on first access to fill itself: the only thing it knows of the session. The loader
 * throws Tenon's exception when its session is closed or its strategy forbids loading.
 */
@FunctionalInterface
public interface Loader {
    /** The related object (for a reference) or the members (a {@code Collection}, for a collection). */
    Object load();
}
