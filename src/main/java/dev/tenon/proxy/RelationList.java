package dev.tenon.proxy;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Predicate;

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

    // Iteration and bulk operations go to the loaded list itself: AbstractList's own would ask size() and get(i) of
    // this wrapper at every step, and would not see the list's modifications (its modCount is the wrapper's).

    @Override
    public Iterator<E> iterator() {
        return elements().iterator();
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        return elements().listIterator(index);
    }

    @Override
    public Spliterator<E> spliterator() {
        return elements().spliterator();
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        elements().forEach(action);
    }

    @Override
    public boolean contains(Object o) {
        return elements().contains(o);
    }

    @Override
    public int indexOf(Object o) {
        return elements().indexOf(o);
    }

    @Override
    public Object[] toArray() {
        return elements().toArray();
    }

    @Override
    public <T> T[] toArray(T[] array) {
        return elements().toArray(array);
    }

    @Override
    public boolean addAll(Collection<? extends E> added) {
        return elements().addAll(added);
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        return elements().removeIf(filter);
    }

    @Override
    public void clear() {
        elements().clear();
    }

    /** The members, loading them first if needed: printing a relationship shows what it holds, as any list would. */
    @Override
    public String toString() {
        return elements().toString();
    }
}
