package dev.tenon.engine;

import dev.tenon.sql.BoundSql;
import java.sql.Connection;

/**
 * Where a {@link Transaction} handle takes its connections from: the primary's pool, or for a read-only handle a
 * replica's (see {@link ReadRoute}), which may first ask a candidate connection something through a {@link Probe}.
 */
@FunctionalInterface
interface Connections {
    /** A connection for the handle's next transaction, the handle's to give back. */
    Connection get(Probe probe);

    /**
     * A query on a candidate connection before the handle takes it (how far a replica has replayed): run by the
     * handle's executor, so logged and counted in the handle's statistics, but its failure does not lose the handle's
     * transaction, which has not begun on that connection.
     */
    @FunctionalInterface
    interface Probe {
        /** Runs {@code sql} on {@code candidate}, handing each row to {@code handler}; returns the number of rows. */
        long query(Connection candidate, BoundSql sql, RowHandler handler);
    }
}
