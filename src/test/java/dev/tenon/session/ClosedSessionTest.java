package dev.tenon.session;

import static dev.tenon.query.Condition.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.LazyLoadException;
import dev.tenon.exception.TenonException;
import dev.tenon.query.Query;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A closed session refuses work with a message saying so, including work prepared while it was open. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ClosedSessionTest {
    static final String CLOSED = "This session is closed; open a new one with db.openSession(metadata)";

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
    void everyOperationOfAClosedSessionIsRefused() {
        Dept accounting = session.get(Dept.class, 10);
        session.close();

        assertThatThrownBy(() -> session.get(Dept.class, 10)).isInstanceOf(TenonException.class).hasMessage(CLOSED);
        assertThatThrownBy(() -> session.select(Dept.class)).isInstanceOf(TenonException.class).hasMessage(CLOSED);
        assertThatThrownBy(() -> session.add(new Dept(50, "LEGAL", "AUSTIN"))).isInstanceOf(TenonException.class).hasMessage(CLOSED);
        assertThatThrownBy(() -> session.delete(accounting)).isInstanceOf(TenonException.class).hasMessage(CLOSED);
        assertThatThrownBy(session::flush).isInstanceOf(TenonException.class).hasMessage(CLOSED);
        assertThatThrownBy(session::commit).isInstanceOf(TenonException.class).hasMessage(CLOSED);
        assertThatThrownBy(session::rollback).isInstanceOf(TenonException.class).hasMessage(CLOSED);
        assertThatThrownBy(() -> session.refresh(accounting)).isInstanceOf(TenonException.class).hasMessage(CLOSED);
        assertThatThrownBy(() -> session.related(accounting, "employees")).isInstanceOf(TenonException.class).hasMessage(CLOSED);
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void closingTwiceIsHarmless() {
        session.close();
        session.close();

        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void aQueryBuiltWhileOpenIsRefusedWhenRunAfterClose() {
        Query<Dept> query = session.select(Dept.class).where(eq("deptno", 10));
        session.close();

        assertThatThrownBy(query::list).isInstanceOf(TenonException.class).hasMessage(CLOSED);
        assertThatThrownBy(query::count).isInstanceOf(TenonException.class).hasMessage(CLOSED);
        assertThat(db.database().statistics().statements()).isZero();
    }

    @Test
    void aLazyCollectionTouchedAfterCloseSaysHowToLoadItInTime() {
        Dept accounting = session.get(Dept.class, 10);
        session.close();

        assertThatThrownBy(() -> accounting.employees.size())
                .isInstanceOf(LazyLoadException.class)
                .hasMessageContaining("Dept.employees")
                .hasMessageContaining("Load.selectin(\"employees\")");
    }

    @Test
    void objectsLoadedBeforeCloseKeepTheirValues() {
        Emp king = session.get(Emp.class, 7839);
        session.close();

        assertThat(king.ename).isEqualTo("KING");
        assertThat(session.contains(king)).isFalse();
    }
}
