package dev.tenon.annotation;

/** What an operation on a parent does to the objects of its relationship, as in SQLAlchemy. */
public enum Cascade {
    /** Adding the parent adds its related objects (the default, with {@link #MERGE}). */
    SAVE_UPDATE,
    /** Merging the parent merges its related objects. */
    MERGE,
    /** Deleting the parent deletes its related objects. */
    DELETE,
    /** An object removed from the parent's collection is deleted at flush (otherwise its key is set to NULL). */
    DELETE_ORPHAN
}
