package dev.tenon.engine;

import dev.tenon.exception.TenonException;
import dev.tenon.exception.TimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The read replicas of a PostgreSQL database: hot standbys fed by streaming replication, each reached through a pool
 * of its own with the primary's credentials, pool size and timeouts. Immutable; each setter returns a copy.
 *
 * <pre>{@code
 * Database db = Database.connect(ConnectionOptions.url("jdbc:postgresql://primary:5432/shop").user("app"),
 *         Replicas.of("jdbc:postgresql://standby1:5432/shop", "jdbc:postgresql://standby2:5432/shop")
 *                 .readYourWritesTimeout(Duration.ofMillis(500)));
 * try (Session session = db.openReadOnlySession(metadata)) { ... }   // reads on a standby, round-robin
 * }</pre>
 *
 * <p><b>Routing.</b> A read-only session ({@code db.openReadOnlySession}) reads on one replica, the next in turn;
 * every other session, and every write, goes to the primary. A read-only session refuses to write before any SQL.
 *
 * <p><b>Read-your-writes.</b> A standby replays the primary's log a little behind it, so a row committed an instant
 * ago may not be there yet. After a session commits a transaction that wrote (or, under an isolation stricter than
 * READ COMMITTED, any transaction that ran a statement, since it begins on the database at once), Tenon reads the commit's position in the
 * log on the primary (one statement, {@code pg_current_wal_insert_lsn()}) and the database remembers the highest. A
 * read-only session opened afterwards (or given a position, {@code db.openReadOnlySession(metadata, position)}) asks
 * its replica, before its first statement, how far it has replayed ({@code pg_last_wal_replay_lsn()}), and polls, with
 * a growing pause, until it has passed that position; when it has not within {@code readYourWritesTimeout}, the
 * session reads on the primary instead (logged on {@code tenon.sql}). A replica known to have passed the position is
 * not asked again. A replica that cannot be reached sends its sessions to the primary too, once its pool has given
 * up waiting for a connection ({@code acquireTimeout}); a failed read of a commit's position is logged, and that
 * commit is not waited for.
 *
 * <p>Only PostgreSQL has replicas here: {@code Database.connect} refuses them over another database, whose replay
 * position Tenon could not read.
 *
 * @param urls                  the JDBC URLs of the replicas ({@code jdbc:postgresql://...})
 * @param readYourWritesTimeout the longest a read-only session waits for its replica to replay a commit before it
 *                              reads on the primary instead
 */
public record Replicas(List<String> urls, Duration readYourWritesTimeout) {
    /** The default {@code readYourWritesTimeout}: a standby more than a second behind is treated as unavailable. */
    public static final Duration DEFAULT_READ_YOUR_WRITES_TIMEOUT = Duration.ofSeconds(1);

    /** No replicas: every session on the primary. */
    public static final Replicas NONE = new Replicas(List.of(), DEFAULT_READ_YOUR_WRITES_TIMEOUT);

    /** Checks the URLs and the timeout, naming what is wrong. */
    public Replicas {
        if (urls == null) {
            throw new TenonException("Replicas need a list of URLs (empty for none), was null");
        }
        for (String url : urls) {
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                throw new TenonException("Not a PostgreSQL replica URL: '" + url + "'; replicas are PostgreSQL hot standbys, "
                        + "reached as jdbc:postgresql://host:port/database");
            }
        }
        urls = List.copyOf(urls);
        if (readYourWritesTimeout == null || readYourWritesTimeout.isNegative()) {
            throw new TenonException("readYourWritesTimeout must be zero (read on the primary at once) or positive, was "
                    + (readYourWritesTimeout == null ? "null" : TimeoutException.shown(readYourWritesTimeout)));
        }
    }

    /** These replicas, with the default {@code readYourWritesTimeout}. */
    public static Replicas of(String... urls) {
        if (urls.length == 0) {
            throw new TenonException("Replicas.of needs at least one URL; use Replicas.NONE for none");
        }
        return new Replicas(Arrays.asList(urls), DEFAULT_READ_YOUR_WRITES_TIMEOUT);
    }

    /** A copy with this {@code readYourWritesTimeout} (zero: never wait, read on the primary when the replica is behind). */
    public Replicas readYourWritesTimeout(Duration value) {
        return new Replicas(urls, value);
    }

    /** Whether there is no replica. */
    public boolean isEmpty() {
        return urls.isEmpty();
    }
}
