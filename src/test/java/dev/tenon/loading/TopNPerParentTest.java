package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.chinook.Album;
import dev.tenon.chinook.Artist;
import dev.tenon.chinook.Chinook;
import dev.tenon.chinook.Playlist;
import dev.tenon.chinook.Track;
import dev.tenon.exception.MappingException;
import dev.tenon.exception.TenonException;
import dev.tenon.query.Condition;
import dev.tenon.query.Load;
import dev.tenon.query.Query;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Top-N per parent on Chinook: {@code Load.selectin("tracks").orderBy("milliseconds desc").limit(3)} loads the three
 * longest tracks of each album in one more statement, as a hand-written query finds them. The SCOTT cases (ties, a
 * flush of a partial collection) are in {@link TopNScottTest}.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class TopNPerParentTest {
    private static final String TRACKS = "SELECT anon_1.track_id, anon_1.name, anon_1.album_id, anon_1.media_type_id, anon_1.genre_id,"
            + " anon_1.composer, anon_1.milliseconds, anon_1.bytes, anon_1.unit_price, anon_1.k_1 FROM (SELECT track_1.track_id,"
            + " track_1.name, track_1.album_id, track_1.media_type_id, track_1.genre_id, track_1.composer, track_1.milliseconds,"
            + " track_1.bytes, track_1.unit_price, track_1.album_id AS k_1, ROW_NUMBER() OVER (PARTITION BY track_1.album_id"
            + " ORDER BY track_1.milliseconds DESC, track_1.track_id) AS rn FROM chinook.track track_1 WHERE track_1.album_id = ANY(?))"
            + " anon_1 WHERE anon_1.rn <= ? ORDER BY anon_1.milliseconds DESC, anon_1.track_id";

    @Parameter
    Backend backend;

    TestDb db;
    StatementLog log;

    @BeforeEach
    void open() {
        db = Chinook.open(backend);
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Session session() {
        return db.database().openSession(db.metadata());
    }

    private static Query<Album> firstTenAlbums(Session session, Load option) {
        return session.select(Album.class).options(option).orderBy("albumId").limit(10);
    }

    /** "albumId:trackId" of each album's {@code n} longest tracks, longest first, ties by track id: a correlated subquery. */
    private List<String> longestByHand(int n, String parents) {
        List<String> rows = new ArrayList<>();
        for (List<Object> row : db.rows("SELECT t.album_id, t.track_id FROM chinook.track t WHERE t.album_id IN (" + parents + ")"
                + " AND (SELECT COUNT(*) FROM chinook.track u WHERE u.album_id = t.album_id AND (u.milliseconds > t.milliseconds"
                + " OR u.milliseconds = t.milliseconds AND u.track_id < t.track_id)) < ? ORDER BY t.album_id, t.milliseconds DESC, t.track_id", n)) {
            rows.add(((Number) row.get(0)).intValue() + ":" + ((Number) row.get(1)).intValue());
        }
        return rows;
    }

    private static List<String> loaded(List<Album> albums) {
        List<String> rows = new ArrayList<>();
        for (Album album : albums) {
            album.tracks.forEach(track -> rows.add(album.albumId + ":" + track.trackId));
        }
        return rows;
    }

    @Test
    void theThreeLongestTracksOfEachAlbumAreThoseAHandWrittenQueryFinds() {
        try (Session session = session()) {
            List<Album> albums = firstTenAlbums(session, Load.selectin("tracks").orderBy("milliseconds desc").limit(3)).list();

            assertThat(albums).extracting(album -> album.albumId).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(loaded(albums)).isEqualTo(longestByHand(3, "1, 2, 3, 4, 5, 6, 7, 8, 9, 10"));
            assertThat(albums.get(0).tracks).extracting(track -> track.milliseconds).isSortedAccordingTo((a, b) -> b - a);
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void theTracksComeInOneStatementNumberingEachAlbumsTracks() {
        try (Session session = session()) {
            firstTenAlbums(session, Load.selectin("tracks").orderBy("milliseconds desc").limit(3)).list();

            assertThat(log.sql()).containsExactly(
                    "SELECT album_1.album_id, album_1.title, album_1.artist_id FROM chinook.album album_1 ORDER BY album_1.album_id LIMIT ?",
                    TRACKS);
        }
    }

    @Test
    void anAlbumWithFewerTracksThanTheLimitHoldsThemAll() {
        try (Session session = session()) {
            List<Album> albums = firstTenAlbums(session, Load.selectin("tracks").orderBy("milliseconds desc").limit(3)).list();

            assertThat(albums.get(1).tracks).extracting(track -> track.trackId).containsExactly(2); // Balls to the Wall: one track
        }
    }

    @Test
    void anotherLimitRunsTheSameStatementsWithAnotherValue() {
        List<String> three;
        try (Session session = session()) {
            three = loaded(firstTenAlbums(session, Load.selectin("tracks").orderBy("milliseconds desc").limit(3)).list());
        }
        try (Session session = session()) {
            List<Album> albums = firstTenAlbums(session, Load.selectin("tracks").orderBy("milliseconds desc").limit(5)).list();

            assertThat(loaded(albums)).isEqualTo(longestByHand(5, "1, 2, 3, 4, 5, 6, 7, 8, 9, 10")).hasSizeGreaterThan(three.size());
            assertThat(log.sql()).containsExactly(log.sql().get(0), TRACKS, log.sql().get(0), TRACKS);
            // The compiled statements are cached by the query's shape, which has a limit but not its number.
            Object shape3 = QueryValues.shape(firstTenAlbums(session, Load.selectin("tracks").orderBy("milliseconds desc").limit(3)),
                    db.metadata().entity(Album.class), db.dialect());
            Object shape5 = QueryValues.shape(firstTenAlbums(session, Load.selectin("tracks").orderBy("milliseconds desc").limit(5)),
                    db.metadata().entity(Album.class), db.dialect());
            Object unlimited = QueryValues.shape(firstTenAlbums(session, Load.selectin("tracks").orderBy("milliseconds desc")),
                    db.metadata().entity(Album.class), db.dialect());
            assertThat(shape5).isEqualTo(shape3).isNotEqualTo(unlimited);
        }
    }

    @Test
    void subqueryLoadingKeepsTheSameTracksInOneStatement() {
        try (Session session = session()) {
            List<Album> albums = firstTenAlbums(session, Load.subquery("tracks").orderBy("milliseconds desc").limit(3)).list();

            assertThat(loaded(albums)).isEqualTo(longestByHand(3, "1, 2, 3, 4, 5, 6, 7, 8, 9, 10"));
            assertThat(session.statistics().statements()).isEqualTo(2);
            assertThat(log.sql().get(1)).contains("ROW_NUMBER() OVER (PARTITION BY anon_1.k_1 ORDER BY track_1.milliseconds DESC, track_1.track_id)")
                    .contains("FROM (SELECT album_1.album_id AS k_1 FROM chinook.album album_1 ORDER BY album_1.album_id LIMIT ?) anon_1")
                    .endsWith("anon_2 WHERE anon_2.rn <= ? ORDER BY anon_2.milliseconds DESC, anon_2.track_id");
        }
    }

    @Test
    void aLazyLoadKeepsTheLimitWhenTheCollectionIsTouched() {
        try (Session session = session()) {
            Album album = session.select(Album.class).options(Load.lazy("tracks").orderBy("milliseconds desc").limit(3))
                    .where(Condition.eq("albumId", 3)).one();
            assertThat(session.statistics().statements()).isEqualTo(1);

            assertThat(album.tracks).extracting(track -> "3:" + track.trackId).isEqualTo(longestByHand(3, "3"));
            assertThat(session.statistics().statements()).isEqualTo(2);
            assertThat(log.sql().get(1)).contains("WHERE anon_1.rn <= ?");
        }
    }

    @Test
    void aManyToManyKeepsTheFirstTracksOfEachPlaylist() {
        try (Session session = session()) {
            List<Playlist> playlists = session.select(Playlist.class).options(Load.selectin("tracks").orderBy("name").limit(2))
                    .orderBy("playlistId").limit(5).list();

            List<String> expected = new ArrayList<>();
            for (List<Object> row : db.rows("SELECT p.playlist_id, t.name FROM chinook.playlist p JOIN chinook.playlist_track pt"
                    + " ON pt.playlist_id = p.playlist_id JOIN chinook.track t ON t.track_id = pt.track_id WHERE p.playlist_id <= 5"
                    + " AND (SELECT COUNT(*) FROM chinook.playlist_track qt JOIN chinook.track u ON u.track_id = qt.track_id"
                    + " WHERE qt.playlist_id = p.playlist_id AND (u.name < t.name OR u.name = t.name AND u.track_id < t.track_id)) < 2"
                    + " ORDER BY p.playlist_id, t.name, t.track_id")) {
                expected.add(row.get(0) + ":" + row.get(1));
            }
            List<String> actual = new ArrayList<>();
            playlists.forEach(playlist -> playlist.tracks.forEach(track -> actual.add(playlist.playlistId + ":" + track.name)));
            assertThat(actual).isEqualTo(expected).isNotEmpty();
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void aJoinBelowTheLimitedTracksReadsFromTheNumberedRows() {
        try (Session session = session()) {
            List<Album> albums = session.select(Album.class).options(Load.selectin("tracks").orderBy("milliseconds desc").limit(3),
                    Load.selectin("tracks").thenJoined("genre")).orderBy("albumId").limit(10).list();

            assertThat(loaded(albums)).isEqualTo(longestByHand(3, "1, 2, 3, 4, 5, 6, 7, 8, 9, 10"));
            assertThat(albums.get(0).tracks).allSatisfy(track -> assertThat(track.genre.name).isEqualTo("Rock"));
            assertThat(session.statistics().statements()).isEqualTo(2);
            assertThat(log.sql().get(1)).contains("anon_1 LEFT OUTER JOIN chinook.genre genre_1 ON anon_1.genre_id = genre_1.genre_id");
        }
    }

    @Test
    void aLimitTwoLevelsDownKeepsTheFirstTracksOfEachAlbumOfEachArtist() {
        try (Session session = session()) {
            Artist acdc = session.select(Artist.class).options(Load.selectin("albums").thenSelectin("tracks").orderBy("milliseconds desc")
                    .limit(2)).where(Condition.eq("artistId", 1)).one();

            assertThat(loaded(acdc.albums)).isEqualTo(longestByHand(2, "1, 4"));
            assertThat(session.statistics().statements()).isEqualTo(3);
        }
    }

    @Test
    void aStreamLoadsTheFirstTracksOfEachChunkOfAlbums() {
        try (Session session = session()) {
            List<String> streamed = new ArrayList<>();
            try (Stream<Album> albums = firstTenAlbums(session, Load.selectin("tracks").orderBy("milliseconds desc").limit(3)).stream()) {
                albums.forEach(album -> album.tracks.forEach(track -> streamed.add(album.albumId + ":" + track.trackId)));
            }

            assertThat(streamed).isEqualTo(longestByHand(3, "1, 2, 3, 4, 5, 6, 7, 8, 9, 10"));
        }
    }

    @Test
    void withoutAnOrderTheLimitKeepsTheFirstTracksInTheMappingsOrder() {
        try (Session session = session()) {
            List<Album> albums = firstTenAlbums(session, Load.selectin("tracks").limit(2)).list();

            assertThat(albums.get(0).tracks).extracting(track -> track.trackId).containsExactly(1, 6); // Album.tracks: orderBy trackId
            assertThat(log.sql().get(1)).contains("ORDER BY track_1.track_id) AS rn").endsWith("ORDER BY anon_1.track_id");
        }
    }

    @Test
    void anOrderWithoutALimitOrdersTheWholeCollectionJoinedOrNot() {
        try (Session session = session()) {
            List<Album> joined = firstTenAlbums(session, Load.joined("tracks").orderBy("milliseconds desc")).list();

            assertThat(joined).extracting(album -> album.albumId).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(joined.get(0).tracks).hasSize(10).extracting(track -> track.milliseconds).isSortedAccordingTo((a, b) -> b - a);
            assertThat(session.statistics().statements()).isEqualTo(1);
        }
        try (Session session = session()) {
            List<Album> selectin = firstTenAlbums(session, Load.selectin("tracks").orderBy("name")).list();

            assertThat(selectin.get(0).tracks).hasSize(10).extracting(track -> track.name).isSorted();
            assertThat(log.sql().get(log.sql().size() - 1)).doesNotContain("ROW_NUMBER").endsWith("ORDER BY track_1.name");
        }
    }

    @Test
    void aJoinedLimitIsRefusedBeforeAnySql() {
        long before = db.statements();

        assertThatThrownBy(() -> Load.joined("tracks").orderBy("milliseconds desc").limit(3))
                .isInstanceOf(TenonException.class)
                .hasMessage("Load.joined(\"tracks\").orderBy(\"milliseconds desc\").limit(3): joined loading reads \"tracks\" in the"
                        + " parents' own statement, where a LIMIT would count the rows of all the parents, not the members of each;"
                        + " load it by selectin(\"tracks\").limit(3) instead, one more statement that keeps the first 3 of each parent");
        assertThat(db.statements()).isEqualTo(before);
    }

    @Test
    void aLimitOnAReferenceOrBelowOneIsRefused() {
        try (Session session = session()) {
            assertThatThrownBy(() -> session.select(Track.class).options(Load.selectin("album").limit(1)).list())
                    .isInstanceOf(TenonException.class)
                    .hasMessageContaining("Track.album is a reference, which holds one object at most");
            assertThatThrownBy(() -> Load.selectin("tracks").limit(0)).isInstanceOf(TenonException.class)
                    .hasMessageContaining("must be at least 1");
            assertThatThrownBy(() -> Load.noload("tracks").limit(2)).isInstanceOf(TenonException.class)
                    .hasMessageContaining("loads nothing to order or limit");
            assertThat(session.statistics().statements()).isZero();
        }
    }

    @Test
    void hostileOrderNamesAreRefusedAndNeverReachTheSql() {
        for (String hostile : List.of("milliseconds; DROP TABLE chinook.track", "milliseconds\" DESC --", "(SELECT 1)", "milliseconds desc,name",
                "", "milliseconds sideways")) {
            assertThatThrownBy(() -> Load.selectin("tracks").orderBy(hostile)).as(hostile).isInstanceOf(TenonException.class)
                    .hasMessageContaining("each term must be an attribute name of the collection's entity");
        }
        try (Session session = session()) {
            assertThatThrownBy(() -> firstTenAlbums(session, Load.selectin("tracks").orderBy("milisecond").limit(3)).list())
                    .isInstanceOf(MappingException.class)
                    .hasMessageContaining("Track has no attribute 'milisecond' to order Album.tracks by")
                    .hasMessageContaining("milliseconds");
            assertThat(session.statistics().statements()).isZero();
        }
        assertThat(log.sql()).isEmpty();
    }
}
