package dev.tenon.exception;

/**
 * An object's identity is wrong for what was asked: a second object with the key of one already in the
 * session, an object that belongs to another session, a key of the wrong type, a missing row on refresh.
 */
public class IdentityException extends TenonException {
    private static final long serialVersionUID = 1L;

    /** An exception with the full message. */
    public IdentityException(String message) {
        super(message);
    }
}
