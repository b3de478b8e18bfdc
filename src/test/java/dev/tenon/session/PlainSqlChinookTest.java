package dev.tenon.session;

import static dev.tenon.query.Condition.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.chinook.Chinook;
import dev.tenon.chinook.Genre;
import dev.tenon.chinook.InvoiceLine;
import dev.tenon.chinook.Track;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plain SQL and bulk writes on the Chinook data, checked against the query API and hand-written JDBC. The data is
 * shared: every write here is rolled back (the session is closed without a commit).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class PlainSqlChinookTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    record GenreSales(String genre, long tracks, BigDecimal total) {
    }

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

    private long count(String sql) {
        return ((Number) db.rows(sql).get(0).get(0)).longValue();
    }

    @Test
    void tracksFromSqlAreTheQuerysInstances() {
        List<Track> queried = session.select(Track.class).where(eq("genre.name", "Jazz")).orderBy("trackId").list();

        List<Track> fromSql = session.sql("SELECT t.* FROM chinook.track t JOIN chinook.genre g ON g.genre_id = t.genre_id"
                + " WHERE g.name = :genre ORDER BY t.track_id").bind("genre", "Jazz").list(Track.class);

        assertThat(fromSql).hasSize((int) count("SELECT COUNT(*) FROM chinook.track WHERE genre_id = 2"));
        for (int i = 0; i < queried.size(); i++) {
            assertThat(fromSql.get(i)).isSameAs(queried.get(i));
        }
    }

    @Test
    void aGroupedReportIntoRecordsIsWhatJdbcReads() {
        String sql = "SELECT g.name AS genre, COUNT(*) AS tracks, SUM(il.unit_price * il.quantity) AS total"
                + " FROM chinook.invoice_line il JOIN chinook.track t ON t.track_id = il.track_id"
                + " JOIN chinook.genre g ON g.genre_id = t.genre_id GROUP BY g.name ORDER BY total DESC, genre";

        List<GenreSales> report = session.sql(sql).list(GenreSales.class);

        List<GenreSales> expected = new ArrayList<>();
        for (List<Object> row : db.rows(sql)) {
            expected.add(new GenreSales((String) row.get(0), ((Number) row.get(1)).longValue(), (BigDecimal) row.get(2)));
        }
        assertThat(report).hasSize(24).isEqualTo(expected);
        assertThat(report.get(0).genre()).isEqualTo("Rock");
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aBulkUpdateChangesTheRowsAQueryFindsAndTheirLoadedObjects() {
        List<Track> jazz = session.select(Track.class).where(eq("genre.name", "Jazz")).list();
        Track rock = session.get(Track.class, 1);
        BigDecimal rockPrice = rock.unitPrice;

        int changed = session.update(Track.class).set("unitPrice", new BigDecimal("0.49")).where(eq("genre.name", "Jazz")).execute();

        assertThat(changed).isEqualTo(jazz.size()).isEqualTo((int) count("SELECT COUNT(*) FROM chinook.track WHERE genre_id = 2"));
        assertThat(jazz).allSatisfy(track -> assertThat(track.unitPrice).isEqualByComparingTo("0.49"));
        assertThat(rock.unitPrice).isEqualByComparingTo(rockPrice);
        assertThat(session.sql("SELECT COUNT(*) FROM chinook.track WHERE unit_price = 0.49").scalar(Long.class)).isEqualTo(changed);
    }

    @Test
    void aBulkDeleteCountsItsRowsAndAReferencedOneFailsCleanly() {
        long lines = count("SELECT COUNT(*) FROM chinook.invoice_line WHERE invoice_id = 1");

        assertThat(session.delete(InvoiceLine.class).where(eq("invoiceId", 1)).execute()).isEqualTo(lines);
        assertThatThrownBy(() -> session.delete(Genre.class).where(eq("name", "Jazz")).execute())
                .isInstanceOf(SqlExecutionException.class);

        // The failure rolled the whole transaction back: the invoice's lines are there again.
        assertThat(session.sql("SELECT COUNT(*) FROM chinook.invoice_line WHERE invoice_id = 1").scalar(Long.class)).isEqualTo(lines);
        assertThat(count("SELECT COUNT(*) FROM chinook.genre")).isEqualTo(25);
    }
}
