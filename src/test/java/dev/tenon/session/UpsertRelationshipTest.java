package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.IdentityException;
import dev.tenon.exception.MappingException;
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
 * An upserted object's foreign keys come from the objects its many-to-one relationships hold, which must have a key
 * or be pending in the session (flushed first); nothing cascades. {@link Badge} holds an {@code Emp}.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class UpsertRelationshipTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class, Badge.class);
        Scott.load(db);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private static Badge badge(int id, String label, Emp holder) {
        Badge badge = new Badge();
        badge.id = id;
        badge.label = label;
        badge.holder = holder;
        return badge;
    }

    private List<List<Object>> badges() {
        return db.rows("SELECT id, label, empno FROM scott.badge ORDER BY id");
    }

    @Test
    void theForeignKeyIsTakenFromTheLoadedParent() {
        Emp smith = session.get(Emp.class, 7369);

        Badge badge = session.upsert(badge(1, "gate", smith));

        assertThat(badge.empno).isEqualTo(7369);
        assertThat(badge.holder).isSameAs(smith);
        // The get and the upsert; the relationship is in step with the row, so a flush has nothing to write.
        assertThat(session.statistics().statements()).isEqualTo(2);
        session.flush();
        assertThat(session.statistics().statements()).isEqualTo(2);
        session.commit();
        assertThat(badges()).containsExactly(List.of(1, "gate", 7369));
    }

    @Test
    void aPendingParentIsInsertedByTheAutoflushFirst() {
        Emp hired = new Emp(9000, "NEWMAN", "CLERK", 7902, "2024-01-02", "900", null, 20);
        session.add(hired);

        session.upsert(badge(1, "gate", hired));

        assertThat(session.statistics().statements()).isEqualTo(2);
        session.commit();
        assertThat(badges()).containsExactly(List.of(1, "gate", 9000));
    }

    @Test
    void aParentWithoutKeyOutsideTheSessionIsRefused() {
        Emp nobody = new Emp();

        assertThatThrownBy(() -> session.upsert(badge(1, "gate", nobody)))
                .isInstanceOf(IdentityException.class)
                .hasMessage("Cannot upsert Badge#1: its holder (Emp) has no key yet and is not in this session; an upsert cascades "
                        + "nothing, so add that object to the session (session.add) or upsert it first");
        assertThat(db.statements()).isZero();
    }

    @Test
    void aRelationshipNamedAsConflictIsRefusedWithItsForeignKeyColumns() {
        assertThatThrownBy(() -> session.upsert(badge(1, "gate", null), "holder"))
                .isInstanceOf(MappingException.class)
                .hasMessage("Cannot upsert Badge on 'holder': it is a relationship; name the attributes of its foreign key columns "
                        + "instead [empno]");
        assertThat(db.statements()).isZero();
    }

    @Test
    void theSessionsObjectForTheRowFollowsItsChangedForeignKey() {
        db.execute("INSERT INTO scott.badge (id, label, empno) VALUES (1, 'gate', 7369)");
        Badge loaded = session.get(Badge.class, 1);
        Emp allen = session.get(Emp.class, 7499);
        assertThat(loaded.holder).isNotNull();
        Badge moved = badge(1, "gate", null);
        moved.empno = 7499;

        Badge upserted = session.upsert(moved);

        assertThat(upserted).isSameAs(loaded);
        assertThat(loaded.empno).isEqualTo(7499);
        assertThat(loaded.holder).isSameAs(allen);
        long before = session.statistics().statements();
        session.flush();
        assertThat(session.statistics().statements()).isEqualTo(before);
        session.commit();
        assertThat(badges()).containsExactly(List.of(1, "gate", 7499));
    }
}
