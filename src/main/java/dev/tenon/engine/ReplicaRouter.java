package dev.tenon.engine;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * The replicas of a database and what they share: whose turn it is (round-robin), and the furthest commit position a
 * session of the database has seen, which its next read-only session must see too. Thread-safe. See {@link Replicas}.
 */
final class ReplicaRouter implements AutoCloseable {
    private final List<Replica> replicas;
    private final Duration readYourWritesTimeout;
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicReference<WalPosition> committed = new AtomicReference<>();

    private ReplicaRouter(List<Replica> replicas, Duration readYourWritesTimeout) {
        this.replicas = List.copyOf(replicas);
        this.readYourWritesTimeout = readYourWritesTimeout;
    }

    /**
     * A pool per replica, with the primary's credentials, size and timeouts; when one cannot be opened, the others are
     * closed and the failure, naming that replica's URL, thrown.
     */
    static ReplicaRouter open(ConnectionOptions primary, Replicas replicas) {
        List<Replica> opened = new ArrayList<>();
        try {
            for (String url : replicas.urls()) {
                int number = opened.size() + 1;
                // A hot standby refuses SERIALIZABLE; its reads see one snapshot at REPEATABLE READ, as PostgreSQL advises.
                ConnectionOptions.Isolation isolation = primary.isolation() == ConnectionOptions.Isolation.SERIALIZABLE
                        ? ConnectionOptions.Isolation.REPEATABLE_READ : primary.isolation();
                ConnectionOptions options = new ConnectionOptions(url, primary.user(), primary.password(), primary.maximumPoolSize(),
                        primary.connectTimeout(), primary.acquireTimeout(), primary.statementTimeout(), primary.socketTimeout(), isolation);
                HikariDataSource pool = ConnectionPool.open(options, "tenon-replica-" + number);
                opened.add(new Replica("replica " + number + " (" + url + ")", pool));
            }
        } catch (RuntimeException e) {
            opened.forEach(replica -> Quietly.close(replica.pool()));
            throw e;
        }
        return new ReplicaRouter(opened, replicas.readYourWritesTimeout());
    }

    /** The replica whose turn it is. */
    Replica next() {
        return replicas.get(Math.floorMod(turn.getAndIncrement(), replicas.size()));
    }

    /** A session committed at {@code position}: later read-only sessions wait for it. */
    void committed(WalPosition position) {
        committed.accumulateAndGet(position, WalPosition::later);
    }

    /** The furthest commit position seen, or null before the first. */
    WalPosition lastCommitted() {
        return committed.get();
    }

    Duration readYourWritesTimeout() {
        return readYourWritesTimeout;
    }

    /** The replicas' pools, in the order of their URLs. */
    List<DataSource> dataSources() {
        return replicas.stream().map(replica -> (DataSource) replica.pool()).toList();
    }

    /** Closes every replica's pool, the first failure thrown after all were tried. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (Replica replica : replicas) {
            try {
                replica.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
