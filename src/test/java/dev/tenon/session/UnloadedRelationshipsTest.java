package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Lazy;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.engine.StatementKind;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A flush reads no relationship it does not have to: an unloaded collection or a dynamic one is left alone; only
 * a collection the application replaced without loading it, or a many-to-many of an object added back to a
 * session, needs what the database holds, read with one query.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class UnloadedRelationshipsTest {
    @Table(name = "blog", schema = "unloaded")
    static class Blog {
        @Id @Column Integer id;
        @Column(length = 20) String name;
        @Relationship(backPopulates = "blog", lazy = Lazy.DYNAMIC) List<Entry> entries;
        @Relationship(secondary = "unloaded.blog_tag") List<Tag> tags;

        Blog() {
        }

        Blog(int id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Table(name = "entry", schema = "unloaded")
    static class Entry {
        @Id @Column Integer id;
        @Column(length = 20) String title;
        @Column @ForeignKey("unloaded.blog.id") Integer blogId;
        @Relationship(backPopulates = "entries") Blog blog;

        Entry() {
        }

        Entry(int id, String title) {
            this.id = id;
            this.title = title;
        }
    }

    @Table(name = "tag", schema = "unloaded")
    static class Tag {
        @Id @Column Integer id;
        @Column(length = 20) String label;

        Tag() {
        }

        Tag(int id, String label) {
            this.id = id;
            this.label = label;
        }
    }

    @Table(name = "blog_tag", schema = "unloaded")
    static class BlogTag {
        @Id @Column(name = "blog_id") @ForeignKey("unloaded.blog.id") Integer blogId;
        @Id @Column(name = "tag_id") @ForeignKey("unloaded.tag.id") Integer tagId;
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Blog.class, Entry.class, Tag.class, BlogTag.class);
        try (Session setup = db.database().openSession(db.metadata())) {
            Blog blog = new Blog(1, "notes");
            blog.tags = new ArrayList<>(List.of(new Tag(1, "java"), new Tag(2, "sql")));
            setup.add(blog);
            Entry first = new Entry(1, "first");
            first.blogId = 1;
            Entry second = new Entry(2, "second");
            second.blogId = 1;
            setup.addAll(first, second);
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

    private List<List<Object>> tags() {
        return db.rows("SELECT blog_id, tag_id FROM unloaded.blog_tag ORDER BY tag_id");
    }

    @Test
    void aFlushRunsNoQueryForADynamicOrUnloadedCollection() {
        Blog blog = session.get(Blog.class, 1);
        blog.name = "journal";

        session.flush();

        assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of(StatementKind.SELECT, 1L, StatementKind.UPDATE, 1L));
    }

    @Test
    void aChildPointedAtAParentWithADynamicCollectionIsWrittenWithoutTouchingIt() {
        Blog blog = session.get(Blog.class, 1);
        Entry third = new Entry(3, "third");
        third.blog = blog;
        session.add(third);

        session.commit();

        assertThat(third.blogId).isEqualTo(1);
        assertThat(blog.entries).extracting(e -> e.title).containsExactly("first", "second", "third");
    }

    @Test
    void aReplacedUnloadedManyToManyDeletesTheRowsOfMembersThatLeft() {
        Blog blog = session.get(Blog.class, 1);
        Tag sql = session.get(Tag.class, 2);

        blog.tags = new ArrayList<>(List.of(sql));
        session.commit();

        assertThat(tags()).containsExactly(List.of(1, 2));
    }

    @Test
    void aDetachedObjectAddedBackKeepsItsManyToManyRowsWithoutDuplicates() {
        Blog blog = session.get(Blog.class, 1);
        blog.tags.size();
        session.close();

        try (Session next = db.database().openSession(db.metadata())) {
            blog.name = "journal";
            next.add(blog);
            next.commit();
        }

        assertThat(tags()).containsExactly(List.of(1, 1), List.of(1, 2));
        assertThat(db.rows("SELECT name FROM unloaded.blog")).containsExactly(List.of("journal"));
    }

    @Test
    void aDetachedObjectAddedBackWritesTheManyToManyMembersItGainedMeanwhile() {
        Blog blog = session.get(Blog.class, 1);
        blog.tags.size();
        session.close();

        try (Session next = db.database().openSession(db.metadata())) {
            Tag orm = new Tag(3, "orm");
            blog.tags.add(orm);
            next.add(blog);
            next.commit();
        }

        assertThat(tags()).containsExactly(List.of(1, 1), List.of(1, 2), List.of(1, 3));
    }

    @Test
    void anObjectWhoseDeletionWasCommittedIsInsertedAgainWhenAddedBack() {
        Entry first = session.get(Entry.class, 1);
        session.delete(first);
        session.commit();

        session.add(first);
        session.commit();

        assertThat(db.rows("SELECT title FROM unloaded.entry WHERE id = 1")).containsExactly(List.of("first"));
        assertThat(session.statistics().statements(StatementKind.INSERT)).isEqualTo(1);
    }
}
