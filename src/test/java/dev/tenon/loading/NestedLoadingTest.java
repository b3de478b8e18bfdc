package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.chinook.Album;
import dev.tenon.chinook.Chinook;
import dev.tenon.chinook.Playlist;
import dev.tenon.chinook.Track;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.MappingException;
import dev.tenon.loading.model.Coach;
import dev.tenon.loading.model.Player;
import dev.tenon.loading.model.Seed;
import dev.tenon.loading.model.Team;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.Metadata;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.query.Condition;
import dev.tenon.query.Load;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nested loading on SCOTT and a league of two sibling collections: one statement, the same objects as selectin and
 * joined loading give, every column's value read back from JSON exactly.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class NestedLoadingTest {
    @Parameter
    Backend backend;

    TestDb db;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(Dept.class, Emp.class, Team.class, Player.class, Coach.class));
        Seed.scott(db);
        Player hostile = new Player(1, 1, "O'Brien \"}] \\ \u00e9\u4e2d\ud83d\ude00 \n\t\u0001 end");
        hostile.salary = new BigDecimal("1000.00");
        hostile.active = true;
        hostile.number = (short) 7;
        hostile.rating = 0.1;
        hostile.born = LocalDate.of(1990, 2, 28);
        hostile.signed = LocalDateTime.of(2020, 1, 31, 23, 59, 58, 123_456_000);
        hostile.updated = Instant.parse("2021-06-30T22:15:00.654321Z");
        hostile.token = UUID.fromString("0b6a2f52-9d2c-4f0e-8a64-9c3c7e0d1e2f");
        hostile.position = Player.Position.KEEPER;
        Player plain = new Player(2, 1, "Ann");
        plain.salary = new BigDecimal("0.50");
        plain.active = false;
        plain.rating = 1.5e300;
        Seed.insert(db, List.of(new Team(1, "Reds"), new Team(2, "Blues"), new Team(3, "Empty")), List.of(hostile, plain,
                new Player(3, 2, "Bo")), List.of(new Coach(1, 1, "Zed"), new Coach(2, 1, "Abe"), new Coach(3, 2, "Cy")));
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Session session() {
        return db.database().openSession(db.metadata());
    }

    @Test
    void nestedLoadsEveryDepartmentsEmployeesInOneStatementWithoutRepeatingDepartments() {
        try (Session session = session()) {
            List<Dept> depts = session.select(Dept.class).options(Load.nested("employees")).orderBy("deptno").list();

            assertThat(depts).extracting(dept -> dept.employees.size()).containsExactly(3, 5, 6, 0);
            assertThat(depts.get(0).employees).extracting(emp -> emp.ename).containsExactly("CLARK", "KING", "MILLER");
            assertThat(depts.get(0).employees.get(0).department).isSameAs(depts.get(0));
            assertThat(session.statistics().statements()).isEqualTo(1);
            assertThat(log.entries().get(0).rows()).isEqualTo(4);
        }
    }

    @Test
    void theStatementIsOneCorrelatedSubqueryPerCollection() {
        try (Session session = session()) {
            session.select(Dept.class).options(Load.nested("employees")).orderBy("deptno").list();
        }
        String emp = "emp_1.empno, %s emp_1.ename, %s emp_1.job, %s emp_1.mgr, %s emp_1.hiredate, %s emp_1.sal, %s emp_1.comm, "
                + "%s emp_1.deptno, %s %s";
        String columns = backend == Backend.POSTGRES
                ? "json_agg(json_build_object('c1', " + emp.formatted("'c2',", "'c3',", "'c4',", "'c5',", "'c6',", "'c7',", "'c8',",
                "'c9',", "(emp_1.created AT TIME ZONE 'UTC')") + ") ORDER BY emp_1.empno)"
                : "JSON_ARRAYAGG(JSON_OBJECT('c1': " + emp.formatted("'c2':", "'c3':", "'c4':", "'c5':", "'c6':", "'c7':", "'c8':",
                "'c9':", "emp_1.created") + ") ORDER BY emp_1.empno)";
        assertThat(log.sql()).containsExactly("SELECT dept_1.deptno, dept_1.dname, dept_1.loc, (SELECT " + columns
                + " FROM scott.emp emp_1 WHERE dept_1.deptno = emp_1.deptno) FROM scott.dept dept_1 ORDER BY dept_1.deptno");
    }

    @Test
    void nestedGivesWhatSelectinAndJoinedGiveColumnForColumn() {
        List<String> nested = scottWith(Load.nested("employees"));

        assertThat(nested).hasSize(18).isEqualTo(scottWith(Load.selectin("employees"))).isEqualTo(scottWith(Load.joined("employees")));
        assertThat(nested).anySatisfy(row -> assertThat(row).contains("sal=1300.00", "comm=null"));
    }

    private List<String> scottWith(Load option) {
        try (Session session = session()) {
            List<Dept> depts = session.select(Dept.class).options(option).orderBy("deptno").list();
            return describe(depts, dept -> dept.employees, Emp.class);
        }
    }

    private <P, C> List<String> describe(List<P> parents, java.util.function.Function<P, List<C>> children, Class<C> type) {
        List<ColumnModel> columns = db.metadata().entity(type).columns();
        List<String> rows = new ArrayList<>();
        for (P parent : parents) {
            rows.add(parent.toString());
            for (C child : children.apply(parent)) {
                StringBuilder row = new StringBuilder("  ");
                for (ColumnModel column : columns) {
                    Object value = column.get(child);
                    row.append(column.name()).append('=').append(value).append(value == null ? "" : " (" + value.getClass().getSimpleName() + ") ");
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    @Test
    void everyColumnTypeReadsBackExactlyHostileTextIncluded() {
        try (Session session = session()) {
            List<Team> teams = session.select(Team.class).options(Load.nested("players")).orderBy("id").list();

            Player hostile = teams.get(0).players.get(0);
            assertThat(hostile.name).isEqualTo("O'Brien \"}] \\ \u00e9\u4e2d\ud83d\ude00 \n\t\u0001 end");
            assertThat(hostile.salary).isEqualTo(new BigDecimal("1000.00"));
            assertThat(hostile.active).isTrue();
            assertThat(hostile.number).isEqualTo((short) 7);
            assertThat(hostile.rating).isEqualTo(0.1);
            assertThat(hostile.born).isEqualTo(LocalDate.of(1990, 2, 28));
            assertThat(hostile.signed).isEqualTo(LocalDateTime.of(2020, 1, 31, 23, 59, 58, 123_456_000));
            assertThat(hostile.updated).isEqualTo(Instant.parse("2021-06-30T22:15:00.654321Z"));
            assertThat(hostile.token).isEqualTo(UUID.fromString("0b6a2f52-9d2c-4f0e-8a64-9c3c7e0d1e2f"));
            assertThat(hostile.position).isEqualTo(Player.Position.KEEPER);
            Player plain = teams.get(0).players.get(1);
            assertThat(plain.salary).isEqualTo(new BigDecimal("0.50"));
            assertThat(plain.active).isFalse();
            assertThat(plain.rating).isEqualTo(1.5e300);
            assertThat(plain.number).isNull();
            assertThat(plain.updated).isNull();
            assertThat(session.statistics().statements()).isEqualTo(1);
        }
        assertThat(teamsWith(Load.nested("players"))).isEqualTo(teamsWith(Load.selectin("players")))
                .isEqualTo(teamsWith(Load.joined("players")));
    }

    private List<String> teamsWith(Load option) {
        try (Session session = session()) {
            return describe(session.select(Team.class).options(option).orderBy("id").list(), team -> team.players, Player.class);
        }
    }

    @Test
    void twoSiblingCollectionsComeInOneStatementWithOneRowPerParent() {
        try (Session session = session()) {
            List<Team> teams = session.select(Team.class).options(Load.nested("players"), Load.nested("coaches")).orderBy("id").list();

            assertThat(teams).extracting(team -> team.players.size()).containsExactly(2, 1, 0);
            assertThat(teams.get(0).coaches).extracting(coach -> coach.name).containsExactly("Abe", "Zed");
            assertThat(teams.get(1).coaches).extracting(coach -> coach.name).containsExactly("Cy");
            assertThat(teams.get(2).coaches).isEmpty();
            assertThat(teams.get(0).coaches.get(0).team).isSameAs(teams.get(0));
            assertThat(session.statistics().statements()).isEqualTo(1);
            assertThat(log.entries().get(0).rows()).isEqualTo(3);
        }
    }

    @Test
    void aChildTheSessionHoldsIsThatObjectWithItsPendingChangeKept() {
        try (Session session = session()) {
            Emp smith = session.get(Emp.class, 7369);
            smith.ename = "SMYTHE";
            List<Dept> depts = session.select(Dept.class).options(Load.nested("employees")).where(Condition.eq("deptno", 20)).list();

            assertThat(depts.get(0).employees).contains(smith);
            assertThat(depts.get(0).employees).extracting(emp -> emp.ename).contains("SMYTHE");
            assertThat(session.statistics().statements()).as("the get, the autoflush's UPDATE, the query").isEqualTo(3);
        }
    }

    @Test
    void aSelfReferentialCollectionGivesTheRootObjectsThemselvesWhicheverRowComesFirst() {
        try (Session session = session()) {
            List<Emp> emps = session.select(Emp.class).options(Load.nested("reports")).orderBy("empno").list();

            java.util.Map<Integer, Emp> byKey = new java.util.HashMap<>();
            emps.forEach(emp -> byKey.put(emp.empno, emp));
            for (Emp emp : emps) {
                assertThat(((RelationCollection) emp.reports).isLoaded()).as(emp.ename).isTrue();
                emp.reports.forEach(report -> assertThat(report).isSameAs(byKey.get(report.empno)));
            }
            assertThat(byKey.get(7839).reports).extracting(emp -> emp.ename).containsExactly("JONES", "BLAKE", "CLARK");
            assertThat(byKey.get(7566).reports).extracting(emp -> emp.ename).containsExactly("SCOTT", "FORD");
            assertThat(byKey.get(7788).reports).extracting(emp -> emp.ename).containsExactly("ADAMS");
            assertThat(session.statistics().statements()).isEqualTo(1);
        }
    }

    @Test
    void aParentWithoutChildrenGetsAnEmptyLoadedCollection() {
        try (Session session = session()) {
            Dept operations = session.select(Dept.class).options(Load.nested("employees")).where(Condition.eq("deptno", 40)).one();

            assertThat(((RelationCollection) operations.employees).isLoaded()).isTrue();
            assertThat(operations.employees).isEmpty();
            assertThat(session.statistics().statements()).isEqualTo(1);
        }
    }

    @Test
    void theChildrensOwnLazyRelationshipsStillLoadOnTouch() {
        try (Session session = session()) {
            Dept research = session.select(Dept.class).options(Load.nested("employees")).where(Condition.eq("deptno", 20)).one();
            Emp scott = research.employees.stream().filter(emp -> emp.ename.equals("SCOTT")).findFirst().orElseThrow();

            assertThat(scott.manager.ename).isEqualTo("JONES");
            assertThat(scott.manager).isSameAs(research.employees.stream().filter(emp -> emp.ename.equals("JONES")).findFirst().orElseThrow());
            assertThat(session.statistics().statements()).isEqualTo(1);
        }
    }

    @Test
    void aJoinedOptionBelowANestedCollectionIsLoadedByKeysAfterTheStatement() {
        try (Session session = session()) {
            List<Dept> depts = session.select(Dept.class).options(Load.nested("employees").thenJoined("reports")).orderBy("deptno").list();

            Emp king = depts.get(0).employees.get(1);
            assertThat(king.reports).extracting(emp -> emp.ename).containsExactly("JONES", "BLAKE", "CLARK");
            assertThat(session.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void aStreamLoadsEachChunksCollectionsFromItsOwnRows() {
        try (Session session = session(); java.util.stream.Stream<Dept> stream = session.select(Dept.class)
                .options(Load.nested("employees")).orderBy("deptno").stream()) {
            assertThat(stream.map(dept -> dept.employees.size())).containsExactly(3, 5, 6, 0);
            assertThat(session.statistics().statements()).isEqualTo(1);
        }
    }

    @Test
    void aReferenceIsRefusedBeforeAnySql() {
        try (Session session = session()) {
            assertThatThrownBy(() -> session.select(Emp.class).options(Load.nested("department")).list())
                    .isInstanceOf(MappingException.class)
                    .hasMessageContaining("Emp.department is a reference, and nested loading reads collections")
                    .hasMessageContaining("Load.selectin(\"department\")");
            assertThat(session.statistics().statements()).isZero();
        }
    }

    @Test
    void aLimitCountsParentsAsWritten() {
        try (Session session = session()) {
            List<Dept> depts = session.select(Dept.class).options(Load.nested("employees")).orderBy("deptno").limit(2).list();

            assertThat(depts).extracting(dept -> dept.deptno).containsExactly(10, 20);
            assertThat(depts.get(1).employees).hasSize(5);
            assertThat(log.sql().get(0)).doesNotContain("anon_1");
        }
    }

    @Test
    void chinookAlbumsTracksAreTheSameByNestedSelectinAndJoinedAndByPlainSql() {
        try (TestDb chinook = Chinook.open(backend)) {
            List<String> nested = albumsWith(chinook, Load.nested("tracks"), 1);

            assertThat(nested).isEqualTo(albumsWith(chinook, Load.selectin("tracks"), 2)).isEqualTo(albumsWith(chinook, Load.joined("tracks"), 1));
            long tracks = ((Number) chinook.rows("SELECT COUNT(*) FROM chinook.track WHERE album_id IS NOT NULL").get(0).get(0)).longValue();
            long albums = ((Number) chinook.rows("SELECT COUNT(*) FROM chinook.album").get(0).get(0)).longValue();
            assertThat(nested).hasSize((int) (albums + tracks));
            assertThat(nested).anySatisfy(row -> assertThat(row).contains("unit_price=0.99 (BigDecimal)", "composer=null"));
        }
    }

    private List<String> albumsWith(TestDb chinook, Load option, int statements) {
        try (Session session = chinook.database().openSession(chinook.metadata())) {
            List<Album> albums = session.select(Album.class).options(option).orderBy("albumId").list();
            List<String> rows = new ArrayList<>();
            List<ColumnModel> columns = chinook.metadata().entity(Track.class).columns();
            for (Album album : albums) {
                rows.add("Album#" + album.albumId + " " + album.title);
                // Without an orderBy on the mapping, each strategy's order is the database's: compared by key.
                album.tracks.stream().sorted(java.util.Comparator.comparing((Track track) -> track.trackId)).forEach(track -> {
                    StringBuilder row = new StringBuilder("  ");
                    for (ColumnModel column : columns) {
                        Object value = column.get(track);
                        row.append(column.name()).append('=').append(value).append(value == null ? " " : " (" + value.getClass().getSimpleName() + ") ");
                    }
                    assertThat(track.album).isSameAs(album);
                    rows.add(row.toString());
                });
            }
            assertThat(session.statistics().statements()).as(option.toString()).isEqualTo(statements);
            return rows;
        }
    }

    @Test
    void aManyToManyCollectionComesThroughItsLinkTable() {
        try (TestDb chinook = Chinook.open(backend); Session session = chinook.database().openSession(chinook.metadata())) {
            List<Playlist> playlists = session.select(Playlist.class).options(Load.nested("tracks")).orderBy("playlistId").list();

            List<List<Object>> truth = chinook.rows("SELECT p.playlist_id, COUNT(pt.track_id) FROM chinook.playlist p LEFT JOIN "
                    + "chinook.playlist_track pt ON pt.playlist_id = p.playlist_id GROUP BY p.playlist_id ORDER BY p.playlist_id");
            assertThat(playlists).extracting(playlist -> (long) playlist.tracks.size())
                    .isEqualTo(truth.stream().map(row -> ((Number) row.get(1)).longValue()).toList());
            assertThat(session.statistics().statements()).isEqualTo(1);
        }
    }
}
