package dev.tenon.query;

import static dev.tenon.query.Condition.eq;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.MappingException;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Attribute names are checked against the metadata: a typo fails before any SQL, with the valid names and a suggestion. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class QueryNamesTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        Assertions.assertThat(session.statistics().statements()).as("no statement runs for a bad name").isZero();
        session.close();
        db.close();
    }

    @Test
    void aMisspeltAttributeInAConditionNamesTheEntityTheValidNamesAndTheClosestOne() {
        assertThatThrownBy(() -> session.select(Emp.class).where(eq("enmae", "KING")).list())
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("'enmae': Emp has no attribute 'enmae'; did you mean 'ename'?")
                .hasMessageContaining("Valid names: [empno, ename, job, mgr, hiredate, sal, comm, deptno, created, department, manager, reports]");
    }

    @Test
    void aMisspeltAttributeInAnOrderFails() {
        assertThatThrownBy(() -> session.select(Emp.class).orderBy("salary desc").list())
                .isInstanceOf(MappingException.class).hasMessageContaining("Emp has no attribute 'salary'; did you mean 'sal'?");
    }

    @Test
    void aMisspeltRelationshipInAPathNamesWhereThePathBroke() {
        assertThatThrownBy(() -> session.select(Emp.class).where(eq("departmnt.loc", "DALLAS")).count())
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("'departmnt.loc': Emp has no attribute 'departmnt'; did you mean 'department'?");
    }

    @Test
    void aMisspeltAttributeAtTheEndOfAPathIsLookedUpOnTheTarget() {
        assertThatThrownBy(() -> session.select(Emp.class).where(eq("department.lco", "DALLAS")).toSql())
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("'department.lco': Dept has no attribute 'lco'; did you mean 'loc'?")
                .hasMessageContaining("Valid names: [deptno, dname, loc, employees]");
    }

    @Test
    void aNameFarFromEveryAttributeGetsNoSuggestion() {
        assertThatThrownBy(() -> session.select(Dept.class).where(eq("budget", 1)).list())
                .isInstanceOf(MappingException.class)
                .hasMessage("'budget': Dept has no attribute 'budget' Valid names: [deptno, dname, loc, employees]");
    }

    @Test
    void namesAreCaseSensitiveButTheSuggestionIsNot() {
        assertThatThrownBy(() -> session.select(Emp.class).where(eq("ENAME", "KING")).list())
                .isInstanceOf(MappingException.class).hasMessageContaining("did you mean 'ename'?");
    }
}
