package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.api.Status;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementKind;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rows of one table and shape are one INSERT per chunk of rows, and what the database fills in (identity keys,
 * server defaults) comes back on the object of its own row: checked against the rows reloaded by a unique column.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class MultiRowInsertTest {
    /** An identity key and two server defaults. */
    @Table(name = "item", schema = "multirow")
    static class Item {
        @Id @Column Long id;
        @Column(length = 20, unique = true) String code;
        @Column(serverDefault = "'new'", length = 10) String phase;
        @Column(serverDefault = "now") Instant created;

        Item() {
        }

        Item(String code) {
            this.code = code;
        }
    }

    /**
     * A key the application assigns, one part a decimal the database returns at its own scale, and server defaults,
     * one different in every row.
     */
    @Table(name = "label", schema = "multirow")
    static class Label {
        @Id(generation = Generation.ASSIGNED) @Column(length = 20) String code;
        @Id(generation = Generation.ASSIGNED) @Column(precision = 5, scale = 2) BigDecimal rev;
        @Column(length = 20) String title;
        @Column(serverDefault = "'new'", length = 10) String phase;
        @Column(serverDefault = "CAST(RANDOM() AS VARCHAR(40))", length = 40) String stamp;

        Label() {
        }

        Label(String code, String rev, String title) {
            this.code = code;
            this.rev = new BigDecimal(rev);
            this.title = title;
        }
    }

    /** A key filled by a default that does not grow row by row. */
    @Table(name = "token", schema = "multirow")
    static class Token {
        @Id(generation = Generation.ASSIGNED) @Column(length = 40, serverDefault = "CAST(RANDOM() AS VARCHAR(40))") String id;
        @Column(length = 20, unique = true) String code;

        Token() {
        }

        Token(String code) {
            this.code = code;
        }
    }

    /** Forty columns: 65,535 parameters hold 1,638 rows on PostgreSQL. */
    @Table(name = "wide", schema = "multirow")
    static class Wide {
        @Id(generation = Generation.ASSIGNED) @Column Integer id;
        @Column Integer c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12, c13;
        @Column Integer c14, c15, c16, c17, c18, c19, c20, c21, c22, c23, c24, c25, c26;
        @Column Integer c27, c28, c29, c30, c31, c32, c33, c34, c35, c36, c37, c38, c39;

        Wide() {
        }

        Wide(int id) {
            this.id = id;
            this.c01 = id;
            this.c39 = -id;
        }
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Item.class, Label.class, Token.class, Wide.class, Dept.class, Emp.class);
        session = db.database().openSession(db.metadata());
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        db.database().removeListener(log);
        session.close();
        db.close();
    }

    private static List<Item> items(int count) {
        List<Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(new Item("I" + i));
        }
        return items;
    }

    /** Each item's key is the one its row got in the database, found by its unique code. */
    private void assertKeysAsStored(List<Item> items) {
        Map<Object, Object> stored = new HashMap<>();
        for (List<Object> row : db.rows("SELECT code, id FROM multirow.item")) {
            stored.put(row.get(0), ((Number) row.get(1)).longValue());
        }
        assertThat(stored).hasSize(items.size());
        assertThat(items).allSatisfy(item -> assertThat(item.id).as(item.code).isEqualTo(stored.get(item.code)));
    }

    @Test
    void twoHundredFiftyRowsAreOneInsertAndEachObjectGetsItsOwnRowsKeyAndDefaults() {
        List<Item> items = items(250);
        session.addAll(items);

        session.commit();

        assertThat(session.statistics().byKind()).containsExactlyEntriesOf(Map.of(StatementKind.INSERT, 1L));
        assertThat(session.statistics().rowsWritten()).isEqualTo(250);
        assertKeysAsStored(items);
        // Drawn in the order of the rows.
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i).id).isGreaterThan(items.get(i - 1).id);
        }
        assertThat(items).allSatisfy(item -> {
            assertThat(item.phase).isEqualTo("new");
            assertThat(item.created).isNotNull();
        });
        assertThat(session.get(Item.class, items.get(100).id)).isSameAs(items.get(100));
    }

    @Test
    void theSessionsSettingBoundsTheRowsOfOneStatement() {
        List<Item> items = items(250);
        try (Session small = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.flushBatchSize(100))) {
            small.addAll(items);

            small.commit();

            // 100 + 100 + 50.
            assertThat(small.statistics().statements(StatementKind.INSERT)).isEqualTo(3);
            assertThat(small.statistics().statements()).isEqualTo(3);
        }
        assertKeysAsStored(items);
    }

    @Test
    void theDatabasesParameterLimitBoundsTheRowsOfOneStatement() {
        List<Wide> rows = new ArrayList<>();
        for (int i = 1; i <= 1700; i++) {
            rows.add(new Wide(i));
        }
        try (Session large = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.flushBatchSize(2000))) {
            large.addAll(rows);

            large.commit();

            int perStatement = Math.min(2000, db.dialect().maxParameters() / 40);
            long expected = (rows.size() + perStatement - 1) / perStatement;
            // PostgreSQL binds 65,535 parameters: 1,638 rows of 40 columns, so two statements; H2 has no such limit.
            assertThat(expected).isEqualTo(backend == Backend.POSTGRES ? 2 : 1);
            assertThat(large.statistics().statements(StatementKind.INSERT)).isEqualTo(expected);
        }
        assertThat(db.rows("SELECT COUNT(*), SUM(c01), SUM(c39) FROM multirow.wide"))
                .containsExactly(List.of(1700L, sum(1700), -sum(1700)));
    }

    private static long sum(long n) {
        return n * (n + 1) / 2;
    }

    @Test
    void assignedKeysFindTheirRowsServerDefaultsEvenAtAnotherScale() {
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            labels.add(new Label("L" + (i % 7), (i / 7) + ".5", "T" + i));
        }
        labels.get(3).phase = "old";
        session.addAll(labels);

        session.commit();

        // Two shapes: the rows that leave phase to the database, and the one that sets it.
        assertThat(session.statistics().byKind()).containsExactlyEntriesOf(Map.of(StatementKind.INSERT, 2L));
        assertThat(labels).allSatisfy(label -> assertThat(label.phase).isEqualTo(label == labels.get(3) ? "old" : "new"));
        assertThat(labels.get(10).rev).isEqualByComparingTo("1.5");
        assertThat(db.rows("SELECT COUNT(*) FROM multirow.label WHERE phase = 'new'")).containsExactly(List.of(39L));
        Map<Object, Object> stamps = new HashMap<>();
        db.rows("SELECT code, rev, stamp FROM multirow.label").forEach(row -> stamps.put(row.get(0) + "/" + row.get(1), row.get(2)));
        assertThat(stamps.values()).doesNotHaveDuplicates();
        assertThat(labels).allSatisfy(label -> assertThat(label.stamp).isEqualTo(stamps.get(label.code + "/" + label.rev.setScale(2))));
    }

    @Test
    void rowsThatSetAGeneratedColumnAreAStatementPerShape() {
        List<Item> items = items(10);
        items.get(2).id = 1002L;
        items.get(5).id = 1005L;
        items.get(7).phase = "old";
        session.addAll(items);

        session.commit();

        // Key and phase from the database; the key given; phase given.
        assertThat(session.statistics().byKind()).containsExactlyEntriesOf(Map.of(StatementKind.INSERT, 3L));
        assertKeysAsStored(items);
        assertThat(items).extracting(item -> item.id).contains(1002L, 1005L).doesNotHaveDuplicates();
        assertThat(items).extracting(item -> item.phase).containsOnly("new", "old");
        assertThat(items.get(7).phase).isEqualTo("old");
        assertThat(items).allSatisfy(item -> assertThat(item.created).isNotNull());
    }

    @Test
    void selfReferencingRowsWithGeneratedKeysAreOneStatementPerLevel() {
        Emp boss = emp("BOSS", null);
        List<Emp> managers = new ArrayList<>();
        List<Emp> workers = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            Emp manager = emp("M" + m, boss);
            managers.add(manager);
            for (int w = 0; w < 4; w++) {
                workers.add(emp("W" + m + w, manager));
            }
        }
        // Reports first: the flush still writes the levels parents first.
        session.addAll(workers);

        session.commit();

        assertThat(session.statistics().byKind()).containsExactlyEntriesOf(Map.of(StatementKind.INSERT, 3L));
        Map<Object, Object> managerOf = new HashMap<>();
        Map<Object, Object> keyOf = new HashMap<>();
        for (List<Object> row : db.rows("SELECT e.ename, e.empno, m.ename FROM scott.emp e LEFT JOIN scott.emp m ON m.empno = e.mgr")) {
            keyOf.put(row.get(0), row.get(1));
            managerOf.put(row.get(0), row.get(2));
        }
        assertThat(keyOf).hasSize(16);
        List<Emp> everyone = new ArrayList<>(workers);
        everyone.addAll(managers);
        everyone.add(boss);
        assertThat(everyone).allSatisfy(emp -> {
            assertThat(emp.empno).as(emp.ename).isEqualTo(keyOf.get(emp.ename));
            assertThat(managerOf.get(emp.ename)).isEqualTo(emp.manager == null ? null : emp.manager.ename);
            assertThat(emp.mgr).isEqualTo(emp.manager == null ? null : emp.manager.empno);
            assertThat(emp.created).isNotNull();
        });
    }

    private static Emp emp(String name, Emp manager) {
        Emp emp = new Emp();
        emp.ename = name;
        emp.manager = manager;
        return emp;
    }

    @Test
    void aKeyFromADefaultThatDoesNotGrowIsReadBackOneRowPerStatement() {
        List<Token> tokens = List.of(new Token("A"), new Token("B"), new Token("C"));
        session.addAll(tokens);

        session.commit();

        assertThat(session.statistics().byKind()).containsExactlyEntriesOf(Map.of(StatementKind.INSERT, 3L));
        Map<Object, Object> stored = new HashMap<>();
        db.rows("SELECT code, id FROM multirow.token").forEach(row -> stored.put(row.get(0), row.get(1)));
        assertThat(tokens).allSatisfy(token -> assertThat(token.id).isNotNull().isEqualTo(stored.get(token.code)));
    }

    @Test
    void eachDatabaseGetsItsStatementShapes() {
        session.addAll(new Dept(50, "LEGAL", "AUSTIN"), new Dept(60, "SALES", "OSLO"));
        session.addAll(new Label("A", "1", "first"), new Label("B", "1", "second"));
        session.addAll(new Item("X"), new Item("Y"));

        session.flush();

        String dept = "INSERT INTO scott.dept (deptno, dname, loc) VALUES (?, ?, ?), (?, ?, ?)";
        String label = "INSERT INTO multirow.label (code, rev, title) VALUES (?, ?, ?), (?, ?, ?)";
        if (backend == Backend.POSTGRES) {
            assertThat(log.sql()).containsExactlyInAnyOrder(dept,
                    label + " RETURNING code, rev, phase, stamp",
                    "INSERT INTO multirow.item (code) SELECT CAST(p.c1 AS varchar) FROM (VALUES (?, 0), (?, 1)) AS p(c1, n)"
                            + " ORDER BY p.n RETURNING id, phase, created");
        } else {
            assertThat(log.sql()).containsExactlyInAnyOrder(dept,
                    "SELECT code, rev, phase, stamp FROM FINAL TABLE (" + label + ")",
                    "SELECT id, phase, created FROM FINAL TABLE (INSERT INTO multirow.item (code) VALUES (?), (?))");
        }
        assertThat(log.entries()).allSatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo(StatementKind.INSERT);
            assertThat(entry.rows()).isEqualTo(2);
        });
    }

    @Test
    void aTooLongValueIsRefusedNotCutShort() {
        session.addAll(new Item("SHORT"), new Item("X".repeat(25)));

        SqlExecutionException e = catchThrowableOfType(SqlExecutionException.class, session::flush);

        assertThat(e.sqlState()).isEqualTo("22001");
        assertThat(db.rows("SELECT COUNT(*) FROM multirow.item")).containsExactly(List.of(0L));
    }

    @Test
    void aFailedStatementNamesItsSqlButNoValueAndLeavesTheObjectsAsTheyWere() {
        Item first = new Item("TAKEN");
        session.add(first);
        session.commit();
        List<Item> items = List.of(new Item("SECRET-ONE"), new Item("TAKEN"), new Item("SECRET-TWO"));
        session.addAll(items);

        SqlExecutionException e = catchThrowableOfType(SqlExecutionException.class, session::flush);

        assertThat(e.isConstraintViolation()).isTrue();
        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(e.sql()).contains("INSERT INTO multirow.item (code)");
        assertThat(e.getMessage()).contains("batch of 3 rows", "SQL: ").doesNotContain("SECRET").doesNotContain("TAKEN");
        assertThat(items).allSatisfy(item -> {
            assertThat(item.id).isNull();
            assertThat(item.phase).isNull();
            assertThat(item.created).isNull();
            assertThat(session.status(item)).isEqualTo(Status.PENDING);
        });
        assertThat(session.status(first)).isEqualTo(Status.PERSISTENT);

        items.get(1).code = "FREE";
        session.commit();
        assertThat(items).allSatisfy(item -> assertThat(item.id).isNotNull());
        assertThat(db.rows("SELECT COUNT(*) FROM multirow.item")).containsExactly(List.of(4L));
    }
}
