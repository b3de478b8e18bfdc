package dev.tenon.query;

import static dev.tenon.query.Condition.any;
import static dev.tenon.query.Condition.between;
import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.gt;
import static dev.tenon.query.Condition.in;
import static dev.tenon.query.Condition.likeIgnoreCase;
import static dev.tenon.query.Condition.none;
import static dev.tenon.query.Condition.notIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.chinook.Album;
import dev.tenon.chinook.Artist;
import dev.tenon.chinook.Chinook;
import dev.tenon.chinook.Customer;
import dev.tenon.chinook.Invoice;
import dev.tenon.chinook.Track;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The new conditions on real data nobody here wrote: each result equals the hand-written SQL's, in one statement. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ChinookConditionTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = Chinook.open(backend);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private List<Integer> ids(String sql) {
        return db.rows(sql).stream().map(row -> ((Number) row.get(0)).intValue()).toList();
    }

    private <T> List<Integer> ids(Query<T> query, Function<T, Integer> id) {
        long before = session.statistics().statements();
        List<Integer> found = query.list().stream().map(id).toList();
        assertThat(session.statistics().statements() - before).as("statements").isEqualTo(1);
        return found;
    }

    @Test
    void artistsWithATrackLongerThanTenMinutes() {
        List<Integer> expected = ids("SELECT ar.artist_id FROM chinook.artist ar WHERE EXISTS (SELECT 1 FROM chinook.album al"
                + " JOIN chinook.track t ON t.album_id = al.album_id WHERE al.artist_id = ar.artist_id AND t.milliseconds > 600000)"
                + " ORDER BY ar.artist_id");

        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(ids(session.select(Artist.class).where(any("albums.tracks", gt("milliseconds", 600_000))).orderBy("artistId"),
                artist -> artist.artistId)).isEqualTo(expected);
        assertThat(ids(session.select(Artist.class).where(gt("albums.tracks.milliseconds", 600_000)).orderBy("artistId"),
                artist -> artist.artistId)).isEqualTo(expected);
    }

    @Test
    void customersWithNoInvoiceOverTwenty() {
        List<Integer> expected = ids("SELECT c.customer_id FROM chinook.customer c WHERE NOT EXISTS (SELECT 1 FROM chinook.invoice i"
                + " WHERE i.customer_id = c.customer_id AND i.total > 20) ORDER BY c.customer_id");

        assertThat(expected).isNotEmpty();
        assertThat(ids(session.select(Customer.class).where(none("invoices", gt("total", 20))).orderBy("customerId"),
                customer -> customer.customerId)).isEqualTo(expected);
        Subquery bigSpenders = session.select(Invoice.class).where(gt("total", 20)).attribute("customerId");
        assertThat(ids(session.select(Customer.class).where(notIn("customerId", bigSpenders)).orderBy("customerId"),
                customer -> customer.customerId)).isEqualTo(expected);
        assertThat(session.select(Customer.class).where(in("customerId", bigSpenders)).count() + expected.size())
                .isEqualTo(session.select(Customer.class).count());
    }

    @Test
    void albumsInAPlaylistNamedMusic() {
        List<Integer> expected = ids("SELECT a.album_id FROM chinook.album a WHERE EXISTS (SELECT 1 FROM chinook.track t"
                + " JOIN chinook.playlist_track pt ON pt.track_id = t.track_id JOIN chinook.playlist p ON p.playlist_id = pt.playlist_id"
                + " WHERE t.album_id = a.album_id AND p.name = 'Music') ORDER BY a.album_id");

        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(ids(session.select(Album.class).where(any("tracks", any("playlists", eq("name", "Music")))).orderBy("albumId"),
                album -> album.albumId)).isEqualTo(expected);
    }

    @Test
    void tracksMatchedIgnoringCaseThroughAPathAndBetweenBounds() {
        List<Integer> expected = ids("SELECT t.track_id FROM chinook.track t LEFT JOIN chinook.genre g ON g.genre_id = t.genre_id"
                + " WHERE LOWER(g.name) LIKE '%rock%' AND t.milliseconds BETWEEN 60000 AND 90000 ORDER BY t.track_id");

        assertThat(expected).isNotEmpty();
        assertThat(ids(session.select(Track.class).where(likeIgnoreCase("genre.name", "%ROCK%"), between("milliseconds", 60_000, 90_000))
                .orderBy("trackId"), track -> track.trackId)).isEqualTo(expected);
    }

    @Test
    void aPageOfArtistsWithTheirAlbumsJoinedUnderAnExistsFilter() {
        List<Artist> page = session.select(Artist.class).options(Load.joined("albums"))
                .where(any("albums.tracks", eq("genre.name", "Jazz"))).orderBy("name").limit(5).list();

        List<List<Object>> expected = db.rows("SELECT ar.artist_id, (SELECT COUNT(*) FROM chinook.album al WHERE al.artist_id = ar.artist_id)"
                + " FROM chinook.artist ar WHERE EXISTS (SELECT 1 FROM chinook.album al JOIN chinook.track t ON t.album_id = al.album_id"
                + " JOIN chinook.genre g ON g.genre_id = t.genre_id WHERE al.artist_id = ar.artist_id AND g.name = 'Jazz')"
                + " ORDER BY ar.name LIMIT 5");
        assertThat(page).extracting(artist -> List.<Object>of(artist.artistId, (long) artist.albums.size()))
                .isEqualTo(expected.stream().map(row -> List.<Object>of(((Number) row.get(0)).intValue(), ((Number) row.get(1)).longValue())).toList());
        assertThat(session.statistics().statements()).isEqualTo(1);
    }
}
