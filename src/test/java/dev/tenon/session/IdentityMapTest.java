package dev.tenon.session;

import static dev.tenon.query.Condition.eq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementKind;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** One Java object per row within a session, whether it comes from get() or from a query. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class IdentityMapTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Scott.load(db);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void getReturnsTheSameObjectForTheSameRow() {
        Emp first = session.get(Emp.class, 7839);
        Emp second = session.get(Emp.class, 7839);

        assertThat(second).isSameAs(first);
        assertThat(first.ename).isEqualTo("KING");
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void getRunsNoSqlForAnObjectAQueryAlreadyLoaded() {
        List<Dept> depts = session.select(Dept.class).orderBy("deptno").list();

        Dept accounting = session.get(Dept.class, 10);

        assertThat(accounting).isSameAs(depts.get(0));
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void queryResultsAreTheObjectsTheSessionAlreadyHolds() {
        Emp king = session.get(Emp.class, 7839);

        List<Emp> presidents = session.select(Emp.class).where(eq("job", "PRESIDENT")).list();

        assertThat(presidents).singleElement().isSameAs(king);
        assertThat(session.statistics().statements(StatementKind.SELECT)).isEqualTo(2);
    }

    @Test
    void aQueryDoesNotOverwriteAnObjectTheSessionAlreadyHolds() {
        Dept accounting = session.get(Dept.class, 10);
        accounting.loc = "BOSTON";
        // Another transaction renames the department meanwhile; this session keeps what it holds.
        db.execute("UPDATE scott.dept SET dname = 'FINANCE' WHERE deptno = 10");

        Dept queried = session.select(Dept.class).where(eq("deptno", 10)).one();

        assertThat(queried).isSameAs(accounting);
        assertThat(queried.dname).isEqualTo("ACCOUNTING");
        assertThat(queried.loc).isEqualTo("BOSTON");
    }

    @Test
    void aPendingChangeIsFlushedBeforeAQuerySoTheQuerySeesIt() {
        Dept accounting = session.get(Dept.class, 10);
        accounting.loc = "BOSTON";

        List<Dept> inBoston = session.select(Dept.class).where(eq("loc", "BOSTON")).orderBy("deptno").list();

        assertThat(inBoston).extracting(d -> d.deptno).containsExactly(10, 40);
        assertThat(inBoston.get(0)).isSameAs(accounting);
        assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(StatementKind.SELECT, 2L, StatementKind.UPDATE, 1L));
    }

    @Test
    void getReturnsNullForAMissingRowAfterOneSelect() {
        assertThat(session.get(Dept.class, 99)).isNull();
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void getRunsNoSqlForAnObjectAddedAndFlushedInThisSession() {
        Dept dept = new Dept(50, "LEGAL", "AUSTIN");
        session.add(dept);
        session.flush();

        assertThat(session.get(Dept.class, 50)).isSameAs(dept);
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void getReturnsNullWithoutSqlForAnObjectDeletedInThisSession() {
        Dept operations = session.get(Dept.class, 40);
        session.delete(operations);

        assertThat(session.get(Dept.class, 40)).isNull();
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void anExpungedObjectIsReplacedByANewOneOnTheNextGet() {
        Dept accounting = session.get(Dept.class, 10);
        session.expunge(accounting);

        Dept again = session.get(Dept.class, 10);

        assertThat(again).isNotSameAs(accounting);
        assertThat(again.dname).isEqualTo("ACCOUNTING");
        assertThat(session.contains(accounting)).isFalse();
        assertThat(session.contains(again)).isTrue();
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void aManyToOneAlreadyInTheSessionIsResolvedWithoutSql() {
        Dept research = session.get(Dept.class, 20);
        Emp scott = session.get(Emp.class, 7788);

        assertThat(scott.department).isSameAs(research);
        assertThat(session.statistics().statements()).isEqualTo(2);
    }
}
