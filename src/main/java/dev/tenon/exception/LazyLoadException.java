package dev.tenon.exception;

/**
 * A relationship could not be loaded on access: its session is closed (the object is detached), or its
 * strategy is {@code RAISE}. The message names the entity, the relationship and the eager option to use.
 */
public class LazyLoadException extends TenonException {
    private static final long serialVersionUID = 1L;

    /** An exception with the full message. */
    public LazyLoadException(String message) {
        super(message);
    }
}
