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

    private RelationSet(Set<E> elements, Loader loader) {
        this.members = new LazyMembers<>(elements, loader, RelationSet::copy);
    }

    @SuppressWarnings("unchecked")
    private static <E> Set<E> copy(Collection<?> members) {
        return new LinkedHashSet<>((Collection<E>) members);
    }

    /** A set that loads itself on first access. */
    public static <E> RelationSet<E> lazy(Loader loader) {
        return new RelationSet<>(null, loader);
    }

    /** A set already holding its members. */
    public static <E> RelationSet<E> loaded(Collection<? extends E> members) {
        return new RelationSet<>(new LinkedHashSet<>(members), null);
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
    public Iterator<E> iterator() {
        return elements().iterator();
    }

    @Override
    public int size() {
        return elements().size();
    }

    @Override
    public boolean add(E element) {
        return elements().add(element);
    }

    @Override
    public boolean remove(Object element) {
        return elements().remove(element);
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
