package dev.tenon.exception;

/**
 * The one base of every exception Tenon throws. Subclasses say where it went wrong; messages name the
 * entity and field and say what to do.
 */
public class TenonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public TenonException(String message) {
        super(message);
    }

    /** An exception with a message and the cause it wraps. */
    public TenonException(String message, Throwable cause) {
        super(message, cause);
    }
}
