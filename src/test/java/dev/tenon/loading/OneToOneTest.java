package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Post;
import dev.tenon.demo.Profile;
import dev.tenon.demo.User;
import dev.tenon.metadata.Metadata;
import dev.tenon.proxy.TenonProxy;
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

/**
 * The seeds' one-to-one (uselist = FALSE): a user's profile. Seen from the user the foreign key is on the other
 * side, so only a query can tell a missing profile from a present one; a lazy mapping loads it by selectin.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class OneToOneTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(User.class, Post.class, Profile.class));
        try (Session writer = db.database().openSession(db.metadata())) {
            User ada = new User("ada");
            ada.profile = new Profile("writes about ORMs");
            writer.addAll(ada, new User("grace"));
            writer.commit();
        }
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void theLazyDefaultLoadsProfilesWithTheUsersInOneMoreStatement() {
        List<User> users = session.select(User.class).orderBy("id").list();

        assertThat(users.get(0).profile.bio).isEqualTo("writes about ORMs");
        assertThat(users.get(1).profile).isNull();
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void joinedLoadsProfilesInTheSameStatement() {
        List<User> users = session.select(User.class).options(Load.joined("profile")).orderBy("id").list();

        assertThat(users.get(0).profile.user).isSameAs(users.get(0));
        assertThat(users.get(1).profile).isNull();
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void fromTheProfileTheUserIsAnOrdinaryLazyReference() {
        Profile profile = session.select(Profile.class).one();

        assertThat(profile.user).isInstanceOf(TenonProxy.class).hasToString("User(1, ada)");
        // Loading the user loads its own one-to-one by selectin too: the third statement finds the same profile.
        assertThat(session.statistics().statements()).isEqualTo(3);
        assertThat(profile.user).as("the loaded user replaces the proxy").isNotInstanceOf(TenonProxy.class);
        assertThat(profile.user.profile).isSameAs(profile);
    }
}
