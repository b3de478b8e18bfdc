package dev.tenon.engine;

/** Closing what is no longer needed, where a failure to close has nothing to add to what is already reported. */
final class Quietly {
    private Quietly() {
    }

    /** Closes {@code closeable} (null is fine), ignoring a failure: the first error is the one worth reporting. */
    static void close(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Closing after a failure, or closing a result already read: nothing left to report.
            }
        }
    }
}
