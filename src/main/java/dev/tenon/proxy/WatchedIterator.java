package dev.tenon.proxy;

import java.util.ListIterator;

/**
 * An iterator over a watched collection's members that reports what it removes, replaces or inserts, so that
 * {@code iterator().remove()}, {@code removeIf} and {@code replaceAll} are heard like {@code remove}.
 */
final class WatchedIterator<E> implements ListIterator<E> {
    private final ListIterator<E> iterator;
    private final Membership watcher;
    private E last;

    WatchedIterator(ListIterator<E> iterator, Membership watcher) {
        this.iterator = iterator;
        this.watcher = watcher;
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
        return iterator.hasPrevious();
    }

    @Override
    public E previous() {
        last = iterator.previous();
        return last;
    }

    @Override
    public int nextIndex() {
        return iterator.nextIndex();
    }

    @Override
    public int previousIndex() {
        return iterator.previousIndex();
    }

    @Override
    public void remove() {
        iterator.remove();
        watcher.removed(last);
    }

    @Override
    public void set(E element) {
        iterator.set(element);
        if (element != last) {
            watcher.removed(last);
            watcher.added(element);
            last = element;
        }
    }

    @Override
    public void add(E element) {
        iterator.add(element);
        watcher.added(element);
    }
}
