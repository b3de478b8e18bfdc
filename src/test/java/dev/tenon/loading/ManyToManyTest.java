package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.engine.StatementKind;
import dev.tenon.loading.model.Post;
import dev.tenon.loading.model.PostTag;
import dev.tenon.loading.model.Seed;
import dev.tenon.loading.model.Tag;
import dev.tenon.loading.model.User;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Condition;
import dev.tenon.query.Load;
import dev.tenon.query.Query;
import dev.tenon.session.Session;
import dev.tenon.session.SessionOptions;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A many-to-many through an association table (posts and tags), under each strategy, from both sides. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ManyToManyTest {
    static final List<String> TAGS_BY_POST = List.of(
            "Objects fit rows [java, orm, sql]", "The N+1 problem [orm, sql]", "Compilers [java]", "Anonymous []");
    static final List<String> POSTS_BY_TAG = List.of(
            "java [Compilers, Objects fit rows]", "sql [The N+1 problem, Objects fit rows]",
            "orm [The N+1 problem, Objects fit rows]", "unused []");

    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(User.class, Post.class, Tag.class, PostTag.class));
        Seed.blog(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private record Result(List<String> lines, long statements) {
    }

    private <T> Result load(Class<T> type, Load option, Function<T, String> print) {
        try (Session session = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.nPlusOneThreshold(100))) {
            Query<T> query = session.select(type).orderBy("id");
            if (option != null) {
                query = query.options(option);
            }
            List<String> lines = query.list().stream().map(print).toList();
            return new Result(lines, session.statistics().statements());
        }
    }

    private Result tagsOfPosts(Load option) {
        return load(Post.class, option, post -> post.getTitle() + " " + post.getTags().stream().map(Tag::getName).toList());
    }

    private Result postsOfTags(Load option) {
        return load(Tag.class, option, tag -> tag.getName() + " " + tag.getPosts().stream().map(Post::getTitle).toList());
    }

    @Test
    void lazyLoadsEachPostsTagsWithOneStatement() {
        Result result = tagsOfPosts(null);

        assertThat(result.lines()).isEqualTo(TAGS_BY_POST);
        assertThat(result.statements()).isEqualTo(1 + 4);
    }

    @Test
    void joinedLoadsPostsAndTagsInOneStatement() {
        Result result = tagsOfPosts(Load.joined("tags"));

        assertThat(result.lines()).isEqualTo(TAGS_BY_POST);
        assertThat(result.statements()).isEqualTo(1);
    }

    @Test
    void selectinLoadsTheTagsOfAllPostsInOneMoreStatement() {
        Result result = tagsOfPosts(Load.selectin("tags"));

        assertThat(result.lines()).isEqualTo(TAGS_BY_POST);
        assertThat(result.statements()).isEqualTo(2);
    }

    @Test
    void subqueryLoadsTheTagsOfAllPostsInOneMoreStatement() {
        Result result = tagsOfPosts(Load.subquery("tags"));

        assertThat(result.lines()).isEqualTo(TAGS_BY_POST);
        assertThat(result.statements()).isEqualTo(2);
    }

    @Test
    void theOtherSideIsASetInItsOwnOrderUnderEveryStrategy() {
        assertThat(postsOfTags(null)).isEqualTo(new Result(POSTS_BY_TAG, 1 + 4));
        assertThat(postsOfTags(Load.joined("posts"))).isEqualTo(new Result(POSTS_BY_TAG, 1));
        assertThat(postsOfTags(Load.selectin("posts"))).isEqualTo(new Result(POSTS_BY_TAG, 2));
        assertThat(postsOfTags(Load.subquery("posts"))).isEqualTo(new Result(POSTS_BY_TAG, 2));
    }

    @Test
    void aTagSharedByPostsIsOneObject() {
        try (Session session = db.database().openSession(db.metadata())) {
            List<Post> posts = session.select(Post.class).options(Load.selectin("tags")).orderBy("id").list();

            assertThat(posts.get(0).getTags().get(1)).isSameAs(posts.get(1).getTags().get(0));
        }
    }

    @Test
    void aManyToManyIsAQueryThroughTheSession() {
        try (Session session = db.database().openSession(db.metadata())) {
            Post first = session.get(Post.class, 1);
            Query<Tag> tags = session.<Tag>related(first, "tags").orderBy("name");

            assertThat(tags.count()).isEqualTo(3);
            assertThat(tags.where(Condition.like("name", "%a%")).list()).extracting(Tag::getName).containsExactly("java");
            assertThat(tags.list()).extracting(Tag::getName).containsExactly("java", "orm", "sql");
            assertThat(session.statistics().statements()).isEqualTo(4);
        }
    }

    @Test
    void bothSidesLoadInOneStatementWhenJoinedBackAndForth() {
        try (Session session = db.database().openSession(db.metadata())) {
            List<Post> posts = session.select(Post.class).options(Load.joined("tags").thenJoined("posts")).orderBy("id").list();

            Tag java = posts.get(0).getTags().get(0);
            assertThat(java.getPosts()).extracting(Post::getTitle).containsExactly("Compilers", "Objects fit rows");
            assertThat(java.getPosts()).contains(posts.get(0), posts.get(2));
            assertThat(session.statistics().statements()).isEqualTo(1);
        }
    }

    @Test
    void addingToOneSideOfAManyToManyAddsToTheOtherAtOnceAndWritesOneRow() {
        try (Session session = db.database().openSession(db.metadata())) {
            Post compilers = session.get(Post.class, 3);
            Tag unused = session.get(Tag.class, 4);
            assertThat(compilers.getTags()).extracting(Tag::getName).containsExactly("java");
            assertThat(unused.getPosts()).isEmpty();
            long before = session.statistics().statements();

            compilers.getTags().add(unused);

            assertThat(unused.getPosts()).containsExactly(compilers);
            assertThat(session.statistics().statements()).isEqualTo(before);
            session.commit();
            assertThat(session.statistics().byKind()).containsEntry(StatementKind.INSERT, 1L);
        }
        try (Session session = db.database().openSession(db.metadata())) {
            assertThat(session.get(Tag.class, 4).getPosts()).extracting(Post::getTitle).containsExactly("Compilers");
        }
    }

    @Test
    void removingFromTheOtherSideUndoesTheAdditionBeforeAnythingIsWritten() {
        try (Session session = db.database().openSession(db.metadata())) {
            Post compilers = session.get(Post.class, 3);
            Tag unused = session.get(Tag.class, 4);
            assertThat(unused.getPosts()).isEmpty();
            compilers.getTags().add(unused);

            unused.getPosts().remove(compilers);

            assertThat(compilers.getTags()).extracting(Tag::getName).containsExactly("java");
            session.commit();
            assertThat(session.statistics().byKind()).doesNotContainKeys(StatementKind.INSERT, StatementKind.DELETE);
        }
    }
}
