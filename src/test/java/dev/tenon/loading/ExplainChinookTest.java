package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.chinook.Album;
import dev.tenon.chinook.Artist;
import dev.tenon.chinook.Chinook;
import dev.tenon.query.Load;
import dev.tenon.query.LoadPlan;
import dev.tenon.query.Query;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An explained plan three levels deep on real data (Chinook: artists, their albums, the albums' tracks, each track's
 * genre), its predicted statement counts against those measured, with batches large enough for one statement per
 * level and small enough for several, where a level runs again after each statement of the level above.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ExplainChinookTest {
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

    private int count(String sql) {
        return ((Number) db.rows(sql).get(0).get(0)).intValue();
    }

    private static int tracksLoaded(List<Artist> artists) {
        return artists.stream().flatMap(artist -> artist.albums.stream()).mapToInt(album -> album.tracks.size()).sum();
    }

    @Test
    void threeChainedLevelsRunOneStatementEachAsPredicted() {
        Query<Artist> query = session.select(Artist.class).orderBy("artistId")
                .options(Load.selectin("albums").thenSelectin("tracks").thenJoined("genre"));
        LoadPlan plan = query.explain();

        assertThat(plan.outline()).isEqualTo(String.join("\n",
                "Artist: the query; 1 statement",
                "  albums: selectin, by the option Load.selectin(\"albums\"); ⌈parents / 500⌉ statements",
                "    tracks: selectin, by the option Load.selectin(\"albums\").thenSelectin(\"tracks\"); ⌈parents / 500⌉ statements, "
                        + "after each statement of albums",
                "      genre: joined, by the option Load.selectin(\"albums\").thenSelectin(\"tracks\").thenJoined(\"genre\"); "
                        + "no statement of its own: in its parents' statement",
                "        tracks: lazy, by the mapping; when touched",
                "      album, mediaType, playlists: lazy, by the mapping; when touched",
                "    artist: lazy, by the mapping; when touched"));
        int artists = count("SELECT COUNT(*) FROM chinook.artist");
        int albums = count("SELECT COUNT(*) FROM chinook.album");
        LoadPlan.Prediction predicted = plan.statements(Map.of("albums", artists, "albums.tracks", albums));

        List<Artist> loaded = query.list();

        assertThat(predicted).isEqualTo(new LoadPlan.Prediction(3, 3));
        assertThat(session.statistics().statements()).isEqualTo(3);
        assertThat(tracksLoaded(loaded)).isEqualTo(count("SELECT COUNT(*) FROM chinook.track WHERE album_id IS NOT NULL"));
    }

    @Test
    void smallBatchesRunALevelAgainAfterEachStatementAbove() {
        Query<Artist> query = session.select(Artist.class).orderBy("artistId")
                .options(Load.selectin("albums").batchSize(100).thenSelectin("tracks").batchSize(60).thenJoined("genre"));
        int artists = count("SELECT COUNT(*) FROM chinook.artist");
        int albums = count("SELECT COUNT(*) FROM chinook.album");
        LoadPlan.Prediction predicted = query.explain().statements(Map.of("albums", artists, "albums.tracks", albums));

        List<Artist> loaded = query.list();
        long measured = session.statistics().statements();

        // The truth from plain SQL: the albums of each batch of 100 artists, in batches of 60 albums.
        Map<Integer, Integer> albumsPerArtist = new LinkedHashMap<>();
        for (List<Object> row : db.rows("SELECT a.artist_id, COUNT(al.album_id) FROM chinook.artist a "
                + "LEFT JOIN chinook.album al ON al.artist_id = a.artist_id GROUP BY a.artist_id ORDER BY a.artist_id")) {
            albumsPerArtist.put(((Number) row.get(0)).intValue(), ((Number) row.get(1)).intValue());
        }
        List<Integer> perBatch = new ArrayList<>();
        int index = 0;
        for (int albumsOfOne : albumsPerArtist.values()) {
            if (index++ % 100 == 0) {
                perBatch.add(0);
            }
            perBatch.set(perBatch.size() - 1, perBatch.get(perBatch.size() - 1) + albumsOfOne);
        }
        int trackStatements = perBatch.stream().mapToInt(n -> (n + 59) / 60).sum();

        assertThat(predicted.least()).isEqualTo(1 + (artists + 99) / 100 + (albums + 59) / 60);
        assertThat(predicted.exact()).isFalse();
        assertThat(measured).isEqualTo(1 + perBatch.size() + trackStatements).isBetween((long) predicted.least(), (long) predicted.most());
        assertThat(tracksLoaded(loaded)).isEqualTo(count("SELECT COUNT(*) FROM chinook.track WHERE album_id IS NOT NULL"));
    }

    @Test
    void aMandatoryReferenceFromTheRootIsInnerJoined() {
        LoadPlan plan = session.select(Album.class).options(Load.joined("artist")).explain();

        assertThat(plan.node("artist").rules()).containsExactly("a mandatory many-to-one reached by inner joins: an INNER JOIN, which drops no parent");
        assertThat(plan.root().sql().get(0)).contains(" JOIN chinook.artist artist_1").doesNotContain("LEFT OUTER");
        assertThat(plan.statements(Map.of())).hasToString("1");
        assertThat(plan.predict(347)).isEqualTo(1 + 347);   // and Album.tracks, lazy, touched on each album
    }
}
