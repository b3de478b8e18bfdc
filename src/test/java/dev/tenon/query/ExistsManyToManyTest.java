package dev.tenon.query;

import static dev.tenon.query.Condition.any;
import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.none;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.loading.model.Post;
import dev.tenon.loading.model.PostTag;
import dev.tenon.loading.model.Seed;
import dev.tenon.loading.model.Tag;
import dev.tenon.loading.model.User;
import dev.tenon.metadata.Metadata;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code any()} and {@code none()} through a many-to-many relationship: the subquery reads the association table
 * joined to the target. On the blog seed: posts 1 (java, sql, orm), 2 (sql, orm), 3 (java), 4 (no tag); tag "unused"
 * on no post.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ExistsManyToManyTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(User.class, Post.class, Tag.class, PostTag.class));
        Seed.blog(db);
        log = StatementLog.on(db.database());
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private List<Integer> posts(Condition condition) {
        return session.select(Post.class).where(condition).orderBy("id").list().stream().map(Post::getId).toList();
    }

    @Test
    void anyJoinsTheAssociationTableToTheTargetInsideTheSubquery() {
        assertThat(session.select(Post.class).where(any("tags", eq("name", "java"))).toSql()).endsWith("FROM posts posts_1 WHERE EXISTS"
                + " (SELECT 1 FROM post_tags post_tags_1 JOIN tags tags_1 ON post_tags_1.tag_id = tags_1.id"
                + " WHERE (post_tags_1.post_id = posts_1.id AND tags_1.name = ?))  [java]");
    }

    @Test
    void postsWithATagAreThoseOfTheHandWrittenExists() {
        assertThat(posts(any("tags", eq("name", "java")))).containsExactly(1, 3);
        assertThat(posts(eq("tags.name", "sql"))).containsExactly(1, 2);
        List<Integer> handWritten = db.rows("SELECT p.id FROM posts p WHERE EXISTS (SELECT 1 FROM post_tags pt JOIN tags t ON t.id = pt.tag_id"
                + " WHERE pt.post_id = p.id AND t.name = 'sql') ORDER BY p.id").stream().map(row -> ((Number) row.get(0)).intValue()).toList();
        assertThat(posts(eq("tags.name", "sql"))).isEqualTo(handWritten);
        assertThat(log.sql()).hasSize(3);
    }

    @Test
    void noneFindsWhatHasNoRelatedRow() {
        assertThat(posts(none("tags"))).containsExactly(4);
        assertThat(posts(none("tags", eq("name", "java")))).containsExactly(2, 4);
        assertThat(session.select(Tag.class).where(none("posts")).list()).extracting(Tag::getName).containsExactly("unused");
    }

    @Test
    void anyNestsAcrossTheManyToManyAndAManyToOne() {
        List<String> tagsOfAda = session.select(Tag.class).where(any("posts", any("author", eq("name", "ada")))).orderBy("name").list()
                .stream().map(Tag::getName).toList();

        assertThat(tagsOfAda).containsExactly("java", "orm", "sql");
        assertThat(session.select(User.class).where(eq("posts.tags.name", "java")).orderBy("id").list())
                .extracting(User::getName).containsExactly("ada", "grace");
    }
}
