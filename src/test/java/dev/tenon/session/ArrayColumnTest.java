package dev.tenon.session;

import static dev.tenon.query.Condition.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.ddl.Ddl;
import dev.tenon.engine.StatementKind;
import dev.tenon.exception.MappingException;
import dev.tenon.metadata.Metadata;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lists and arrays in SQL array columns: the types each database is given, values bound and read back (hostile
 * strings and NULL elements included), a list or array changed in place written as an UPDATE of that column alone,
 * and equality in a query binding the array.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ArrayColumnTest {
    @Table(name = "post", schema = "arrays")
    static class Post {
        @Id(generation = Generation.ASSIGNED) Integer id;
        @Column List<String> tags;
        @Column List<Integer> scores;
        @Column int[] counts;
        @Column String[] names;
        @Column(length = 20) String title;
    }

    @Table(name = "bad_list")
    static class BadList {
        @Id Integer id;
        @Column List<Object> things;
        @Column Date[] dates;
    }

    static final String HOSTILE = "x'); DROP TABLE arrays.post; --";

    @Parameter
    Backend backend;

    TestDb db;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Post.class);
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void save(int id) {
        Post post = new Post();
        post.id = id;
        post.tags = new ArrayList<>(Arrays.asList("java", HOSTILE, "\"quoted\"", null));
        post.scores = List.of(3, 1, 2);
        post.counts = new int[] {7, 8};
        post.names = new String[] {"Grüße", "東京"};
        post.title = "first";
        try (Session session = db.database().openSession(db.metadata())) {
            session.add(post);
            session.commit();
        }
        log.clear();
    }

    @Test
    void eachDatabaseGetsItsOwnArrayTypes() {
        String ddl = Ddl.of(db.metadata()).createScript(db.dialect()).get(1);

        if (backend == Backend.H2) {
            assertThat(ddl).contains("tags VARCHAR ARRAY,", "scores INTEGER ARRAY,", "counts INTEGER ARRAY,", "names VARCHAR ARRAY,");
        } else {
            assertThat(ddl).contains("tags text[],", "scores integer[],", "counts integer[],", "names text[],");
        }
    }

    @Test
    void listsAndArraysComeBackEqual() {
        save(1);
        try (Session session = db.database().openSession(db.metadata())) {
            Post read = session.get(Post.class, 1);

            assertThat(read.tags).containsExactly("java", HOSTILE, "\"quoted\"", null);
            assertThat(read.scores).containsExactly(3, 1, 2);
            assertThat(read.counts).containsExactly(7, 8);
            assertThat(read.names).containsExactly("Grüße", "東京");
            read.tags.add("a list read back is mutable");
        }
        assertThat(db.rows("SELECT count(*) FROM arrays.post")).containsExactly(List.of(1L));
    }

    @Test
    void emptyAndNullArraysAreKeptApart() {
        Post post = new Post();
        post.id = 2;
        post.tags = List.of();
        post.counts = new int[0];
        try (Session session = db.database().openSession(db.metadata())) {
            session.add(post);
            session.commit();
        }
        try (Session session = db.database().openSession(db.metadata())) {
            Post read = session.get(Post.class, 2);

            assertThat(read.tags).isEmpty();
            assertThat(read.counts).isEmpty();
            assertThat(read.scores).isNull();
            assertThat(read.names).isNull();
        }
    }

    @Test
    void aListChangedInPlaceIsWrittenAsAnUpdateOfThatColumnAlone() {
        save(1);
        try (Session session = db.database().openSession(db.metadata())) {
            Post read = session.get(Post.class, 1);
            read.tags.remove(HOSTILE);

            session.commit();

            assertThat(log.sql()).containsExactly(select(), "UPDATE arrays.post SET tags = ? WHERE id = ?");
            assertThat(session.statistics().statements(StatementKind.UPDATE)).isEqualTo(1);
        }
        try (Session session = db.database().openSession(db.metadata())) {
            assertThat(session.get(Post.class, 1).tags).containsExactly("java", "\"quoted\"", null);
        }
    }

    @Test
    void anArrayElementChangedInPlaceIsWritten() {
        save(1);
        try (Session session = db.database().openSession(db.metadata())) {
            Post read = session.get(Post.class, 1);
            read.counts[0]++;
            read.names[1] = "Kyoto";

            session.commit();

            assertThat(log.sql()).containsExactly(select(), "UPDATE arrays.post SET counts = ?, names = ? WHERE id = ?");
        }
        try (Session session = db.database().openSession(db.metadata())) {
            Post read = session.get(Post.class, 1);
            assertThat(read.counts).containsExactly(8, 8);
            assertThat(read.names).containsExactly("Grüße", "Kyoto");
        }
    }

    @Test
    void anUnchangedRowWithArraysIsNotWritten() {
        save(1);
        try (Session session = db.database().openSession(db.metadata())) {
            Post read = session.get(Post.class, 1);
            read.scores.set(0, 3);
            read.counts[1] = 8;

            session.commit();

            assertThat(session.statistics().statements(StatementKind.UPDATE)).isZero();
        }
    }

    @Test
    void aChangeAfterAFlushIsComparedWithWhatWasFlushed() {
        save(1);
        try (Session session = db.database().openSession(db.metadata())) {
            Post read = session.get(Post.class, 1);
            read.scores.add(4);
            session.flush();
            read.scores.add(5);
            session.commit();

            assertThat(session.statistics().statements(StatementKind.UPDATE)).isEqualTo(2);
        }
        try (Session session = db.database().openSession(db.metadata())) {
            assertThat(session.get(Post.class, 1).scores).containsExactly(3, 1, 2, 4, 5);
        }
    }

    @Test
    void equalityOnAnArrayBindsTheWholeArray() {
        save(1);
        save(2);
        try (Session session = db.database().openSession(db.metadata())) {
            List<Post> found = session.select(Post.class).where(eq("scores", List.of(3, 1, 2))).list();
            List<Post> none = session.select(Post.class).where(eq("names", new String[] {HOSTILE})).list();

            assertThat(found).extracting(post -> post.id).containsExactlyInAnyOrder(1, 2);
            assertThat(none).isEmpty();
            assertThat(log.sql().get(0)).endsWith("WHERE post_1.scores = ?");
        }
    }

    @Test
    void listsOfUnstorableElementsAreRefusedAtScanTime() {
        assertThatThrownBy(() -> Metadata.of(BadList.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("BadList.things: a List column holds java.lang.Object; use List<E> with E one of")
                .hasMessageContaining("BadList.dates: an array column holds Date; use an array of int, long, short, double, boolean or of");
    }

    private String select() {
        return "SELECT post_1.id, post_1.tags, post_1.scores, post_1.counts, post_1.names, post_1.title FROM arrays.post post_1 WHERE post_1.id = ?";
    }
}
