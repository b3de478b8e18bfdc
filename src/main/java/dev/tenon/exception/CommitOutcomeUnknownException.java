package dev.tenon.exception;

import java.sql.SQLException;

/**
 * The connection was lost while {@code COMMIT} was on its way, so nobody on this side knows whether the database
 * committed the transaction: the server may have committed it and died (or lost the network) before its answer
 * arrived, or it may have rolled it back. This is never reported as a plain failure, because the remedies differ:
 * after a failure the application may simply retry, after this it must first look whether its changes are in the
 * database (by a natural key, say), or a retry may write them twice.
 *
 * <p>The session has ended the transaction and detached every object, leaving the values its flushes set (keys the
 * database generated among them), so that the application can check for its rows; it makes nothing pending again.
 */
public class CommitOutcomeUnknownException extends TenonException {
    private static final long serialVersionUID = 1L;

    /** The commit's connection failed with {@code cause}. */
    public CommitOutcomeUnknownException(String message, SQLException cause) {
        super(message, cause);
    }
}
