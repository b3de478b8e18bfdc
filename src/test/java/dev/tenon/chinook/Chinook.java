package dev.tenon.chinook;

import dev.tenon.metadata.Metadata;
import dev.tenon.testing.Backend;
import dev.tenon.testing.ChinookData;
import dev.tenon.testing.TestDb;

/**
 * The Chinook sample database (a music store: 11 tables, about 15,000 rows; see the README next to
 * {@code chinook.sql} in the test resources), mapped, for tests on real data that nobody here wrote.
 *
 * <pre>{@code
 * try (TestDb db = Chinook.open(backend)) {
 *     try (Session session = db.database().openSession(db.metadata())) { ... }
 *     db.rows("SELECT ... FROM chinook.track ...")      // the truth, by plain JDBC, to compare with
 * }
 * }</pre>
 *
 * The data is loaded once per run and shared: a test reads it, or changes it only in a transaction it rolls back.
 */
public final class Chinook {
    private static final Metadata METADATA = Metadata.of(Artist.class, Album.class, Track.class, Genre.class, MediaType.class,
            Playlist.class, PlaylistTrack.class, Employee.class, Customer.class, Invoice.class, InvoiceLine.class);

    private Chinook() {
    }

    /** The mapping of the 11 tables, in schema {@code chinook}. */
    public static Metadata metadata() {
        return METADATA;
    }

    /** A pool over the loaded Chinook data of {@code backend}; closing it leaves the data for the next test. */
    public static TestDb open(Backend backend) {
        return ChinookData.open(backend, METADATA);
    }
}
