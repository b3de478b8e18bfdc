package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.IdentityException;
import dev.tenon.exception.MappingException;
import dev.tenon.exception.TenonException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A misuse of the session fails at once with Tenon's exception and a message that says what to do. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class BadInputTest {
    /** Not mapped: no {@code @Table}. */
    static class Unmapped {
    }

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
    void addingNullIsRefused() {
        assertThatThrownBy(() -> session.add(null))
                .isInstanceOf(TenonException.class)
                .hasMessage("Cannot add null to a session");
    }

    @Test
    void addingAnUnmappedObjectNamesTheMappedClasses() {
        assertThatThrownBy(() -> session.add(new Unmapped()))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("Unmapped is not mapped in this Metadata")
                .hasMessageContaining("[Dept, Emp]");
    }

    @Test
    void addAllRefusesANullAmongTheObjectsBeforeAddingAny() {
        Dept legal = new Dept(50, "LEGAL", "AUSTIN");

        assertThatThrownBy(() -> session.addAll(java.util.Arrays.asList(legal, null)))
                .isInstanceOf(TenonException.class)
                .hasMessage("Cannot add null to a session");
        assertThat(session.contains(legal)).isFalse();
    }

    @Test
    void getWithAKeyOfTheWrongTypeNamesTheExpectedType() {
        assertThatThrownBy(() -> session.get(Dept.class, "10"))
                .isInstanceOf(IdentityException.class)
                .hasMessage("get(Dept, \"10\"): the key deptno is an Integer, not a String");
        assertThat(session.statistics().statements()).isZero();
    }

    @Test
    void getWithANullKeyIsRefused() {
        assertThatThrownBy(() -> session.get(Dept.class, (Object) null))
                .isInstanceOf(IdentityException.class)
                .hasMessage("get(Dept, null): a key is needed");
    }

    @Test
    void getWithTooManyKeyPartsSaysHowManyThereAre() {
        assertThatThrownBy(() -> session.get(Dept.class, 10, 20))
                .isInstanceOf(IdentityException.class)
                .hasMessage("get(Dept, [10, 20]): Dept has a single key, deptno (Integer); pass one value");
    }

    @Test
    void getOfAnUnmappedClassIsAMappingError() {
        assertThatThrownBy(() -> session.get(Unmapped.class, 1))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("Unmapped is not mapped in this Metadata");
    }

    @Test
    void deletingAnObjectNotInTheSessionSaysToLoadItFirst() {
        assertThatThrownBy(() -> session.delete(new Dept(10, "ACCOUNTING", "NEW YORK")))
                .isInstanceOf(IdentityException.class)
                .hasMessage("Cannot delete Dept(10, ACCOUNTING): it is not in this session; load it with session.get first");
    }

    @Test
    void deletingNullIsRefused() {
        assertThatThrownBy(() -> session.delete(null))
                .isInstanceOf(IdentityException.class)
                .hasMessageStartingWith("Cannot delete null");
    }

    @Test
    void addingASecondObjectForALoadedRowIsRefused() {
        session.get(Dept.class, 10);

        assertThatThrownBy(() -> session.add(new Dept(10, "COPY", "NOWHERE")))
                .isInstanceOf(IdentityException.class)
                .hasMessageStartingWith("Cannot add Dept#10: another object with the same key is already in this session");
    }

    @Test
    void changingAPrimaryKeyIsRefusedAtFlush() {
        Dept accounting = session.get(Dept.class, 10);
        accounting.deptno = 11;

        assertThatThrownBy(session::flush)
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("a primary key cannot change");
        assertThat(db.rows("SELECT deptno FROM scott.dept WHERE deptno = 10")).containsExactly(List.of(10));
    }

    @Test
    void refreshingAnObjectNotInTheSessionIsRefused() {
        assertThatThrownBy(() -> session.refresh(new Dept(10, "ACCOUNTING", "NEW YORK")))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("not in the session");
    }

    @Test
    void expungingAnObjectNotInTheSessionIsRefused() {
        assertThatThrownBy(() -> session.expunge(new Dept(10, "ACCOUNTING", "NEW YORK")))
                .isInstanceOf(IdentityException.class)
                .hasMessage("Cannot expunge Dept(10, ACCOUNTING): it is not in this session");
    }

    @Test
    void anUnknownRelationshipNameListsTheRealOnes() {
        Dept accounting = session.get(Dept.class, 10);

        assertThatThrownBy(() -> session.related(accounting, "staff"))
                .isInstanceOf(MappingException.class)
                .hasMessage("Dept has no relationship 'staff'; its relationships are [employees]");
    }

    @Test
    void anObjectOfAnotherSessionCannotJoinThisOne() {
        try (Session other = db.database().openSession(db.metadata())) {
            Dept theirs = other.get(Dept.class, 10);

            assertThatThrownBy(() -> session.add(theirs))
                    .isInstanceOf(IdentityException.class)
                    .hasMessage("Cannot add Dept#10: it belongs to another open session; expunge it from that session, or close it, first");
        }
    }
}
