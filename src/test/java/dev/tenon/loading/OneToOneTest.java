package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Post;
import dev.tenon.demo.Profile;
import dev.tenon.demo.User;
import dev.tenon.exception.LazyLoadException;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Load;
import dev.tenon.session.Session;
import dev.tenon.session.SessionOptions;
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
    void theLazyDefaultCostsNothingUntilTouchedThenOneStatementPerProfile() {
        List<User> users = session.select(User.class).orderBy("id").list();
        assertThat(session.statistics().statements()).isEqualTo(1);

        assertThat(users.get(0).profile.bio).isEqualTo("writes about ORMs");
        assertThat(session.statistics().statements()).isEqualTo(2);
        assertThat(users.get(1).profile).isNull();
        assertThat(users.get(1).profile).as("a one-to-one found empty is loaded: null, no second query").isNull();
        assertThat(session.statistics().statements()).isEqualTo(3);
    }

    @Test
    void aLazyOneToOneTouchedInALoopIsSeenByTheNPlusOneDetector() {
        try (Session strict = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.strictNPlusOne(true))) {
            List<User> users = strict.select(User.class).orderBy("id").list();
            assertThat(users.get(0).profile).isNotNull();

            assertThatThrownBy(() -> users.get(1).profile.toString())
                    .isInstanceOf(LazyLoadException.class)
                    .hasMessageContaining("N+1 detected: User.profile")
                    .hasMessageContaining("at dev.tenon.loading.OneToOneTest.")
                    .hasMessageContaining(".options(Load.selectin(\"profile\"))");
            // The detector counts statements, so it fails right after the statement that reached the threshold ran.
            assertThat(strict.statistics().statements()).isEqualTo(3);
        }
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

        assertThat(session.statistics().statements()).isEqualTo(1);
        assertThat(profile.user).hasToString("User(1, ada)");
        assertThat(profile.user.getClass()).isEqualTo(User.class);
        assertThat(session.statistics().statements()).isEqualTo(2);
        // The user's own one-to-one is lazy too: read, it finds the same profile in a third statement.
        assertThat(profile.user.profile).isSameAs(profile);
        assertThat(session.statistics().statements()).isEqualTo(3);
    }

    @Test
    void assigningAOneToOneSetsTheOtherSideAndTakesItFromItsFormerHolder() {
        List<User> users = session.select(User.class).options(Load.joined("profile")).orderBy("id").list();
        User ada = users.get(0);
        User grace = users.get(1);
        Profile profile = ada.profile;
        long before = session.statistics().statements();

        grace.profile = profile;

        assertThat(profile.user).isSameAs(grace);
        assertThat(ada.profile).isNull();
        assertThat(session.statistics().statements()).isEqualTo(before);
        session.commit();
        try (Session check = db.database().openSession(db.metadata())) {
            List<User> again = check.select(User.class).options(Load.joined("profile")).orderBy("id").list();
            assertThat(again.get(0).profile).isNull();
            assertThat(again.get(1).profile.bio).isEqualTo("writes about ORMs");
        }
    }
}
