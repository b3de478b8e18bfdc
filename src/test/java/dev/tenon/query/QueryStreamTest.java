package dev.tenon.query;

import static dev.tenon.query.Condition.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.TenonException;
import dev.tenon.loading.model.Seed;
import dev.tenon.session.Session;
import dev.tenon.session.SessionOptions;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * stream(): rows are read from an open cursor as the stream is consumed, in chunks of one batch whose
 * relationships load together; closing the stream closes the cursor. The cursor counts its rows when it closes.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class QueryStreamTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Seed.scott(db);
        session = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.selectinBatchSize(4));
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void objectsTheStreamHasMovedPastLeaveTheSessionUnlessChanged() {
        List<Emp> seen;
        try (Stream<Emp> emps = session.select(Emp.class).orderBy("empno").stream()) {
            seen = emps.peek(emp -> {
                if (emp.ename.equals("SMITH")) {
                    emp.sal = new java.math.BigDecimal("999.00");
                }
            }).toList();
        }

        assertThat(seen).hasSize(14);
        assertThat(session.contains(seen.get(0))).as("SMITH was changed: it stays to be flushed").isTrue();
        assertThat(seen.subList(1, 14)).noneMatch(session::contains);
        session.commit();
        assertThat(db.rows("SELECT sal FROM scott.emp WHERE empno = 7369").get(0).get(0).toString()).isEqualTo("999.00");
    }

    @Test
    void aStreamGivesEveryResultInOrder() {
        try (Stream<Emp> emps = session.select(Emp.class).where(eq("deptno", 30)).orderBy("empno").stream()) {
            assertThat(emps.map(emp -> emp.ename)).containsExactly("ALLEN", "WARD", "MARTIN", "BLAKE", "TURNER", "JAMES");
        }
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void rowsAreFetchedAsConsumedAndClosingTheStreamClosesTheCursor() {
        try (Stream<Emp> emps = session.select(Emp.class).orderBy("empno").stream()) {
            Iterator<Emp> iterator = emps.iterator();
            assertThat(iterator.next().ename).isEqualTo("SMITH");
            assertThat(session.statistics().statements()).isEqualTo(1);
            assertThat(session.statistics().rowsRead()).as("counted when the cursor closes").isZero();
        }

        assertThat(session.statistics().rowsRead()).as("one chunk read, then closed").isEqualTo(4);
        assertThat(session.select(Emp.class).count()).isEqualTo(14);
    }

    @Test
    void aStreamReadToItsEndClosesItsCursorEvenWithoutClose() {
        List<String> names = session.select(Emp.class).orderBy("empno").stream().map(emp -> emp.ename).toList();

        assertThat(names).hasSize(14);
        assertThat(session.statistics().rowsRead()).isEqualTo(14);
    }

    @Test
    void eachChunkLoadsItsSelectinRelationshipsTogether() {
        try (Stream<Dept> depts = session.select(Dept.class).options(Load.selectin("employees")).orderBy("deptno").stream()) {
            assertThat(depts.map(dept -> dept.employees.size())).containsExactly(3, 5, 6, 0);
        }
        assertThat(session.statistics().statements()).as("the cursor and one selectin per chunk of 4").isEqualTo(2);
    }

    @Test
    void selectinRunsOncePerChunk() {
        try (Stream<Emp> emps = session.select(Emp.class).options(Load.selectin("reports")).orderBy("empno").stream()) {
            assertThat(emps.mapToInt(emp -> emp.reports.size()).sum()).isEqualTo(13);
        }
        assertThat(session.statistics().statements()).isEqualTo(1 + 4); // 14 rows in chunks of 4
    }

    @Test
    void lazyRelationshipsStillLoadFromAStream() {
        try (Stream<Emp> emps = session.select(Emp.class).where(eq("ename", "MILLER")).stream()) {
            assertThat(emps.map(emp -> emp.department.toString())).containsExactly("Dept(10, ACCOUNTING)");
        }
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void aJoinedToOneStreams() {
        try (Stream<Emp> emps = session.select(Emp.class).options(Load.joined("department")).orderBy("empno").stream()) {
            assertThat(emps.map(emp -> emp.department.dname).distinct()).containsExactly("RESEARCH", "SALES", "ACCOUNTING");
        }
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aJoinedCollectionCannotStreamAndTheMessageSaysWhatToUse() {
        assertThatThrownBy(() -> session.select(Dept.class).options(Load.joined("employees")).stream())
                .isInstanceOf(TenonException.class).hasMessageContaining("Load.selectin(\"employees\")");
        assertThatThrownBy(() -> session.select(Emp.class).options(Load.joined("department").thenJoined("employees")).stream())
                .isInstanceOf(TenonException.class).hasMessageContaining("a joined collection below it");
        assertThat(session.statistics().statements()).isZero();
    }
}
