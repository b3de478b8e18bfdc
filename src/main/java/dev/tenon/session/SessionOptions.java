package dev.tenon.session;

import dev.tenon.exception.TenonException;

/**
 * Per-session settings; immutable, each setter returns a copy.
 *
 * <pre>{@code
 * SessionOptions.DEFAULTS.flushBatchSize(200)      // a flush sends at most 200 rows per statement
 *                        .selectinBatchSize(100)   // a selectin load binds at most 100 parents per statement
 * }</pre>
 *
 * The two batch sizes bound different things and are tuned apart. A flush's rows each bind one parameter per
 * column and travel to the server; a selectin statement binds one key per parent (one array on PostgreSQL) and
 * its cost is in the rows that come back. One loader option may bound its own selectin statements:
 * {@code Load.selectin("employees").batchSize(50)}.
 *
 * @param flushBatchSize     rows per statement of a flush: a JDBC batch of one prepared statement (one round trip),
 *                           or the rows of one multi-row statement; inserts, updates, deletes and association rows alike
 * @param selectinBatchSize  parents per IN-batched load statement (selectin, batched lazy loads, a subquery load's
 *                           parents reached by a join), and the rows of each chunk a stream hands out
 * @param nPlusOneThreshold  the statement, of lazy loads of one parent at a time from one result (two at least), that
 *                           triggers the N+1 warning
 * @param strictNPlusOne     raise instead of warning on N+1
 * @param batchLazyLoads     make every lazy load fill the same relationship of its siblings from the same result
 */
public record SessionOptions(int flushBatchSize, int selectinBatchSize, int nPlusOneThreshold, boolean strictNPlusOne,
                             boolean batchLazyLoads) {
    /**
     * Rows per flush statement by default: 1000, SQLAlchemy's {@code insertmanyvalues_page_size}, the rows it puts
     * in one multi-row {@code INSERT}: 20,000 rows take 20 round trips, and a page of rows of up to 65 columns stays
     * within PostgreSQL's 65,535 bind parameters (wider rows are bounded by that limit instead).
     */
    public static final int DEFAULT_FLUSH_BATCH_SIZE = 1000;

    /**
     * Parents per selectin statement by default: 500, SQLAlchemy's {@code selectinload} chunk size. The rows a
     * statement returns grow with the parents' children, so this stays below the flush's rows per statement.
     */
    public static final int DEFAULT_SELECTIN_BATCH_SIZE = 500;

    /**
     * 1000 rows per flush statement, 500 parents per selectin statement, N+1 warning from the 2nd load, not strict,
     * no batched lazy loads.
     */
    public static final SessionOptions DEFAULTS = new SessionOptions(DEFAULT_FLUSH_BATCH_SIZE, DEFAULT_SELECTIN_BATCH_SIZE, 2,
            false, false);

    /** Checks the values. */
    public SessionOptions {
        if (flushBatchSize < 1) {
            throw new TenonException("flushBatchSize must be at least 1, was " + flushBatchSize);
        }
        if (selectinBatchSize < 1) {
            throw new TenonException("selectinBatchSize must be at least 1, was " + selectinBatchSize);
        }
        if (nPlusOneThreshold < 2) {
            throw new TenonException("nPlusOneThreshold must be at least 2, was " + nPlusOneThreshold);
        }
    }

    /** A copy with this many rows per flush statement. */
    public SessionOptions flushBatchSize(int value) {
        return new SessionOptions(value, selectinBatchSize, nPlusOneThreshold, strictNPlusOne, batchLazyLoads);
    }

    /** A copy with this many parents per selectin statement (and rows per streamed chunk). */
    public SessionOptions selectinBatchSize(int value) {
        return new SessionOptions(flushBatchSize, value, nPlusOneThreshold, strictNPlusOne, batchLazyLoads);
    }

    /** A copy with this N+1 threshold. */
    public SessionOptions nPlusOneThreshold(int value) {
        return new SessionOptions(flushBatchSize, selectinBatchSize, value, strictNPlusOne, batchLazyLoads);
    }

    /** A copy that raises on N+1 (true) or warns (false). */
    public SessionOptions strictNPlusOne(boolean value) {
        return new SessionOptions(flushBatchSize, selectinBatchSize, nPlusOneThreshold, value, batchLazyLoads);
    }

    /** A copy that batches lazy loads across siblings (true) or loads one parent at a time (false). */
    public SessionOptions batchLazyLoads(boolean value) {
        return new SessionOptions(flushBatchSize, selectinBatchSize, nPlusOneThreshold, strictNPlusOne, value);
    }
}
