package dev.tenon.chinook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.query.Load;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The Chinook fixture: loaded, mapped, and read by Tenon as plain SQL reads it. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ChinookTest {
    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = Chinook.open(backend);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyTableHoldsTheScriptsRows() {
        assertThat(db.rows("SELECT COUNT(*) FROM chinook.track")).containsExactly(List.of(3503L));
        assertThat(db.rows("SELECT COUNT(*) FROM chinook.playlist_track")).containsExactly(List.of(8715L));
    }

    @Test
    void theMappingReadsWhatPlainSqlReads() {
        try (Session session = db.database().openSession(db.metadata())) {
            List<Album> albums = session.select(Album.class).options(Load.selectin("tracks"), Load.joined("artist"))
                    .orderBy("albumId").limit(3).list();

            assertThat(albums).extracting(album -> album.title + " / " + album.artist.name + " / " + album.tracks.size())
                    .containsExactly("For Those About To Rock We Salute You / AC/DC / 10", "Balls to the Wall / Accept / 1",
                            "Restless and Wild / Accept / 3");
            assertThat(session.statistics().statements()).isEqualTo(2);
            Playlist music = session.get(Playlist.class, 1);
            assertThat(music.tracks).hasSize(((Number) db.rows("SELECT COUNT(*) FROM chinook.playlist_track WHERE playlist_id = 1")
                    .get(0).get(0)).intValue());
            Employee jane = session.get(Employee.class, 3);
            assertThat(jane.manager.firstName + " " + jane.manager.lastName).isEqualTo("Nancy Edwards");
        }
    }
}
