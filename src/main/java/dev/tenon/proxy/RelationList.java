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

    private RelationList(List<E> elements, Loader loader, boolean foreign) {
        this.members = new LazyMembers<>(elements, loader, RelationList::copy, foreign);
    }

    @SuppressWarnings("unchecked")
    private static <E> List<E> copy(Collection<?> members) {
        return new ArrayList<>((Collection<E>) members);
    }

    /** A list that loads itself on first access. */
    public static <E> RelationList<E> lazy(Loader loader) {
        return new RelationList<>(null, loader, false);
    }

    /** A list already holding its members. */
    public static <E> RelationList<E> loaded(Collection<? extends E> members) {
        return new RelationList<>(new ArrayList<>(members), null, false);
    }

    /**
     * A list over the application's own {@code list}, not a copy: a change the application makes to it directly is
     * still written by the flush (which then looks at it every time), only not mirrored at once.
     */
    public static <E> RelationList<E> over(List<E> list) {
        return new RelationList<>(list, null, true);
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

    @Override
    public E get(int index) {
        return elements().get(index);
    }

    @Override
    public int size() {
        return elements().size();
    }

    // Every change goes through the methods below, which tell the watcher (see Membership); the bulk operations
    // of AbstractList and the iterators end up here or in a WatchedIterator.

    @Override
    public E set(int index, E element) {
        E old = elements().set(index, element);
        Membership watcher = members.watcher;
        if (watcher != null && old != element) {
            watcher.removed(old);
            watcher.added(element);
        }
        return old;
    }

    /**
     * Adds {@code element}; once the application holds the list, an object already in it is not added twice: a
     * relationship holds each object once, and the usual Java helper that sets both sides
     * ({@code emp.department = dept; dept.employees.add(emp)}) finds it there already.
     */
    @Override
    public void add(int index, E element) {
        if (members.watcher != null && members.containsIdentical(element)) {
            return;
        }
        elements().add(index, element);
        if (members.watcher != null) {
            members.watcher.added(element);
        }
    }

    @Override
    public E remove(int index) {
        E old = elements().remove(index);
        if (members.watcher != null) {
            members.watcher.removed(old);
        }
        return old;
    }

    @Override
    public boolean remove(Object o) {
        int index = elements().indexOf(o);
        if (index < 0) {
            return false;
        }
        remove(index);
        return true;
    }

    // Iteration and bulk operations go to the loaded list itself: AbstractList's own would ask size() and get(i) of
    // this wrapper at every step, and would not see the list's modifications (its modCount is the wrapper's).

    @Override
    public Iterator<E> iterator() {
        return members.watcher == null ? elements().iterator() : listIterator(0);
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        ListIterator<E> iterator = elements().listIterator(index);
        return members.watcher == null ? iterator : new WatchedIterator<>(iterator, members.watcher);
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
        if (members.watcher == null) {
            return elements().addAll(added);
        }
        added.forEach(this::add);
        return !added.isEmpty();
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        if (members.watcher == null) {
            return elements().removeIf(filter);
        }
        return super.removeIf(filter);
    }

    @Override
    public void clear() {
        if (members.watcher == null) {
            elements().clear();
            return;
        }
        List<E> old = new ArrayList<>(elements());
        elements().clear();
        old.forEach(members.watcher::removed);
    }

    /** The members, loading them first if needed: printing a relationship shows what it holds, as any list would. */
    @Override
    public String toString() {
        return elements().toString();
    }
}
