package dev.tenon.exception;

/** A query expected exactly one row (or at most one) and got another number. */
public class ResultSizeException extends TenonException {
    private static final long serialVersionUID = 1L;

    /** An exception with the full message. */
    public ResultSizeException(String message) {
        super(message);
    }
}
