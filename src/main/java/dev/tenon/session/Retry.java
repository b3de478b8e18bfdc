package dev.tenon.session;

import dev.tenon.exception.CommitOutcomeUnknownException;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.StaleDataException;
import dev.tenon.exception.TenonException;
import dev.tenon.exception.TransactionRolledBackException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a retrying unit of work ({@code Database.transact}) runs its work again: at most {@code maxAttempts} times in
 * all, after a failure the database says another attempt may not meet, waiting a random time between zero and an
 * exponentially growing bound first ("full jitter": writers that collided once do not collide again in step).
 * Immutable; each setter returns a copy.
 *
 * <pre>{@code
 * Retry.DEFAULT.maxAttempts(20).initialBackoff(Duration.ofMillis(5))
 * }</pre>
 *
 * What is retried (see {@link #retries(Throwable)}): a conflict with a concurrent transaction (a serialization
 * failure, {@code 40001}, which is also how a hot standby cancels a query that conflicts with recovery; a deadlock,
 * {@code 40P01}; H2's concurrent update); a row whose {@code @Version} moved since it was read
 * ({@link StaleDataException}: the new attempt reads it again); and, with {@code onConnectionLoss}, a connection lost before
 * {@code COMMIT} was sent, since the server rolls back a transaction whose connection is gone. Never a commit whose
 * outcome is unknown ({@link CommitOutcomeUnknownException}): running the work again could write it twice.
 *
 * @param maxAttempts      attempts in all, the first included; 1 never retries
 * @param initialBackoff   the bound of the first wait; each later bound doubles, up to {@code maxBackoff}
 * @param maxBackoff       the largest bound of a wait
 * @param onConnectionLoss whether a connection lost before the commit is retried on a new connection
 */
public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, boolean onConnectionLoss) {
    /**
     * Ten attempts, waits bounded by 10 ms doubling up to 1 s (about 5 s of waiting at most in all), connection losses
     * retried: enough for a few writers contending for the same rows, short enough that a request still answers.
     */
    public static final Retry DEFAULT = new Retry(10, Duration.ofMillis(10), Duration.ofSeconds(1), true);

    /** One attempt: the unit of work commits or throws, as a plain session would. */
    public static final Retry NONE = new Retry(1, Duration.ZERO, Duration.ZERO, false);

    /** Checks the values. */
    public Retry {
        if (maxAttempts < 1) {
            throw new TenonException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff == null || initialBackoff.isNegative() || maxBackoff == null || maxBackoff.isNegative()) {
            throw new TenonException("initialBackoff and maxBackoff must be zero or more, were " + initialBackoff + " and " + maxBackoff);
        }
    }

    /** A copy with this many attempts in all. */
    public Retry maxAttempts(int value) {
        return new Retry(value, initialBackoff, maxBackoff, onConnectionLoss);
    }

    /** A copy whose first wait is bounded by {@code value}. */
    public Retry initialBackoff(Duration value) {
        return new Retry(maxAttempts, value, maxBackoff, onConnectionLoss);
    }

    /** A copy whose waits are bounded by {@code value}. */
    public Retry maxBackoff(Duration value) {
        return new Retry(maxAttempts, initialBackoff, value, onConnectionLoss);
    }

    /** A copy that retries a connection lost before the commit (true) or reports it (false). */
    public Retry onConnectionLoss(boolean value) {
        return new Retry(maxAttempts, initialBackoff, maxBackoff, value);
    }

    /**
     * Whether {@code failure}, or an exception that caused it, is worth another attempt of the whole unit of work.
     * An unknown commit outcome anywhere in the chain rules a retry out.
     */
    public boolean retries(Throwable failure) {
        boolean retry = false;
        int depth = 0;
        // A chain that loops (a cause set to an exception above it) is cut after a depth no real chain reaches.
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof CommitOutcomeUnknownException) {
                return false;
            }
            if (cause instanceof TransactionRolledBackException lost && lost.isConflict() || cause instanceof StaleDataException) {
                retry = true;
            } else if (cause instanceof SqlExecutionException sql
                    && (sql.isConflict() || onConnectionLoss && sql.isConnectionFailure())) {
                retry = true;
            }
        }
        return retry;
    }

    /** How long to wait before attempt {@code next} (2 or more): a random time up to the attempt's bound. */
    Duration backoff(int next) {
        long initial = initialBackoff.toNanos();
        long bound = Math.min(maxBackoff.toNanos(), initial << Math.min(next - 2, 30));
        return bound <= 0 ? Duration.ZERO : Duration.ofNanos(ThreadLocalRandom.current().nextLong(bound + 1));
    }
}
