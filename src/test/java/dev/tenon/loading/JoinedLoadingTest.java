package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.loading.model.Post;
import dev.tenon.loading.model.PostTag;
import dev.tenon.loading.model.Seed;
import dev.tenon.loading.model.Tag;
import dev.tenon.loading.model.User;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Condition;
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

/** Joined eager loading: the relationship in the parents' own statement, parents de-duplicated, limits on parents. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class JoinedLoadingTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(Dept.class, Emp.class, User.class, Post.class, Tag.class, PostTag.class));
        Seed.scott(db);
        Seed.blog(db);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void usersWithTheirPostsInUserIdOrderComeInOneStatement() {
        List<User> users = session.select(User.class).options(Load.joined("posts")).orderBy("id").list();

        assertThat(users).extracting(User::getName).containsExactly("ada", "grace", "linus");
        assertThat(users).extracting(user -> user.getPosts().stream().map(Post::getTitle).toList())
                .containsExactly(List.of("Objects fit rows", "The N+1 problem"), List.of("Compilers"), List.of());
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void postsWithTheirAuthorComeInOneStatementAndShareTheAuthorObject() {
        List<Post> posts = session.select(Post.class).options(Load.joined("author")).orderBy("id").list();

        assertThat(posts).extracting(post -> post.getAuthor() == null ? null : post.getAuthor().getName())
                .containsExactly("ada", "ada", "grace", null);
        assertThat(posts.get(0).getAuthor()).isSameAs(posts.get(1).getAuthor());
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aJoinedToOneWithoutMatchIsNullAndKeepsItsParent() {
        Post anonymous = session.select(Post.class).options(Load.joined("author")).where(Condition.eq("id", 4)).one();

        assertThat(anonymous.getAuthor()).isNull();
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void theStatementUsesLeftOuterJoinsWithNumberedAliases() {
        String sql = session.select(Dept.class).options(Load.joined("employees")).orderBy("deptno").toSql();

        assertThat(sql).contains("FROM scott.dept dept_1 LEFT OUTER JOIN scott.emp emp_1 ON dept_1.deptno = emp_1.deptno")
                .contains("ORDER BY dept_1.deptno, emp_1.empno");
    }

    @Test
    void aSelfReferentialJoinGetsItsOwnAlias() {
        List<Emp> emps = session.select(Emp.class).options(Load.joined("manager").thenJoined("manager"))
                .where(Condition.eq("ename", "SMITH")).list();

        assertThat(session.select(Emp.class).options(Load.joined("manager").thenJoined("manager")).toSql())
                .contains("LEFT OUTER JOIN scott.emp emp_2 ON emp_1.mgr = emp_2.empno")
                .contains("LEFT OUTER JOIN scott.emp emp_3 ON emp_2.mgr = emp_3.empno");
        Emp smith = emps.get(0);
        assertThat(smith.manager.ename).isEqualTo("FORD");
        assertThat(smith.manager.manager.ename).isEqualTo("JONES");
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void nestedJoinedCollectionsHoldEachChildOnce() {
        List<Dept> depts = session.select(Dept.class).options(Load.joined("employees").thenJoined("reports")).orderBy("deptno").list();

        Dept research = depts.get(1);
        assertThat(research.employees).extracting(emp -> emp.ename).containsExactly("SMITH", "JONES", "SCOTT", "ADAMS", "FORD");
        Emp jones = research.employees.get(1);
        assertThat(jones.reports).extracting(emp -> emp.ename).containsExactly("SCOTT", "FORD");
        Emp king = depts.get(0).employees.get(1);
        assertThat(king.reports).extracting(emp -> emp.ename).containsExactly("JONES", "BLAKE", "CLARK");
        assertThat(depts.get(3).employees).isEmpty();
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aLimitCountsParentsAndEachParentKeepsItsWholeCollection() {
        List<Dept> depts = session.select(Dept.class).options(Load.joined("employees")).orderBy("deptno").limit(2).list();

        assertThat(depts).extracting(dept -> dept.dname).containsExactly("ACCOUNTING", "RESEARCH");
        assertThat(depts.get(0).employees).hasSize(3);
        assertThat(depts.get(1).employees).hasSize(5);
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void anOffsetSkipsParentsNotRows() {
        List<Dept> depts = session.select(Dept.class).options(Load.joined("employees")).orderBy("deptno desc").offset(1).limit(2).list();

        assertThat(depts).extracting(dept -> dept.dname).containsExactly("SALES", "RESEARCH");
        assertThat(depts.get(0).employees).extracting(emp -> emp.ename).containsExactly("ALLEN", "WARD", "MARTIN", "BLAKE", "TURNER", "JAMES");
        assertThat(depts.get(1).employees).hasSize(5);
    }

    @Test
    void aLimitOverAJoinedManyToManyCountsPostsNotTags() {
        List<Post> posts = session.select(Post.class).options(Load.joined("tags")).orderBy("id").limit(2).list();

        assertThat(posts).extracting(post -> post.getTags().stream().map(Tag::getName).toList())
                .containsExactly(List.of("java", "orm", "sql"), List.of("orm", "sql"));
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void firstWithAJoinedCollectionGivesTheWholeCollectionOfTheFirstParent() {
        Dept sales = session.select(Dept.class).options(Load.joined("employees")).orderBy("dname desc").first();

        assertThat(sales.dname).isEqualTo("SALES");
        assertThat(sales.employees).hasSize(6);
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aLimitedJoinedQueryWrapsTheParentQueryAsASubquery() {
        String sql = session.select(Dept.class).options(Load.joined("employees")).orderBy("deptno").limit(2).toSql();

        assertThat(sql).contains("FROM (SELECT").contains(") anon_1 LEFT OUTER JOIN scott.emp emp_1 ON anon_1.deptno = emp_1.deptno");
    }

    @Test
    void aLimitWithAJoinedToOneNeedsNoSubquery() {
        List<Emp> emps = session.select(Emp.class).options(Load.joined("department")).orderBy("empno").limit(3).list();

        assertThat(emps).extracting(emp -> emp.ename + "@" + emp.department.dname)
                .containsExactly("SMITH@RESEARCH", "ALLEN@SALES", "WARD@SALES");
        assertThat(session.select(Emp.class).options(Load.joined("department")).limit(3).toSql()).doesNotContain("anon_1");
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aLimitedJoinedQueryFilteredThroughAPathStillCountsParents() {
        List<Dept> depts = session.select(Dept.class).options(Load.joined("employees"))
                .where(Condition.ne("loc", "BOSTON")).orderBy("dname").limit(2).list();

        assertThat(depts).extracting(dept -> dept.dname).containsExactly("ACCOUNTING", "RESEARCH");
        assertThat(depts.get(1).employees).hasSize(5);
    }

    @Test
    void aJoinedCollectionAlreadyLoadedIsNotReplacedByALaterQuery() {
        Dept accounting = session.select(Dept.class).options(Load.selectin("employees")).where(Condition.eq("deptno", 10)).one();
        List<Emp> before = accounting.employees;

        session.select(Dept.class).options(Load.joined("employees")).list();

        assertThat(accounting.employees).isSameAs(before);
    }
}
