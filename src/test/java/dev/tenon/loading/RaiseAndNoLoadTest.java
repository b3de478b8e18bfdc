package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.LazyLoadException;
import dev.tenon.loading.model.Seed;
import dev.tenon.query.Condition;
import dev.tenon.query.Load;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Raise fails on access and names the eager option; noload leaves the attribute empty without claiming it loaded. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class RaiseAndNoLoadTest {
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

    private Dept accounting(Load option) {
        return session.select(Dept.class).options(option).where(Condition.eq("deptno", 10)).one();
    }

    @Test
    void aRaisingCollectionFailsOnAccessNamingTheRelationshipAndTheFix() {
        Dept accounting = accounting(Load.raise("employees"));

        assertThatThrownBy(() -> accounting.employees.size())
                .isInstanceOf(LazyLoadException.class)
                .hasMessageContaining("Dept.employees")
                .hasMessageContaining("RAISE")
                .hasMessageContaining(".options(Load.selectin(\"employees\"))");
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aRaisingReferenceFailsOnItsFirstMethodCall() {
        Emp smith = session.select(Emp.class).options(Load.raise("department")).where(Condition.eq("ename", "SMITH")).one();

        assertThatThrownBy(() -> smith.department.toString())
                .isInstanceOf(LazyLoadException.class)
                .hasMessageContaining("Emp.department")
                .hasMessageContaining(".options(Load.joined(\"department\"))");
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aRaisingReferenceWithANullForeignKeyIsNull() {
        Emp king = session.select(Emp.class).options(Load.raise("manager")).where(Condition.eq("ename", "KING")).one();

        assertThat(king.manager).isNull();
    }

    @Test
    void aRaisingCollectionDoesNotBlockAFlushOfItsParent() {
        Dept accounting = accounting(Load.raise("employees"));
        accounting.loc = "BOSTON";

        session.commit();

        assertThat(db.rows("SELECT loc FROM scott.dept WHERE deptno = 10").get(0).get(0)).isEqualTo("BOSTON");
        assertThat(db.rows("SELECT count(*) FROM scott.emp WHERE deptno = 10").get(0).get(0)).isEqualTo(3L);
    }

    @Test
    void aLaterEagerQueryReplacesARaisingCollection() {
        Dept accounting = accounting(Load.raise("employees"));

        session.select(Dept.class).options(Load.selectin("employees")).list();

        assertThat(accounting.employees).hasSize(3);
    }

    @Test
    void aNoLoadCollectionIsEmptyAndRunsNothing() {
        Dept accounting = accounting(Load.noload("employees"));

        assertThat(accounting.employees).isEmpty();
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aNoLoadReferenceIsNull() {
        Emp smith = session.select(Emp.class).options(Load.noload("department"), Load.noload("manager")).where(Condition.eq("ename", "SMITH")).one();

        assertThat(smith.department).isNull();
        assertThat(smith.manager).isNull();
        assertThat(smith.deptno).isEqualTo(20);
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void anEmptyNoLoadCollectionIsNotFlushedAsEveryChildRemoved() {
        Dept accounting = accounting(Load.noload("employees"));
        accounting.dname = "FINANCE";

        session.commit();

        assertThat(db.rows("SELECT count(*) FROM scott.emp WHERE deptno = 10").get(0).get(0)).isEqualTo(3L);
        assertThat(db.rows("SELECT dname FROM scott.dept WHERE deptno = 10").get(0).get(0)).isEqualTo("FINANCE");
    }

    @Test
    void aNoLoadCollectionCanStillBeLoadedByALaterEagerQuery() {
        Dept accounting = accounting(Load.noload("employees"));

        session.select(Dept.class).options(Load.joined("employees")).where(Condition.eq("deptno", 10)).one();

        assertThat(accounting.employees).extracting(emp -> emp.ename).containsExactly("CLARK", "KING", "MILLER");
    }
}
