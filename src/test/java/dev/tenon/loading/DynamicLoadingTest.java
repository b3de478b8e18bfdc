package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.TenonException;
import dev.tenon.loading.model.Playlist;
import dev.tenon.loading.model.Seed;
import dev.tenon.loading.model.Track;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Condition;
import dev.tenon.query.DynamicList;
import dev.tenon.query.Load;
import dev.tenon.query.Query;
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

/** Dynamic relationships: a query over the children, filtered, ordered and counted before anything is loaded. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class DynamicLoadingTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    Playlist road;

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(Playlist.class, Track.class, Dept.class, Emp.class));
        Seed.insert(db, List.of(new Playlist(1, "road"), new Playlist(2, "empty")),
                List.of(new Track(1, 1, 3, "Cruise", 200), new Track(2, 1, 1, "Autobahn", 180), new Track(3, 1, 2, "Bonneville", 300)));
        Seed.scott(db);
        session = db.database().openSession(db.metadata());
        road = session.get(Playlist.class, 1);
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void nothingIsLoadedWithTheParent() {
        assertThat(road.getTracks()).isInstanceOf(DynamicList.class);
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void readingTheListRunsTheQueryInTheRelationshipsOrder() {
        assertThat(road.getTracks()).extracting(Track::toString).containsExactly("Autobahn", "Bonneville", "Cruise");
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void copyingOrStreamingTheListRunsTheQueryOnceEach() {
        assertThat(new java.util.ArrayList<>(road.getTracks())).hasSize(3);
        assertThat(road.getTracks().stream().map(Track::toString).toList()).containsExactly("Autobahn", "Bonneville", "Cruise");
        assertThat(road.getTracks().toArray(new Track[0])).hasSize(3);

        assertThat(session.statistics().statements()).isEqualTo(1 + 3);
    }

    @Test
    void theQueryCanBeFilteredBeforeItRuns() {
        List<Track> longOnes = DynamicList.query(road.getTracks()).where(Condition.gt("seconds", 190)).list();

        assertThat(longOnes).extracting(Track::toString).containsExactly("Bonneville", "Cruise");
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void theQueryCanBeOrderedFurtherAndLimited() {
        Query<Track> tracks = DynamicList.query(road.getTracks());

        assertThat(tracks.limit(2).list()).extracting(Track::toString).containsExactly("Autobahn", "Bonneville");
        assertThat(tracks.where(Condition.lt("position", 3)).orderBy("title desc").first()).hasToString("Autobahn");
    }

    @Test
    void sizeCountsInTheDatabaseWithoutLoadingTheChildren() {
        assertThat(road.getTracks().size()).isEqualTo(3);
        assertThat(DynamicList.query(road.getTracks()).where(Condition.like("title", "B%")).count()).isEqualTo(1);
        assertThat(session.statistics().rowsRead()).isEqualTo(1 + 1 + 1);
        assertThat(session.statistics().statements()).isEqualTo(3);
    }

    @Test
    void eachReadRunsTheQueryAgainAndSeesNewChildren() {
        assertThat(road.getTracks()).hasSize(3);
        session.add(new Track(4, 1, 4, "Dunes", 240));

        assertThat(road.getTracks()).extracting(Track::toString).containsExactly("Autobahn", "Bonneville", "Cruise", "Dunes");
    }

    @Test
    void aParentWithoutChildrenCountsZero() {
        Playlist empty = session.get(Playlist.class, 2);

        assertThat(empty.getTracks()).isEmpty();
        assertThat(DynamicList.query(empty.getTracks()).count()).isZero();
    }

    @Test
    void theListShowsItsSqlWithoutRunningIt() {
        assertThat(road.getTracks().toString()).startsWith("DynamicList[SELECT").contains("WHERE tracks_1.playlist_id = ?");
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aDynamicRelationshipReadAfterCloseFails() {
        List<Track> tracks = road.getTracks();
        session.close();

        assertThatThrownBy(tracks::size).isInstanceOf(TenonException.class).hasMessageContaining("session is closed");
    }

    @Test
    void anyCollectionIsAQueryThroughTheSession() {
        Dept research = session.get(Dept.class, 20);
        long before = session.statistics().statements();

        Query<Emp> clerks = session.<Emp>related(research, "employees").where(Condition.eq("job", "CLERK"));

        assertThat(clerks.count()).isEqualTo(2);
        assertThat(clerks.list()).extracting(emp -> emp.ename).containsExactly("SMITH", "ADAMS");
        assertThat(session.statistics().statements()).isEqualTo(before + 2);
    }

    @Test
    void anOptionOverridesTheDynamicMapping() {
        Playlist loaded = session.select(Playlist.class).options(Load.selectin("tracks")).where(Condition.eq("id", 2)).one();

        assertThat(loaded.getTracks()).isNotInstanceOf(DynamicList.class).isEmpty();
        assertThatThrownBy(() -> DynamicList.query(loaded.getTracks())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Lazy.DYNAMIC");
    }
}
