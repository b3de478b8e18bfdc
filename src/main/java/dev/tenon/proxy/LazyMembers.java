package dev.tenon.proxy;

import java.util.Collection;
import java.util.function.Function;

/**
 * The members of a relationship collection, loaded by a {@link Loader} on first use or filled from outside:
 * the one piece of state {@link RelationList} and {@link RelationSet} share.
 *
 * @param <C> the collection holding the members once loaded
 */
final class LazyMembers<C extends Collection<?>> {
    private final Function<Collection<?>, C> copy;
    private C elements;
    private Loader loader;

    /** Members already known ({@code elements}), or to load with {@code loader}; {@code copy} makes the holding collection. */
    LazyMembers(C elements, Loader loader, Function<Collection<?>, C> copy) {
        this.elements = elements;
        this.loader = loader;
        this.copy = copy;
    }

    /** The members, loaded first if needed. */
    C get() {
        if (elements == null) {
            elements = copy.apply((Collection<?>) loader.load());
            loader = null;
        }
        return elements;
    }

    boolean isLoaded() {
        return elements != null;
    }

    /** Fills the members from outside (a batched lazy load of a sibling); the loader is dropped. */
    void fill(Collection<?> members) {
        elements = copy.apply(members);
        loader = null;
    }
}
