package dev.tenon.engine;

import dev.tenon.exception.TenonException;
import dev.tenon.exception.TimeoutException;
import dev.tenon.sql.BoundSql;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a read-only session's connections come from: one replica, chosen in turn when the session first needs a
 * connection and kept for the session, so that its reads never go back in time by moving to a replica further behind;
 * or the primary, when that replica has not replayed the position the session must see within the
 * {@code readYourWritesTimeout}, or cannot be reached. Each decision is logged on {@code tenon.sql}, which so tells
 * which server the statements after it went to. Not thread-safe: it belongs to one {@link Transaction}.
 */
final class ReadRoute implements Connections {
    private static final Logger LOG = LoggerFactory.getLogger("tenon.sql");
    /** How far a standby has replayed; null on a server that is not one. */
    static final BoundSql REPLAY_POSITION = BoundSql.of("SELECT pg_last_wal_replay_lsn()");
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ReplicaRouter router;
    private final WalPosition required;
    private final Supplier<Connection> primary;
    private Replica replica;

    /** A route over {@code router}'s replicas for a session that must see {@code required} (null: anything goes). */
    ReadRoute(ReplicaRouter router, WalPosition required, Supplier<Connection> primary) {
        this.router = router;
        this.required = required;
        this.primary = primary;
    }

    @Override
    public Connection get(Connections.Probe probe) {
        if (replica == null) {
            replica = router.next();
        }
        Connection candidate;
        try {
            candidate = replica.connection();
        } catch (TenonException e) {
            return fallBack("cannot be reached (" + e.getMessage() + ")");
        }
        if (required == null || replica.hasReplayed(required)) {
            LOG.debug("read-only session on {}", replica);
            return candidate;
        }
        String behind;
        try {
            behind = waitForReplay(candidate, probe);
        } catch (TenonException e) {
            behind = "failed to tell its replay position (" + e.getMessage() + ")";
        }
        if (behind == null) {
            LOG.debug("read-only session on {}, which has replayed {}", replica, required);
            return candidate;
        }
        Quietly.close(candidate);
        return fallBack(behind);
    }

    /**
     * Asks the replica how far it has replayed until it has passed {@code required}, pausing a little longer each time;
     * returns null once it has, or why it has not within the timeout.
     */
    private String waitForReplay(Connection candidate, Connections.Probe probe) {
        Duration timeout = router.readYourWritesTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            WalPosition[] replayed = new WalPosition[1];
            probe.query(candidate, REPLAY_POSITION, row -> {
                String text = row.getString(1);
                replayed[0] = text == null ? null : WalPosition.parse(text);
            });
            if (replayed[0] == null) {
                return "is not a standby (pg_last_wal_replay_lsn() is null)";
            }
            replica.replayed(replayed[0]);
            if (replayed[0].reached(required)) {
                return null;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return "had replayed " + replayed[0] + ", not yet " + required + ", after readYourWritesTimeout "
                        + TimeoutException.shown(timeout);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "was still behind " + required + " when the wait was interrupted";
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }

    private Connection fallBack(String why) {
        LOG.info("read-only session on the primary: {} {}", replica, why);
        return primary.get();
    }
}
