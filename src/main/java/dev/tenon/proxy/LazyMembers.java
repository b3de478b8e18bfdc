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
    /** Told of the application's changes once the collection is handed to it; null until then. */
    Membership watcher;
    /**
     * Whether the members are the application's own collection, which it may change without going through this
     * one: the session cannot hear those changes, so it looks at the collection at every flush.
     */
    final boolean foreign;

    /** Members already known ({@code elements}), or to load with {@code loader}; {@code copy} makes the holding collection. */
    LazyMembers(C elements, Loader loader, Function<Collection<?>, C> copy) {
        this(elements, loader, copy, false);
    }

    LazyMembers(C elements, Loader loader, Function<Collection<?>, C> copy, boolean foreign) {
        this.elements = elements;
        this.loader = loader;
        this.copy = copy;
        this.foreign = foreign;
    }

    /** Adds {@code member} unheard when loaded and not there yet; an unloaded collection will load it from the rows. */
    @SuppressWarnings("unchecked")
    void addQuietly(Object member) {
        if (elements != null && !containsIdentical(member)) {
            ((Collection<Object>) elements).add(member);
        }
    }

    /** Removes {@code member} unheard when loaded. */
    void removeQuietly(Object member) {
        if (elements != null) {
            elements.removeIf(element -> element == member);
        }
    }

    private boolean containsIdentical(Object member) {
        for (Object element : elements) {
            if (element == member) {
                return true;
            }
        }
        return false;
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
