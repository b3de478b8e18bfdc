package dev.tenon.annotation;

/** Whether a relationship holds a collection or a single object. */
public enum UseList {
    /** From the field type: a {@code List} or {@code Set} is a collection, anything else a reference. */
    INFER,
    /** A collection. */
    TRUE,
    /** A single object: on a one-to-many foreign key this makes a one-to-one from the parent side. */
    FALSE
}
