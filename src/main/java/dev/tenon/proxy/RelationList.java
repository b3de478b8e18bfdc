package dev.tenon.proxy;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/**
 * The {@code List} a session puts into a collection relationship. Created loaded (by an eager strategy) or
 * unloaded with a {@link Loader}, which runs on the first access of any kind: touched in a loop over parents,
 * that is one SELECT per parent, the N+1 problem.
 *
 * @param <E> the element type
 */
public final class RelationList<E> extends AbstractList<E> implements RandomAccess, RelationCollection {
    private final LazyMembers<List<E>> members;

    private RelationList(List<E> elements, Loader loader) {
        this.members = new LazyMembers<>(elements, loader, RelationList::copy);
    }

    @SuppressWarnings("unchecked")
    private static <E> List<E> copy(Collection<?> members) {
        return new ArrayList<>((Collection<E>) members);
    }

    /** A list that loads itself on first access. */
    public static <E> RelationList<E> lazy(Loader loader) {
        return new RelationList<>(null, loader);
    }

    /** A list already holding its members. */
    public static <E> RelationList<E> loaded(Collection<? extends E> members) {
        return new RelationList<>(new ArrayList<>(members), null);
    }

    private List<E> elements() {
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
    public E get(int index) {
        return elements().get(index);
    }

    @Override
    public int size() {
        return elements().size();
    }

    @Override
    public E set(int index, E element) {
        return elements().set(index, element);
    }

    @Override
    public void add(int index, E element) {
        elements().add(index, element);
    }

    @Override
    public E remove(int index) {
        return elements().remove(index);
    }

    /** The members, loading them first if needed: printing a relationship shows what it holds, as any list would. */
    @Override
    public String toString() {
        return elements().toString();
    }
}
