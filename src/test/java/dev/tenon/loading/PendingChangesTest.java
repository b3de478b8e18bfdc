package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementKind;
import dev.tenon.loading.model.Seed;
import dev.tenon.query.Condition;
import dev.tenon.query.Load;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A query never overwrites what the session holds: an object it already has keeps its in-memory state. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class PendingChangesTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Seed.scott(db);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private Emp king() {
        return session.select(Emp.class).where(Condition.eq("empno", 7839)).one();
    }

    @Test
    void aChangedObjectIsFlushedBeforeTheQueryAndComesBackAsTheSameObjectWithTheChange() {
        Emp king = king();
        king.sal = new BigDecimal("9999.00");

        List<Emp> rich = session.select(Emp.class).where(Condition.gt("sal", new BigDecimal("5000"))).list();

        assertThat(rich).singleElement().isSameAs(king);
        assertThat(king.sal).isEqualByComparingTo("9999.00");
        assertThat(session.statistics().statements(StatementKind.UPDATE)).isEqualTo(1);
    }

    @Test
    void aRowChangedElsewhereDoesNotOverwriteTheObjectTheSessionHolds() {
        Emp king = king();
        db.execute("UPDATE scott.emp SET ename = 'REX', job = 'CEO' WHERE empno = 7839");
        king.job = "OWNER";

        Emp again = session.select(Emp.class).where(Condition.eq("ename", "REX")).one();

        assertThat(again).isSameAs(king);
        assertThat(king.ename).isEqualTo("KING");
        assertThat(king.job).isEqualTo("OWNER");
    }

    @Test
    void anUnchangedObjectIsNotRefreshedEitherTheIdentityMapWins() {
        Emp king = king();
        db.execute("UPDATE scott.emp SET ename = 'REX' WHERE empno = 7839");

        session.select(Dept.class).options(Load.joined("employees")).list();

        assertThat(king.ename).isEqualTo("KING");
        session.refresh(king);
        assertThat(king.ename).isEqualTo("REX");
    }

    @Test
    void anObjectAddedToTheSessionIsFoundByALaterQuery() {
        Emp hopper = new Emp(8000, "HOPPER", "ANALYST", 7566, "1984-01-01", "3100.00", null, 20);
        session.add(hopper);

        List<Emp> analysts = session.select(Emp.class).where(Condition.eq("job", "ANALYST")).orderBy("empno").list();

        assertThat(analysts).extracting(emp -> emp.ename).containsExactly("SCOTT", "FORD", "HOPPER");
        assertThat(analysts.get(2)).isSameAs(hopper);
    }

    @Test
    void aLoadedCollectionChangedInMemoryIsNotReloadedByALaterEagerQuery() {
        Dept operations = session.select(Dept.class).options(Load.selectin("employees")).where(Condition.eq("deptno", 40)).one();
        Emp hopper = new Emp(8000, "HOPPER", "ANALYST", null, "1984-01-01", "3100.00", null, 40);
        operations.employees.add(hopper);
        session.flush();
        List<Emp> employees = operations.employees;

        session.select(Dept.class).options(Load.selectin("employees")).list();
        session.select(Dept.class).options(Load.joined("employees")).list();
        session.select(Dept.class).options(Load.subquery("employees")).list();

        assertThat(operations.employees).isSameAs(employees).containsExactly(hopper);
        assertThat(session.select(Emp.class).where(Condition.eq("deptno", 40)).one()).isSameAs(hopper);
    }
}
