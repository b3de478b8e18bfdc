package dev.tenon.proxy;

import java.util.Iterator;
import java.util.ListIterator;

/**
 * An iterator over a watched collection's members that reports what it removes, replaces or inserts, so that
 * {@code iterator().remove()}, {@code removeIf} and {@code replaceAll} are heard like {@code remove}. Over a set it
 * wraps a plain iterator, and is handed out as one: only a list's iterator offers the moves of a list iterator.
 */
final class WatchedIterator<E> implements ListIterator<E> {
    private final Iterator<E> iterator;
    private final Membership watcher;
    private E last;

    WatchedIterator(Iterator<E> iterator, Membership watcher) {
        this.iterator = iterator;
        this.watcher = watcher;
    }

    private ListIterator<E> list() {
        return (ListIterator<E>) iterator;
    }

    @Override
    public boolean hasNext() {
        return iterator.hasNext();
    }

    @Override
    public E next() {
        last = iterator.next();
        return last;
    }

    @Override
    public boolean hasPrevious() {
        return list().hasPrevious();
    }

    @Override
    public E previous() {
        last = list().previous();
        return last;
    }

    @Override
    public int nextIndex() {
        return list().nextIndex();
    }

    @Override
    public int previousIndex() {
        return list().previousIndex();
    }

    @Override
    public void remove() {
        iterator.remove();
        watcher.removed(last);
    }

    @Override
    public void set(E element) {
        list().set(element);
        if (element != last) {
            watcher.removed(last);
            watcher.added(element);
            last = element;
        }
    }

    @Override
    public void add(E element) {
        list().add(element);
        watcher.added(element);
    }
}
