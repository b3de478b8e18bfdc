package dev.tenon.query;

import dev.tenon.annotation.Lazy;
import dev.tenon.exception.TenonException;
import dev.tenon.identity.Attributes;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Spliterator;
import java.util.function.Predicate;

/**
 * The value of a {@code lazy = DYNAMIC} or {@code WRITE_ONLY} relationship: a query over the children, and a list
 * that records {@link #add additions} and {@link #remove removals} without loading anything, as SQLAlchemy's
 * dynamic and write-only collections do. The next flush writes what was recorded (the child's foreign key, an
 * association row, or the orphan's deletion); until then the changes are pending here. Reading a {@code DYNAMIC}
 * list runs its query again each time (nothing is cached), after the session's autoflush, so it sees the pending
 * changes; a {@code WRITE_ONLY} list refuses to be read: use its {@link #query(List) query}.
 *
 * <pre>{@code
 * dept.employees.add(hire);                          // no SQL: the INSERT (or UPDATE of deptno) runs at flush
 * dept.employees.remove(leaver);                     // no SQL: deptno set to NULL, or the row deleted (delete-orphan)
 * long clerks = DynamicList.query(dept.employees).where(Condition.eq("job", "CLERK")).count();   // flushes, then counts
 * }</pre>
 *
 * {@code add} and {@code remove} return true without asking the database whether the object was a member. Only
 * those two (with {@code addAll} and {@code removeAll}) change the list; positional changes ({@code set},
 * {@code add(index, e)}, {@code remove(index)}) and {@code clear} fail: a query has no positions to write.
 *
 * @param <E> the child type
 */
public final class DynamicList<E> extends AbstractList<E> {
    /** What a dynamic list recorded since the last flush: taken by the flush that writes it. */
    public record Pending<E>(List<E> added, List<Object> removed) {
        /** Unmodifiable copies. */
        public Pending {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }
    }

    private final Query<E> query;
    /** The object whose relationship this is: a change makes it one the next flush visits. */
    private final Object owner;
    private final List<E> added = new ArrayList<>();
    private final List<Object> removed = new ArrayList<>();

    /** A list over {@code query}, the relationship of {@code owner}, with nothing pending. */
    public DynamicList(Query<E> query, Object owner) {
        this.query = query;
        this.owner = owner;
    }

    /** The query behind a dynamic relationship's value. */
    public Query<E> query() {
        return query;
    }

    /**
     * The query behind a dynamic relationship's field value.
     *
     * @throws IllegalArgumentException when the relationship is not dynamic
     */
    public static <E> Query<E> query(List<E> relationship) {
        if (relationship instanceof DynamicList<E> dynamic) {
            return dynamic.query;
        }
        throw new IllegalArgumentException("Not a dynamic relationship: map it with @Relationship(lazy = Lazy.DYNAMIC), or use session.related(parent, name)");
    }

    // ---- writing -------------------------------------------------------------------------------------------

    /**
     * Records {@code child} as a new member, written at the next flush (and added to the session then, through the
     * relationship's save-update cascade). Runs no SQL; always true.
     */
    @Override
    public boolean add(E child) {
        checkWritable();
        if (child == null) {
            throw new TenonException("Cannot add null to " + name() + "; add an object of " + query.type().getSimpleName());
        }
        // Removed and added back before a flush: nothing to write.
        if (!removeIdentical(removed, child)) {
            added.add(child);
        }
        Attributes.touched(owner);
        return true;
    }

    /**
     * Records {@code child} as no longer a member: at the next flush its foreign key is set to NULL, its association
     * row deleted, or (delete-orphan) the object deleted. Runs no SQL; true unless {@code child} is null.
     */
    @Override
    public boolean remove(Object child) {
        checkWritable();
        if (child == null) {
            return false;
        }
        // Added since the last flush: forgetting the addition is the whole removal.
        if (!removeIdentical(added, child)) {
            removed.add(child);
        }
        Attributes.touched(owner);
        return true;
    }

