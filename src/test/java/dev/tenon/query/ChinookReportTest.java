package dev.tenon.query;

import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.ge;
import static dev.tenon.query.Selection.avg;
import static dev.tenon.query.Selection.count;
import static dev.tenon.query.Selection.countDistinct;
import static dev.tenon.query.Selection.max;
import static dev.tenon.query.Selection.min;
import static dev.tenon.query.Selection.sum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.chinook.Album;
import dev.tenon.chinook.Chinook;
import dev.tenon.chinook.Invoice;
import dev.tenon.chinook.Track;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Projections and grouped reports on the Chinook data, each compared with the hand-written SQL that answers it. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ChinookReportTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    record GenreTime(String name, long tracks, Long milliseconds) {
    }

    record ArtistTracks(String artist, long tracks) {
    }

    record CountrySales(String billingCountry, long invoices, BigDecimal total, Double average) {
    }

    record TrackLine(String name, String title, String artist, BigDecimal unitPrice) {
    }

    @BeforeEach
    void open() {
        db = Chinook.open(backend);
        log = StatementLog.on(db.database());
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void tracksAndTotalTimePerGenreAreOneGroupedStatement() {
        List<GenreTime> report = session.select(Track.class).groupBy("genre.name")
                .columns("genre.name", count().as("tracks"), sum("milliseconds").as("milliseconds")).orderBy("genre.name").into(GenreTime.class).list();

        List<List<Object>> expected = db.rows("SELECT g.name, COUNT(*), SUM(t.milliseconds) FROM chinook.track t"
                + " JOIN chinook.genre g ON g.genre_id = t.genre_id GROUP BY g.name ORDER BY g.name");
        assertThat(report).hasSize(25).hasSize(expected.size());
        assertThat(report.stream().map(row -> List.<Object>of(row.name(), row.tracks(), row.milliseconds())).toList())
                .isEqualTo(expected.stream().map(row -> List.<Object>of(row.get(0), ((Number) row.get(1)).longValue(),
                        ((Number) row.get(2)).longValue())).toList());
        assertThat(log.sql()).containsExactly("SELECT genre_1.name, COUNT(*), SUM(track_1.milliseconds) FROM chinook.track track_1"
                + " LEFT OUTER JOIN chinook.genre genre_1 ON track_1.genre_id = genre_1.genre_id GROUP BY genre_1.name ORDER BY genre_1.name");
    }

    @Test
    void theTopFiveArtistsByNumberOfTracksGoThroughTwoRelationships() {
        List<ArtistTracks> top = session.select(Track.class).groupBy("album.artist.name")
                .columns("album.artist.name as artist", count().as("tracks")).orderBy("tracks desc", "album.artist.name").limit(5)
                .into(ArtistTracks.class).list();

        List<List<Object>> expected = db.rows("SELECT ar.name, COUNT(*) FROM chinook.track t JOIN chinook.album al ON al.album_id = t.album_id"
                + " JOIN chinook.artist ar ON ar.artist_id = al.artist_id GROUP BY ar.name ORDER BY COUNT(*) DESC, ar.name LIMIT 5");
        assertThat(top).first().isEqualTo(new ArtistTracks("Iron Maiden", 213));
        assertThat(top.stream().map(row -> List.<Object>of(row.artist(), row.tracks())).toList())
                .isEqualTo(expected.stream().map(row -> List.<Object>of(row.get(0), ((Number) row.get(1)).longValue())).toList());
        assertThat(log.sql().get(0)).endsWith("GROUP BY artist_1.name ORDER BY COUNT(*) DESC, artist_1.name LIMIT ?");
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void salesPerCountryWithHavingAndDecimalSums() {
        List<CountrySales> sales = session.select(Invoice.class).groupBy("billingCountry")
                .columns("billingCountry", count().as("invoices"), sum("total").as("total"), avg("total").as("average"))
                .having(ge("invoices", 20)).orderBy("total desc", "billingCountry").into(CountrySales.class).list();

        List<List<Object>> expected = db.rows("SELECT billing_country, COUNT(*), SUM(total), AVG(total) FROM chinook.invoice"
                + " GROUP BY billing_country HAVING COUNT(*) >= 20 ORDER BY SUM(total) DESC, billing_country");
        assertThat(sales).hasSize(expected.size()).isNotEmpty();
        for (int i = 0; i < sales.size(); i++) {
            CountrySales row = sales.get(i);
            assertThat(row.billingCountry()).isEqualTo(expected.get(i).get(0));
            assertThat(row.invoices()).isEqualTo(((Number) expected.get(i).get(1)).longValue());
            assertThat(row.total()).isEqualTo(expected.get(i).get(2));
            assertThat(row.average()).isCloseTo(((Number) expected.get(i).get(3)).doubleValue(), Offset.offset(1e-9));
        }
        assertThat(sales.get(0).billingCountry()).isEqualTo("USA");
    }

    @Test
    void customersPerSupportRepCountDistinctThroughTwoRelationships() {
        List<Object[]> reps = session.select(Invoice.class).groupBy("customer.supportRep.lastName")
                .columns("customer.supportRep.lastName", countDistinct("customerId"), min("invoiceDate"), max("invoiceDate"))
                .orderBy("customer.supportRep.lastName").list();

        List<List<Object>> expected = db.rows("SELECT e.last_name, COUNT(DISTINCT i.customer_id) FROM chinook.invoice i"
                + " JOIN chinook.customer c ON c.customer_id = i.customer_id JOIN chinook.employee e ON e.employee_id = c.support_rep_id"
                + " GROUP BY e.last_name ORDER BY e.last_name");
        assertThat(reps.stream().map(row -> List.of(row[0], row[1])).toList())
                .isEqualTo(expected.stream().map(row -> List.of(row.get(0), ((Number) row.get(1)).longValue())).toList());
        assertThat(reps.get(0)[2]).isInstanceOf(LocalDateTime.class);
    }

    @Test
    void aProjectionOfAnAlbumsTracksReadsThreeTablesInOneStatement() {
        Album album = session.select(Album.class).where(eq("title", "Let There Be Rock")).one();
        log.clear();

        List<TrackLine> lines = session.select(Track.class).where(eq("album.title", "Let There Be Rock")).orderBy("trackId")
                .columns("name", "album.title", "album.artist.name as artist", "unitPrice").into(TrackLine.class).list();

        List<List<Object>> expected = db.rows("SELECT t.name, al.title, ar.name, t.unit_price FROM chinook.track t"
                + " JOIN chinook.album al ON al.album_id = t.album_id JOIN chinook.artist ar ON ar.artist_id = al.artist_id"
                + " WHERE t.album_id = ? ORDER BY t.track_id", album.albumId);
        assertThat(lines.stream().map(line -> List.<Object>of(line.name(), line.title(), line.artist(), line.unitPrice())).toList())
                .isEqualTo(expected).hasSize(8);
        assertThat(log.sql()).hasSize(1);
        assertThat(log.sql().get(0)).containsOnlyOnce("chinook.album ").containsOnlyOnce("chinook.artist ");
    }
}
