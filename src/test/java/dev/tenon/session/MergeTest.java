package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.api.Status;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.IdentityException;
import dev.tenon.exception.MappingException;
import dev.tenon.exception.TenonException;
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

/** {@code session.merge(detached)}: the state of an object the session does not hold, copied onto the one it does. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class MergeTest {
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
        if (db != null) {
            session.close();
            db.close();
        }
    }

    /** SMITH as an earlier session left him: detached. */
    private Emp detachedSmith() {
        try (Session earlier = db.database().openSession(db.metadata())) {
            return earlier.get(Emp.class, 7369);
        }
    }

    private String salary(int empno) {
        return db.rows("SELECT sal FROM scott.emp WHERE empno = ?", empno).get(0).get(0).toString();
    }

    @Test
    void aDetachedObjectIsCopiedOntoTheRowLoadedNowAndOnlyWhatDiffersIsWritten() {
        Emp smith = detachedSmith();
        smith.sal = new BigDecimal("1234.00");
        long before = session.statistics().statements();

        Emp merged = session.merge(smith);

        assertThat(merged).isNotSameAs(smith);
        assertThat(merged.sal).isEqualByComparingTo("1234.00");
        assertThat(session.status(merged)).isEqualTo(Status.PERSISTENT);
        assertThat(session.contains(smith)).isFalse();
        assertThat(session.flushPlan().statements()).as("one UPDATE of one column").isEqualTo(1);
        session.commit();
        assertThat(session.statistics().statements() - before).as("the SELECT of the row and the UPDATE").isEqualTo(2);
        assertThat(salary(7369)).isEqualTo("1234.00");
    }

    @Test
    void aRowTheSessionHoldsIsNotReadAgain() {
        Emp held = session.get(Emp.class, 7369);
        Emp smith = detachedSmith();
        smith.job = "ANALYST";
        long before = session.statistics().statements();

        Emp merged = session.merge(smith);

        assertThat(merged).isSameAs(held);
        assertThat(held.job).isEqualTo("ANALYST");
        assertThat(session.statistics().statements() - before).isZero();
    }

    @Test
    void anObjectWithoutARowIsCopiedOntoANewInstanceThatIsInserted() {
        Dept legal = new Dept(50, "LEGAL", "AUSTIN");

        Dept merged = session.merge(legal);

        assertThat(merged).isNotSameAs(legal);
        assertThat(session.status(merged)).isEqualTo(Status.PENDING);
        assertThat(session.status(legal)).isEqualTo(Status.TRANSIENT);
        session.commit();
        assertThat(db.rows("SELECT dname, loc FROM scott.dept WHERE deptno = 50")).containsExactly(List.of("LEGAL", "AUSTIN"));
    }

    @Test
    void relatedObjectsAreMergedThroughTheCascadeAndEachOnlyOnce() {
        Dept accounting;
        try (Session earlier = db.database().openSession(db.metadata())) {
            accounting = earlier.get(Dept.class, 10);
            accounting.employees.size();
        }
        Emp clark = accounting.employees.get(0);
        clark.sal = new BigDecimal("2500.00");
        long before = session.statistics().statements();

        Dept merged = session.merge(accounting);

        assertThat(merged.employees).hasSize(3).extracting(emp -> emp.ename).containsExactly("CLARK", "KING", "MILLER");
        assertThat(merged.employees).allMatch(emp -> emp.department == merged && session.contains(emp)).doesNotContain(clark);
        session.commit();
        // The department, its employees (the collection, as the session loads it), then the UPDATE of CLARK.
        assertThat(session.statistics().statements() - before).isEqualTo(3);
        assertThat(salary(7782)).isEqualTo("2500.00");
        assertThat(salary(7839)).isEqualTo("5000.00");
    }

    @Test
    void aRowDeletedInTheSessionCannotBeMergedOnto() {
        session.delete(session.get(Emp.class, 7369));

        assertThatThrownBy(() -> session.merge(detachedSmith())).isInstanceOf(IdentityException.class)
                .hasMessage("Cannot merge Emp#7369: it was deleted in this session");
    }

    @Test
    void nullAndUnmappedObjectsAreRefused() {
        assertThatThrownBy(() -> session.merge(null)).isInstanceOf(TenonException.class).hasMessage("Cannot add null to a session");
        assertThatThrownBy(() -> session.merge("not an entity")).isInstanceOf(MappingException.class);
    }
}