    /** Records the removal of each of {@code children}; runs no SQL. */
    @Override
    public boolean removeAll(Collection<?> children) {
        boolean changed = false;
        for (Object child : children) {
            changed |= remove(child);
        }
        return changed;
    }

    @Override
    public E set(int index, E element) {
        throw positional("set(index, element)");
    }

    @Override
    public void add(int index, E element) {
        throw positional("add(index, element)");
    }

    @Override
    public E remove(int index) {
        throw positional("remove(index)");
    }

    @Override
    public void clear() {
        throw positional("clear()");
    }

    @Override
    public boolean retainAll(Collection<?> children) {
        throw positional("retainAll(...)");
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        throw positional("removeIf(...)");
    }

    private TenonException positional(String operation) {
        return new TenonException(operation + " is not supported on " + name() + ", a dynamic relationship: change it with "
                + "add(child) and remove(child), which the next flush writes without loading the collection");
    }

    /** Whether {@code add} or {@code remove} was called since the last flush. */
    public boolean hasPendingChanges() {
        return !added.isEmpty() || !removed.isEmpty();
    }

    /** What was added and removed since the last flush, in order, without forgetting it. */
    public Pending<E> pending() {
        return new Pending<>(added, removed);
    }

    /** Forgets the pending changes and returns them: called by the flush that wrote them. */
    public Pending<E> takePending() {
        Pending<E> pending = pending();
        added.clear();
        removed.clear();
        return pending;
    }

    /**
     * Puts back changes a flush took, before those recorded since: the transaction that wrote them was rolled back,
     * so they are pending again.
     */
    public void restorePending(Pending<? extends E> pending) {
        added.addAll(0, pending.added());
        removed.addAll(0, pending.removed());
        Attributes.touched(owner);
    }

    private static boolean removeIdentical(List<?> list, Object child) {
        for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
            if (it.next() == child) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** Runs the query and returns the element at {@code index}. */
    @Override
    public E get(int index) {
        return read().get(index);
    }

    /** Counts the children with {@code SELECT COUNT(*)}, without loading them. */
    @Override
    public int size() {
        checkReadable();
        return Math.toIntExact(query.count());
    }

    /** Runs the query once and iterates its results. */
    @Override
    public Iterator<E> iterator() {
        return read().iterator();
    }

    // AbstractList would count first and then iterate, or call get(i) per element: one query each. Copying the
    // list (new ArrayList<>(list), stream(), toArray) must run the query once.

    @Override
    public ListIterator<E> listIterator(int index) {
        return read().listIterator(index);
    }

    @Override
    public Object[] toArray() {
        return read().toArray();
    }

    @Override
    public <A> A[] toArray(A[] array) {
        return read().toArray(array);
    }

    @Override
    public Spliterator<E> spliterator() {
        return read().spliterator();
    }

    /** The children as the query finds them, read-only: changing what it returned would write nothing. */
    private List<E> read() {
        checkReadable();
        return Collections.unmodifiableList(query.list());
    }

    private void checkWritable() {
        if (query.parent() != null && query.parent().relationship().viewOnly()) {
            throw new TenonException(name() + " is viewOnly: a flush never writes it; change the relationship that writes "
                    + "the same foreign key instead");
        }
    }

    private void checkReadable() {
        if (query.parent() != null && query.parent().relationship().lazy() == Lazy.WRITE_ONLY) {
            throw new TenonException(name() + " is write-only: read it through its query, e.g. DynamicList.query(parent."
                    + query.parent().relationship().name() + ").where(...).list(), or map it with lazy = Lazy.DYNAMIC");
        }
    }

    private String name() {
        return query.parent() == null ? "a dynamic list of " + query.type().getSimpleName() : query.parent().relationship().toString();
    }

    @Override
    public String toString() {
        return "DynamicList[" + query.toSql() + "]";
    }
}
