package dev.tenon.session;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retrying unit of work: opens a session, runs the work, commits, and closes the session; when an attempt fails
 * in a way its {@link Retry} says another may not, it waits and runs the whole work again in a new session, so that
 * every read is made again (the objects of the failed attempt are stale). When it gives up it throws the last
 * failure, with the earlier ones attached as suppressed.
 */
final class RetryingUnit {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingUnit.class);

    private RetryingUnit() {
    }

    static <T> T run(Supplier<Session> sessions, Retry retry, SessionWork<T> work) {
        RuntimeException[] earlier = new RuntimeException[retry.maxAttempts() - 1];
        for (int attempt = 1; ; attempt++) {
            try (Session session = sessions.get()) {
                T result = work.run(session);
                session.commit();
                return result;
            } catch (RuntimeException e) {
                if (attempt == retry.maxAttempts() || !retry.retries(e)) {
                    for (int i = 0; i < attempt - 1; i++) {
                        e.addSuppressed(earlier[i]);
                    }
                    throw e;
                }
                earlier[attempt - 1] = e;
                Duration wait = retry.backoff(attempt + 1);
                LOG.debug("Attempt {} of {} of a unit of work failed ({}); running it again in {} ms", attempt, retry.maxAttempts(),
                        firstLine(e), wait.toMillis());
                pause(wait, e);
            }
        }
    }

    /** Waits before the next attempt; an interrupt ends the retries with the failure that led to the wait. */
    private static void pause(Duration wait, RuntimeException failure) {
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(interrupted);
            throw failure;
        }
    }

    private static String firstLine(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
