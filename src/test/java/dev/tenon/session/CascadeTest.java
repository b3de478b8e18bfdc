package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Cascade;
import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.api.Status;
import dev.tenon.engine.StatementKind;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an operation on a parent does to its children: {@code save-update} (the default) adds them, {@code delete}
 * deletes them with it, {@code delete-orphan} deletes a child removed from the collection; without delete-orphan
 * a removed child, or the child of a deleted parent, keeps living with a NULL foreign key.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class CascadeTest {
    /** Owns its tracks: they are deleted with it, and when removed from it. */
    @Table(name = "album", schema = "cascade")
    static class Album {
        @Id @Column Integer id;
        @Column(length = 40) String title;

        @Relationship(backPopulates = "album", orderBy = "id",
                cascade = {Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
        List<Track> tracks;

        Album() {
        }

        Album(int id, String title, Track... tracks) {
            this.id = id;
            this.title = title;
            this.tracks = new ArrayList<>(Arrays.asList(tracks));
        }
    }

    @Table(name = "track", schema = "cascade")
    static class Track {
        @Id @Column Integer id;
        @Column(length = 40) String title;
        @Column @ForeignKey("cascade.album.id") Integer albumId;

        @Relationship(backPopulates = "tracks")
        Album album;

        Track() {
        }

        Track(int id, String title) {
            this.id = id;
            this.title = title;
        }
    }

    /** Only the default cascades: its members outlive it. */
    @Table(name = "band", schema = "cascade")
    static class Band {
        @Id @Column Integer id;
        @Column(length = 40) String name;

        @Relationship(backPopulates = "band", orderBy = "id")
        List<Musician> members;

        Band() {
        }

        Band(int id, String name, Musician... members) {
            this.id = id;
            this.name = name;
            this.members = new ArrayList<>(Arrays.asList(members));
        }
    }

    @Table(name = "musician", schema = "cascade")
    static class Musician {
        @Id @Column Integer id;
        @Column(length = 40) String name;
        @Column @ForeignKey("cascade.band.id") Integer bandId;

        @Relationship(backPopulates = "members")
        Band band;

        Musician() {
        }

        Musician(int id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Album.class, Track.class, Band.class, Musician.class);
        try (Session setup = db.database().openSession(db.metadata())) {
            setup.add(new Album(1, "Kind of Blue", new Track(1, "So What"), new Track(2, "Freddie Freeloader"), new Track(3, "Blue in Green")));
            setup.add(new Band(1, "Quintet", new Musician(1, "Miles"), new Musician(2, "Coltrane")));
            setup.commit();
        }
        db.database().statistics().reset();
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private long count(String table) {
        return (Long) db.rows("SELECT COUNT(*) FROM cascade." + table).get(0).get(0);
    }

    @Test
    void addingAParentAddsItsNewChildren() {
        Track intro = new Track(10, "Intro");
        Album album = new Album(2, "Sketches", intro);

        session.add(album);

        assertThat(session.status(intro)).isEqualTo(Status.PENDING);
        session.commit();
        assertThat(session.statistics().statements(StatementKind.INSERT)).isEqualTo(2);
        assertThat(db.rows("SELECT \"albumId\" FROM cascade.track WHERE id = 10")).containsExactly(List.of(2));
    }

    @Test
    void aChildPutIntoAPersistentParentAfterLoadingIsAddedAtFlush() {
        Album album = session.get(Album.class, 1);
        Track bonus = new Track(4, "Flamenco Sketches");
        album.tracks.add(bonus);

        session.commit();

        assertThat(session.status(bonus)).isEqualTo(Status.PERSISTENT);
        assertThat(bonus.album).isSameAs(album);
        assertThat(count("track")).isEqualTo(4);
    }

    @Test
    void deletingAParentDeletesItsChildren() {
        Album album = session.get(Album.class, 1);
        List<Track> tracks = List.copyOf(album.tracks);

        session.delete(album);

        assertThat(tracks).allSatisfy(track -> assertThat(session.status(track)).isEqualTo(Status.DELETED));
        session.commit();
        assertThat(count("track")).isZero();
        assertThat(count("album")).isZero();
        // get, the collection's lazy load, one DELETE for the tracks and one for the album.
        assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of(StatementKind.SELECT, 2L, StatementKind.DELETE, 2L));
    }

    @Test
    void deletingAParentLoadsItsUnloadedChildrenToDeleteThem() {
        Album album = session.get(Album.class, 1);

        session.delete(album);
        session.commit();

        assertThat(count("track")).isZero();
        assertThat(session.statistics().statements(StatementKind.SELECT)).isEqualTo(2);
    }

    @Test
    void deletingManyParentsFindsTheirChildrenInOneQueryEvenWithStrictNPlusOneDetection() {
        session.add(new Album(2, "Sketches", new Track(4, "Concierto"), new Track(5, "Will o' the Wisp")));
        session.commit();
        try (Session strict = db.database().openSession(db.metadata(), db.database().sessionOptions().strictNPlusOne(true))) {
            List<Album> albums = strict.select(Album.class).list();

            albums.forEach(strict::delete);
            strict.commit();

            // The albums, one query for the tracks of both, one DELETE for the tracks and one for the albums.
            assertThat(strict.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(
                    java.util.Map.of(StatementKind.SELECT, 2L, StatementKind.DELETE, 2L));
        }
        assertThat(count("track")).isZero();
        assertThat(count("album")).isZero();
    }

    @Test
    void deletingAParentSkipsANewChildThatWasNeverAdded() {
        Album album = session.get(Album.class, 1);
        Track draft = new Track(9, "Draft");
        album.tracks.add(draft);

        session.delete(album);
        session.commit();

        assertThat(session.status(draft)).isEqualTo(Status.TRANSIENT);
        assertThat(count("track")).isZero();
    }

    @Test
    void aChildRemovedFromADeleteOrphanCollectionIsDeleted() {
        Album album = session.get(Album.class, 1);
        Track removed = album.tracks.remove(1);

        session.commit();

        assertThat(session.status(removed)).isEqualTo(Status.DETACHED);
        assertThat(db.rows("SELECT id FROM cascade.track ORDER BY id")).containsExactly(List.of(1), List.of(3));
    }

    @Test
    void aChildWhoseParentIsClearedIsAnOrphanToo() {
        Album album = session.get(Album.class, 1);
        album.tracks.size();
        Track track = session.get(Track.class, 2);

        track.album = null;
        session.commit();

        assertThat(album.tracks).doesNotContain(track);
        assertThat(count("track")).isEqualTo(2);
    }

    @Test
    void aChildRemovedWithoutDeleteOrphanKeepsLivingWithANullKey() {
        Band band = session.get(Band.class, 1);
        Musician left = band.members.remove(1);

        session.commit();

        assertThat(session.status(left)).isEqualTo(Status.PERSISTENT);
        assertThat(left.band).isNull();
        assertThat(left.bandId).isNull();
        assertThat(db.rows("SELECT \"bandId\" FROM cascade.musician WHERE id = 2")).containsExactly(Arrays.asList((Object) null));
        assertThat(session.statistics().statements(StatementKind.UPDATE)).isEqualTo(1);
    }

    @Test
    void deletingAParentWithoutDeleteCascadeNullsTheKeysOfItsLoadedChildren() {
        Band band = session.get(Band.class, 1);
        List<Musician> members = List.copyOf(band.members);

        session.delete(band);
        session.commit();

        assertThat(members).allSatisfy(m -> {
            assertThat(m.bandId).isNull();
            assertThat(m.band).isNull();
            assertThat(session.status(m)).isEqualTo(Status.PERSISTENT);
        });
        assertThat(db.rows("SELECT COUNT(*) FROM cascade.musician WHERE \"bandId\" IS NULL")).containsExactly(List.of(2L));
        assertThat(count("band")).isZero();
    }

    @Test
    void deletingParentsWithoutDeleteCascadeFindsTheirUnloadedChildrenInOneQuery() {
        session.add(new Band(2, "Trio", new Musician(3, "Bill"), new Musician(4, "Scott")));
        session.commit();
        List<Band> bands = session.select(Band.class).list();
        long before = session.statistics().statements();

        bands.forEach(session::delete);
        session.commit();

        assertThat(session.statistics().statements() - before).isEqualTo(3);
        assertThat(session.statistics().statements(StatementKind.UPDATE)).isEqualTo(1);
        assertThat(db.rows("SELECT COUNT(*) FROM cascade.musician WHERE \"bandId\" IS NULL")).containsExactly(List.of(4L));
        assertThat(count("band")).isZero();
    }

    @Test
    void aChildMovedToAnotherParentIsNotOrphaned() {
        session.add(new Album(2, "Sketches"));
        session.commit();
        Album kind = session.get(Album.class, 1);
        Album sketches = session.get(Album.class, 2);
        Track moved = kind.tracks.remove(0);

        sketches.tracks.add(moved);
        session.commit();

        assertThat(session.status(moved)).isEqualTo(Status.PERSISTENT);
        assertThat(db.rows("SELECT \"albumId\" FROM cascade.track WHERE id = 1")).containsExactly(List.of(2));
    }
}
