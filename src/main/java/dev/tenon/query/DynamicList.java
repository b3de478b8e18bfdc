package dev.tenon.query;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;

/**
 * The value of a {@code lazy = DYNAMIC} relationship: a query over the children, and a read-only list view
 * that runs it. Nothing is loaded until asked, and each read runs the query again (nothing is cached), as with
 * SQLAlchemy's dynamic relationships.
 *
 * <pre>{@code
 * long clerks = DynamicList.query(dept.employees).where(Condition.eq("job", "CLERK")).count();
 * }</pre>
 *
 * @param <E> the child type
 */
public final class DynamicList<E> extends AbstractList<E> {
    private final Query<E> query;

    /** A list over {@code query}. */
    public DynamicList(Query<E> query) {
        this.query = query;
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

    /** Runs the query and returns the element at {@code index}. */
    @Override
    public E get(int index) {
        return query.list().get(index);
    }

    /** Counts the children with {@code SELECT COUNT(*)}, without loading them. */
    @Override
    public int size() {
        return Math.toIntExact(query.count());
    }

    /** Runs the query once and iterates its results. */
    @Override
    public Iterator<E> iterator() {
        return query.list().iterator();
    }

    // AbstractList would count first and then iterate, or call get(i) per element: one query each. Copying the
    // list (new ArrayList<>(list), stream(), toArray) must run the query once.

    @Override
    public Object[] toArray() {
        return query.list().toArray();
    }

    @Override
    public <A> A[] toArray(A[] array) {
        return query.list().toArray(array);
    }

    @Override
    public Spliterator<E> spliterator() {
        return query.list().spliterator();
    }

    @Override
    public String toString() {
        return "DynamicList[" + query.toSql() + "]";
    }
}
