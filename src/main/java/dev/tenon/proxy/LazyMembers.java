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
    /** Members added (true) or removed (false) by the other side while not loaded; null while none. */
    private java.util.Map<Object, Boolean> queued;
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

    /** Adds {@code member} unheard when not there yet (queued while not loaded). */
    @SuppressWarnings("unchecked")
    void addQuietly(Object member) {
        if (elements == null) {
            queue(member, true);
        } else if (!containsIdentical(member)) {
            ((Collection<Object>) elements).add(member);
        }
    }

    /** Removes {@code member} unheard (queued while not loaded). */
    void removeQuietly(Object member) {
        if (elements == null) {
            queue(member, false);
        } else {
            elements.removeIf(element -> element == member);
        }
    }

    private void queue(Object member, boolean added) {
        if (queued == null) {
            queued = new java.util.IdentityHashMap<>();
        }
        queued.put(member, added);
    }

    /** Whether {@code member} itself is among the members (loading them first if needed). */
    boolean containsIdentical(Object member) {
        for (Object element : get()) {
            if (element == member) {
                return true;
            }
        }
        return false;
    }

    /** The members, loaded first if needed. */
    C get() {
        if (elements == null) {
            Collection<?> loaded = (Collection<?>) loader.load();
            // The load may have filled this collection already (a batch of siblings fills each): kept as it is.
            if (elements == null) {
                elements = copy.apply(loaded);
                applyQueued();
            }
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
        applyQueued();
    }

    /**
     * The other side's changes made while the members were not loaded, as SQLAlchemy queues them: applied to what the
     * rows say once they are loaded (a flush in between has written them already, and then they change nothing).
     */
    @SuppressWarnings("unchecked")
    private void applyQueued() {
        if (queued == null) {
            return;
        }
        for (java.util.Map.Entry<Object, Boolean> change : queued.entrySet()) {
            elements.removeIf(element -> element == change.getKey());
            if (change.getValue()) {
                ((Collection<Object>) elements).add(change.getKey());
            }
        }
        queued = null;
    }
}
