package dev.tenon.metadata;

import java.util.List;

/**
 * An index, or a UNIQUE constraint when {@link #constraint()} is true.
 *
 * @param name       the index or constraint name
 * @param columns    the column names, in order
 * @param unique     whether values must be unique
 * @param constraint whether this is a table constraint ({@code @Unique}, {@code @Column(unique)}) rather than an index
 */
public record IndexModel(String name, List<String> columns, boolean unique, boolean constraint) {
    /** Copies the list, so the record is immutable. */
    public IndexModel {
        columns = List.copyOf(columns);
    }
}
