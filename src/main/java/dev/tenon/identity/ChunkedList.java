package dev.tenon.identity;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A list that grows by whole chunks of 1,024 elements instead of by copying one array: what the session keeps per
 * loaded row (the order it saw its objects in, the members of a result) grows with the result, and an
 * {@code ArrayList} of a hundred thousand rows is one array of half a megabyte or more. The G1 collector allocates
 * such an array outside the young generation, as a humongous object, and frees it only at a later, costlier
 * collection: with the 1 MB regions of a 2 GB heap, measured as most of the time of a large read. Chunks stay small.
 *
 * <p>Appends, and reads and replaces by index; nothing else.
 *
 * @param <E> the element type
 */
final class ChunkedList<E> extends AbstractList<E> implements RandomAccess {
    private static final int SHIFT = 10;
    private static final int CHUNK = 1 << SHIFT;

    private Object[][] chunks = new Object[4][];
    private int size;

    @Override
    public boolean add(E element) {
        int chunk = size >>> SHIFT;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[chunk] == null) {
            // The first chunk starts small: most results are a few rows.
            chunks[chunk] = new Object[chunk == 0 ? 16 : CHUNK];
        } else if (chunk == 0 && size == chunks[0].length) {
            chunks[0] = Arrays.copyOf(chunks[0], Math.min(CHUNK, size * 4));
        }
        chunks[chunk][size & (CHUNK - 1)] = element;
        size++;
        modCount++;
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
        }
        return (E) chunks[index >>> SHIFT][index & (CHUNK - 1)];
    }

    @Override
    public E set(int index, E element) {
        E previous = get(index);
        chunks[index >>> SHIFT][index & (CHUNK - 1)] = element;
        return previous;
    }

    @Override
    public int size() {
        return size;
    }
}
