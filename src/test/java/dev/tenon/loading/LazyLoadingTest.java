package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.LazyLoadException;
import dev.tenon.loading.model.Post;
import dev.tenon.loading.model.PostTag;
import dev.tenon.loading.model.Seed;
import dev.tenon.loading.model.Tag;
import dev.tenon.loading.model.User;
import dev.tenon.metadata.Metadata;
import dev.tenon.proxy.RelationCollection;
import dev.tenon.query.Condition;
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
 * Lazy loading, the default: a collection loads on first access, a reference is taken from the session when it
 * is there or else is a proxy that loads on its first method call, and nothing loads once the session is closed.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class LazyLoadingTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(Dept.class, Emp.class, User.class, Post.class, Tag.class, PostTag.class));
        Seed.scott(db);
        Seed.blog(db);
        // These tests load one parent at a time on purpose: keep the N+1 warning for the detector's own tests.
        session = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.nPlusOneThreshold(100));
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void aLazyCollectionLoadsOnFirstAccessWithOneStatement() {
        Dept research = session.select(Dept.class).where(Condition.eq("deptno", 20)).one();
        assertThat(((RelationCollection) research.employees).isLoaded()).isFalse();
        assertThat(session.statistics().statements()).isEqualTo(1);

        assertThat(research.employees).extracting(emp -> emp.ename).containsExactly("SMITH", "JONES", "SCOTT", "ADAMS", "FORD");
        assertThat(research.employees).hasSize(5);
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void aLazyCollectionWithoutChildrenLoadsEmpty() {
        Dept operations = session.select(Dept.class).where(Condition.eq("deptno", 40)).one();

        assertThat(operations.employees).isEmpty();
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void aLazyCollectionTouchedAfterTheSessionClosedFailsNamingEntityRelationshipAndAnEagerOption() {
        Dept accounting = session.select(Dept.class).where(Condition.eq("deptno", 10)).one();
        session.close();

        assertThatThrownBy(() -> accounting.employees.size())
                .isInstanceOf(LazyLoadException.class)
                .hasMessageContaining("Dept.employees")
                .hasMessageContaining("Dept#10")
                .hasMessageContaining("detached")
                .hasMessageContaining("Load.selectin(\"employees\")");
    }

    @Test
    void aCollectionLoadedBeforeCloseStaysReadableAfterIt() {
        Dept accounting = session.select(Dept.class).where(Condition.eq("deptno", 10)).one();
        accounting.employees.size();
        session.close();

        assertThat(accounting.employees).extracting(emp -> emp.ename).containsExactly("CLARK", "KING", "MILLER");
    }

    @Test
    void anExpungedObjectCannotLazyLoad() {
        Dept accounting = session.select(Dept.class).where(Condition.eq("deptno", 10)).one();
        session.expunge(accounting);

        assertThatThrownBy(() -> accounting.employees.size()).isInstanceOf(LazyLoadException.class).hasMessageContaining("expunged");
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aManyToOneWhoseTargetIsInTheSessionIsSetWithoutAnyStatement() {
        List<Dept> depts = session.select(Dept.class).list();
        long before = session.statistics().statements();

        List<Emp> emps = session.select(Emp.class).orderBy("empno").list();

        assertThat(session.statistics().statements()).isEqualTo(before + 1);
        assertThat(emps.get(0).department).isIn(depts);
        assertThat(emps.get(0).department.dname).isEqualTo("RESEARCH");
        assertThat(session.statistics().statements()).isEqualTo(before + 1);
    }

    @Test
    void aManyToOneWhoseTargetIsNotInTheSessionLoadsOnTheFirstReadOfItsField() {
        Post post = session.select(Post.class).where(Condition.eq("id", 3)).one();
        assertThat(session.statistics().statements()).isEqualTo(1);

        User author = post.getAuthor();
        assertThat(session.statistics().statements()).isEqualTo(2);
        assertThat(author.getClass()).isEqualTo(User.class);
        assertThat(author.getName()).isEqualTo("grace");
        assertThat(author).isSameAs(session.get(User.class, 2));
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void objectsReferencingOneUnloadedRowLoadItOnceAndShareIt() {
        List<Emp> research = session.select(Emp.class).where(Condition.eq("deptno", 20)).orderBy("empno").list();
        assertThat(research).hasSize(5);
        assertThat(session.statistics().statements()).isEqualTo(1);

        Dept shared = research.get(0).department;
        assertThat(session.statistics().statements()).isEqualTo(2);
        assertThat(research).allSatisfy(e -> assertThat(e.department).isSameAs(shared));
        assertThat(research).extracting(e -> e.department.toString()).containsOnly("Dept(20, RESEARCH)");
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void aReferenceWhoseTargetEnteredTheSessionMeanwhileLoadsWithoutAStatement() {
        Post post = session.select(Post.class).where(Condition.eq("id", 1)).one();
        User ada = session.select(User.class).where(Condition.eq("id", 1)).one();
        long before = session.statistics().statements();

        assertThat(post.getAuthor().getName()).isEqualTo("ada");
        assertThat(post.getAuthor()).isSameAs(ada);
        assertThat(session.statistics().statements()).isEqualTo(before);
    }

    @Test
    void aNullForeignKeyGivesANullReferenceWithoutAStatement() {
        Post anonymous = session.select(Post.class).where(Condition.eq("id", 4)).one();

        assertThat(anonymous.getAuthor()).isNull();
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aProxyTouchedAfterTheSessionClosedFailsClearly() {
        Post post = session.select(Post.class).where(Condition.eq("id", 1)).one();
        session.close();

        assertThatThrownBy(() -> post.getAuthor().getName())
                .isInstanceOf(LazyLoadException.class)
                .hasMessageContaining("Post.author")
                .hasMessageContaining("Post#1")
                .hasMessageContaining("Load.joined(\"author\")");
    }

    @Test
    void oneLazyLoadPerParentIsTheNPlusOneProblem() {
        List<User> users = session.select(User.class).orderBy("id").list();

        int posts = 0;
        for (User user : users) {
            posts += user.getPosts().size();
        }

        assertThat(posts).isEqualTo(3);
        assertThat(session.statistics().statements()).isEqualTo(1 + users.size());
    }

    @Test
    void aReferenceLeftNullAndUnloadedGetsItsLazyLoadFromTheNextQueryThatReturnsIt() {
        Emp miller = session.select(Emp.class).options(Load.noload("department")).where(Condition.eq("empno", 7934)).one();
        assertThat(miller.department).isNull();

        session.select(Emp.class).where(Condition.eq("empno", 7934)).one();

        assertThat(miller.department).hasToString("Dept(10, ACCOUNTING)");
    }

    @Test
    void aRelationshipTheApplicationSetIsLeftAsItIs() {
        Dept accounting = session.get(Dept.class, 10);
        Emp newbie = new Emp(9000, "NEWBIE", "CLERK", null, "2000-01-01", "900.00", null, 10);
        newbie.department = accounting;
        session.add(newbie);
        session.flush();

        session.select(Emp.class).where(Condition.eq("empno", 9000)).one();

        assertThat(newbie.department).isSameAs(accounting);
        assertThat(newbie.manager).as("mgr is null: nothing to load").isNull();
    }

    @Test
    void aLazyLoadFollowsTheTargetsMappingForItsOwnRelationships() {
        Dept accounting = session.select(Dept.class).where(Condition.eq("deptno", 10)).one();
        Emp clark = accounting.employees.get(0);
        long before = session.statistics().statements();

        assertThat(clark.department).isSameAs(accounting);
        assertThat(clark.manager.ename).isEqualTo("KING");
        assertThat(session.statistics().statements()).isEqualTo(before);
    }

    /** A reference is installed as its parent's row is read; a row read later in the same result is the object itself. */
    @Test
    void aReferenceToARowReadLaterInTheSameResultIsTheObjectItselfNotAProxy() {
        List<Emp> emps = session.select(Emp.class).orderBy("empno").list();
        Emp smith = emps.get(0);
        Emp ford = emps.stream().filter(emp -> emp.ename.equals("FORD")).findFirst().orElseThrow();

        assertThat(smith.ename).isEqualTo("SMITH");
        assertThat(smith.manager).isSameAs(ford);
        assertThat(emps).allSatisfy(emp -> assertThat(emp.manager == null || emps.contains(emp.manager)).isTrue());
        assertThat(session.statistics().statements()).isEqualTo(1);
    }
}
