package dev.tenon.proxy;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code Set} a session puts into a collection relationship declared as a {@code Set}; insertion-ordered,
 * so the relationship's {@code orderBy} still shows. Loads like {@link RelationList}.
 *
 * @param <E> the element type
 */
public final class RelationSet<E> extends AbstractSet<E> implements RelationCollection {
    private final LazyMembers<Set<E>> members;

    private RelationSet(Set<E> elements, Loader loader, boolean foreign) {
        this.members = new LazyMembers<>(elements, loader, RelationSet::copy, foreign);
    }

    @SuppressWarnings("unchecked")
    private static <E> Set<E> copy(Collection<?> members) {
        return new LinkedHashSet<>((Collection<E>) members);
    }

    /** A set that loads itself on first access. */
    public static <E> RelationSet<E> lazy(Loader loader) {
        return new RelationSet<>(null, loader, false);
    }

    /** A set already holding its members. */
    public static <E> RelationSet<E> loaded(Collection<? extends E> members) {
        return new RelationSet<>(new LinkedHashSet<>(members), null, false);
    }

    /** A set over the application's own {@code set}, not a copy (see {@link RelationList#over}). */
    public static <E> RelationSet<E> over(Set<E> set) {
        return new RelationSet<>(set, null, true);
    }

    private Set<E> elements() {
        return members.get();
    }

    @Override
    public boolean isLoaded() {
        return members.isLoaded();
    }

    @Override
    public void fill(Collection<?> loaded) {
        members.fill(loaded);
    }

    @Override
    public boolean isWatched() {
        return members.watcher != null;
    }

    @Override
    public void watch(Membership watcher) {
        members.watcher = watcher;
    }

    @Override
    public void addQuietly(Object member) {
        members.addQuietly(member);
    }

    @Override
    public void removeQuietly(Object member) {
        members.removeQuietly(member);
    }

    @Override
    public boolean isForeign() {
        return members.foreign;
    }

    // add, remove and the iterator's remove tell the watcher; AbstractSet's bulk operations go through them.

    @Override
    public Iterator<E> iterator() {
        Iterator<E> iterator = elements().iterator();
        return members.watcher == null ? iterator : new WatchedIterator<>(iterator, members.watcher);
    }

    @Override
    public int size() {
        return elements().size();
    }

    @Override
    public boolean add(E element) {
        boolean added = elements().add(element);
        if (added && members.watcher != null) {
            members.watcher.added(element);
        }
        return added;
    }

    @Override
    public boolean remove(Object element) {
        boolean removed = elements().remove(element);
        if (removed && members.watcher != null) {
            members.watcher.removed(element);
        }
        return removed;
    }

    @Override
    public boolean contains(Object element) {
        return elements().contains(element);
    }

    /** The members, loading them first if needed: printing a relationship shows what it holds, as any list would. */
    @Override
    public String toString() {
        return elements().toString();
    }
}
