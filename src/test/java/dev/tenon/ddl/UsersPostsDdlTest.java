package dev.tenon.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.ReferentialAction;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.testing.Backend;
import dev.tenon.testing.SchemaSnapshot;
import dev.tenon.testing.TestDb;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The seeds' users/posts pair, in the default schema, with a server-side creation timestamp. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class UsersPostsDdlTest {
    @Table(name = "users")
    static class User {
        @Id Integer id;
        @Column(length = 50, nullable = false) String name;
        @Relationship(backPopulates = "author") List<Post> posts;
    }

    @Table(name = "posts")
    static class Post {
        @Id Integer id;
        @Column(name = "user_id", nullable = false) @ForeignKey(value = "users.id", onDelete = ReferentialAction.CASCADE)
        Integer userId;
        @Column(length = 200) String title;
        @Column String body;
        @Column(serverDefault = "now") Instant created;
        @Relationship(backPopulates = "posts") User author;
    }

    @Parameter
    Backend backend;

    TestDb db;
    List<String> ran;

    @BeforeEach
    void open() {
        // Children first: createAll must sort them after the tables they reference.
        db = backend.openEmpty(Post.class, User.class);
        ran = db.database().createAll(db.metadata());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void usersIsCreatedBeforePostsWhichReferencesIt() {
        assertThat(ran).hasSize(2);
        assertThat(ran.get(0)).startsWith("CREATE TABLE users");
        assertThat(ran.get(1)).startsWith("CREATE TABLE posts");
    }

    @Test
    void bothTablesLandInTheDefaultSchema() {
        SchemaSnapshot schema = db.schema();

        assertThat(schema.tableNames()).containsExactlyInAnyOrder("users", "posts");
        assertThat(schema.table("users").schema()).isEqualToIgnoringCase("public");
    }

    @Test
    void postsReferenceUsersThroughUserIdWithCascadingDelete() {
        SchemaSnapshot.ForeignKey userId = db.schema().table("posts").foreignKey("fk_posts_user_id");

        assertThat(userId.columns()).map(String::toLowerCase).containsExactly("user_id");
        assertThat(userId.target()).isEqualTo("public.users");
        assertThat(userId.targetColumns()).map(String::toLowerCase).containsExactly("id");
        assertThat(userId.onDelete()).isEqualTo("CASCADE");
    }

    @Test
    void notNullColumnsAreNotNullable() {
        assertThat(db.schema().table("users").column("name").nullable()).isFalse();
        assertThat(db.schema().table("posts").column("user_id").nullable()).isFalse();
        assertThat(db.schema().table("posts").column("title").nullable()).isTrue();
    }

    @Test
    void aStringWithoutLengthIsAnUnboundedVarchar() {
        SchemaSnapshot.Column body = db.schema().table("posts").column("body");

        assertThat(body.jdbcType()).isEqualTo(Types.VARCHAR);
        assertThat(body.size()).isGreaterThanOrEqualTo(1_000_000_000);
    }

    @Test
    void theDatabaseFillsCreatedWithTheCurrentTime() {
        Instant before = Instant.now().minusSeconds(60);
        db.execute("INSERT INTO users (id, name) VALUES (1, 'ada')");
        db.execute("INSERT INTO posts (id, user_id, title) VALUES (1, 1, 'hello')");

        Object created = db.rows("SELECT created FROM posts WHERE id = 1").get(0).get(0);

        assertThat(created).isNotNull();
        Instant value = created instanceof OffsetDateTime offset ? offset.toInstant() : ((java.sql.Timestamp) created).toInstant();
        assertThat(value).isBetween(before, Instant.now().plusSeconds(60));
    }

    @Test
    void deletingAUserDeletesItsPosts() {
        db.execute("INSERT INTO users (id, name) VALUES (1, 'ada')");
        db.execute("INSERT INTO posts (id, user_id, title) VALUES (1, 1, 'hello')");

        db.execute("DELETE FROM users WHERE id = 1");

        assertThat(db.rows("SELECT count(*) FROM posts").get(0).get(0)).isEqualTo(0L);
    }
}
