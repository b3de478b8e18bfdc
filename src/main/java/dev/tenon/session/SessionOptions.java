package dev.tenon.session;

/**
 * Per-session settings; immutable, each setter returns a copy.
 *
 * @param batchSize          parents per IN-batched statement (selectin, batched lazy loading), and rows per JDBC batch
 *                           of a flush
 * @param nPlusOneThreshold  the lazy load, one parent at a time from one result, that triggers the N+1 warning
 * @param strictNPlusOne     raise instead of warning on N+1
 * @param batchLazyLoads     make every lazy load fill the same relationship of its siblings from the same result
 */
public record SessionOptions(int batchSize, int nPlusOneThreshold, boolean strictNPlusOne, boolean batchLazyLoads) {
    /** 500 parents or rows per batch, N+1 warning from the 2nd load, not strict, no batched lazy loads. */
    public static final SessionOptions DEFAULTS = new SessionOptions(500, 2, false, false);

    /** Checks the values. */
    public SessionOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        if (nPlusOneThreshold < 2) {
            throw new IllegalArgumentException("nPlusOneThreshold must be at least 2, was " + nPlusOneThreshold);
        }
    }

    /** A copy with this batch size. */
    public SessionOptions batchSize(int value) {
        return new SessionOptions(value, nPlusOneThreshold, strictNPlusOne, batchLazyLoads);
    }

    /** A copy with this N+1 threshold. */
    public SessionOptions nPlusOneThreshold(int value) {
        return new SessionOptions(batchSize, value, strictNPlusOne, batchLazyLoads);
    }

    /** A copy that raises on N+1 (true) or warns (false). */
    public SessionOptions strictNPlusOne(boolean value) {
        return new SessionOptions(batchSize, nPlusOneThreshold, value, batchLazyLoads);
    }

    /** A copy that batches lazy loads across siblings (true) or loads one parent at a time (false). */
    public SessionOptions batchLazyLoads(boolean value) {
        return new SessionOptions(batchSize, nPlusOneThreshold, strictNPlusOne, value);
    }
}
