package dev.tenon.session;

import static dev.tenon.query.Condition.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Lazy;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.api.Status;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementKind;
import dev.tenon.exception.MappingException;
import dev.tenon.exception.ReadOnlyException;
import dev.tenon.exception.ResultSizeException;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.TenonException;
import dev.tenon.exception.TransactionRolledBackException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * session.sql(...): a hand-written statement in the session's transaction, its named parameters bound, read into
 * identity-mapped entities, records or scalars, checked against the query API and against plain JDBC on SCOTT.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class PlainSqlTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    record Pay(String ename, BigDecimal salary, String deptName) {
    }

    record Headcount(String dname, long employees) {
    }

    /** An author whose books the mapping loads joined: a hand-written statement has no join for them. */
    @Table(name = "author", schema = "plain")
    static class Author {
        @Id(generation = Generation.ASSIGNED) Integer id;
        @Column(length = 20) String name;
        @Relationship(backPopulates = "author", lazy = Lazy.JOINED, orderBy = "id") List<Book> books;
    }

    @Table(name = "book", schema = "plain")
    static class Book {
        @Id(generation = Generation.ASSIGNED) Integer id;
        @Column(length = 20) String title;
        @Column(name = "author_id") @ForeignKey("plain.author.id") Integer authorId;
        @Relationship(backPopulates = "books") Author author;
    }

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Scott.load(db);
        session = db.database().openSession(db.metadata());
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private long statements() {
        return session.statistics().statements();
    }

    @Test
    void entitiesFromSqlAreTheInstancesAQueryReturns() {
        List<Emp> queried = session.select(Emp.class).where(eq("job", "CLERK")).orderBy("empno").list();
        long before = statements();

        List<Emp> fromSql = session.sql("SELECT * FROM scott.emp WHERE job = :job ORDER BY empno").bind("job", "CLERK").list(Emp.class);

        assertThat(fromSql).hasSize(4).containsExactlyElementsOf(queried);
        for (int i = 0; i < queried.size(); i++) {
            assertThat(fromSql.get(i)).isSameAs(queried.get(i));
        }
        assertThat(statements() - before).isEqualTo(1);
    }

    @Test
    void entitiesFromSqlHoldTheRowsValuesWhateverTheColumnOrder() {
        List<Emp> emps = session.sql("SELECT d.dname, e.comm, e.sal, e.created, e.hiredate, e.mgr, e.job, e.ename, e.deptno, e.empno"
                + " FROM scott.emp e JOIN scott.dept d ON d.deptno = e.deptno ORDER BY e.empno").list(Emp.class);

        List<List<Object>> rows = db.rows("SELECT empno, ename, job, mgr, sal, comm, deptno FROM scott.emp ORDER BY empno");
        assertThat(emps).hasSize(14);
        for (int i = 0; i < rows.size(); i++) {
            Emp emp = emps.get(i);
            List<Object> row = rows.get(i);
            assertThat(emp.empno).isEqualTo(((Number) row.get(0)).intValue());
            assertThat(emp.ename).isEqualTo(row.get(1));
            assertThat(emp.job).isEqualTo(row.get(2));
            assertThat(emp.mgr).isEqualTo(row.get(3) == null ? null : ((Number) row.get(3)).intValue());
            assertThat(emp.sal).isEqualByComparingTo((BigDecimal) row.get(4));
            assertThat(emp.deptno).isEqualTo(((Number) row.get(6)).intValue());
            assertThat(session.status(emp)).isEqualTo(Status.PERSISTENT);
        }
    }

    @Test
    void anEntityNeedsEveryColumnItMapsAndTheErrorNamesTheMissingOnes() {
        assertThatThrownBy(() -> session.sql("SELECT empno, ename FROM scott.emp").list(Emp.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("does not return [job, mgr, hiredate, sal, comm, deptno, created]");
        // Nothing failed in the database: the transaction goes on.
        assertThat(session.sql("SELECT COUNT(*) FROM scott.emp").scalar(Long.class)).isEqualTo(14L);
    }

    @Test
    void theSessionsObjectKeepsItsValuesOverTheRow() {
        Emp smith = session.get(Emp.class, 7369);
        db.execute("UPDATE scott.emp SET ename = 'SMYTHE' WHERE empno = 7369");

        Emp again = session.sql("SELECT * FROM scott.emp WHERE empno = :id").bind("id", 7369).one(Emp.class);

        assertThat(again).isSameAs(smith);
        assertThat(again.ename).isEqualTo("SMITH");
    }

    @Test
    void pendingChangesAreFlushedBeforeTheStatement() {
        Emp smith = session.get(Emp.class, 7369);
        smith.sal = new BigDecimal("4321.00");
        long before = statements();

        List<Emp> rich = session.sql("SELECT * FROM scott.emp WHERE sal = :sal").bind("sal", new BigDecimal("4321.00")).list(Emp.class);

        assertThat(rich).containsExactly(smith);
        assertThat(session.statistics().statements(StatementKind.UPDATE)).isEqualTo(1);
        assertThat(statements() - before).isEqualTo(2);
    }

    @Test
    void relationshipsOfEntitiesFromSqlLoadLazily() {
        List<Emp> clerks = session.sql("SELECT * FROM scott.emp WHERE job = 'CLERK' ORDER BY empno").list(Emp.class);
        long before = statements();

        assertThat(clerks.get(0).department.dname).isEqualTo("RESEARCH");

        assertThat(statements() - before).isEqualTo(1);
        Dept research = session.select(Dept.class).where(eq("deptno", 20)).one();
        assertThat(clerks.get(0).department).isSameAs(research);
    }

    @Test
    void aRelationshipMappedJoinedIsLoadedWithSelectinFromSql() {
        try (TestDb books = backend.open(Author.class, Book.class)) {
            books.execute("INSERT INTO plain.author (id, name) VALUES (1, 'Le Guin'), (2, 'Herbert')");
            books.execute("INSERT INTO plain.book (id, title, author_id) VALUES (1, 'Earthsea', 1), (2, 'Lathe', 1), (3, 'Dune', 2)");
            try (Session reader = books.database().openSession(books.metadata())) {
                List<Author> authors = reader.sql("SELECT * FROM plain.author ORDER BY id").list(Author.class);

                assertThat(reader.statistics().statements()).isEqualTo(2);
                assertThat(authors.get(0).books).extracting(book -> book.title).containsExactly("Earthsea", "Lathe");
                assertThat(authors.get(1).books).extracting(book -> book.title).containsExactly("Dune");
                assertThat(reader.statistics().statements()).isEqualTo(2);
            }
        }
    }

    @Test
    void recordsTakeColumnsByLabelAsTheHandWrittenQueryGivesThem() {
        String sql = "SELECT e.ename, e.sal AS salary, d.dname AS dept_name FROM scott.emp e JOIN scott.dept d ON d.deptno = e.deptno"
                + " WHERE e.sal >= :floor ORDER BY e.empno";
        List<Pay> pay = session.sql(sql).bind("floor", 2500).list(Pay.class);

        List<Pay> expected = new ArrayList<>();
        for (List<Object> row : db.rows(sql.replace(":floor", "2500"))) {
            expected.add(new Pay((String) row.get(0), (BigDecimal) row.get(1), (String) row.get(2)));
        }
        assertThat(pay).hasSize(5).isEqualTo(expected);
        assertThat(pay.get(0)).isEqualTo(new Pay("JONES", new BigDecimal("2975.00"), "RESEARCH"));
    }

    @Test
    void aGroupedReportIntoRecordsMatchesTheQueryApi() {
        List<Headcount> counts = session.sql("SELECT d.dname, COUNT(e.empno) AS employees FROM scott.dept d"
                + " LEFT JOIN scott.emp e ON e.deptno = d.deptno GROUP BY d.dname ORDER BY d.dname").list(Headcount.class);

        assertThat(counts).extracting(Headcount::dname).containsExactly("ACCOUNTING", "OPERATIONS", "RESEARCH", "SALES");
        for (Headcount count : counts) {
            long queried = session.select(Emp.class).where(eq("department.dname", count.dname())).count();
            assertThat(count.employees()).isEqualTo(queried);
        }
    }

    @Test
    void aRecordWhoseComponentsAndColumnsDifferIsRefusedWithBothNamed() {
        assertThatThrownBy(() -> session.sql("SELECT ename, job FROM scott.emp").list(Pay.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("component 'salary' has no column named salary")
                .hasMessageContaining("component 'deptName' has no column named deptName (or dept_name)")
                .hasMessageContaining("matches no component");
    }

    @Test
    void scalarsMatchTheQueryApi() {
        long count = session.sql("SELECT COUNT(*) FROM scott.emp WHERE job = :job").bind("job", "CLERK").scalar(Long.class);
        List<String> names = session.sql("SELECT ename FROM scott.emp WHERE deptno = :d ORDER BY ename").bind("d", 10).scalars(String.class);

        assertThat(count).isEqualTo(session.select(Emp.class).where(eq("job", "CLERK")).count()).isEqualTo(4);
        assertThat(names).isEqualTo(session.select(Emp.class).where(eq("deptno", 10)).orderBy("ename").list().stream()
                .map(emp -> emp.ename).toList()).containsExactly("CLARK", "KING", "MILLER");
        assertThat(session.sql("SELECT sal FROM scott.emp WHERE empno = :id").bind("id", -1).scalar(BigDecimal.class)).isNull();
    }

    @Test
    void aScalarOfSeveralRowsOrColumnsIsRefused() {
        assertThatThrownBy(() -> session.sql("SELECT ename FROM scott.emp").scalar(String.class))
                .isInstanceOf(ResultSizeException.class).hasMessageContaining("found 14");
        assertThatThrownBy(() -> session.sql("SELECT ename, job FROM scott.emp").scalars(String.class))
                .isInstanceOf(MappingException.class).hasMessageContaining("returns 2");
    }

    @Test
    void namedParametersAreNotFoundInLiteralsCommentsOrCasts() {
        String cast = "CAST(:n AS INT)";
        String sql = "SELECT ename AS \"e:n\" /* :y /* nested :q */ */ FROM scott.emp -- :z\n WHERE ename = :name AND ':x' = ':x'"
                + " AND 'it''s :x' <> '' AND empno = " + cast;
        if (backend == Backend.POSTGRES) {
            sql += " AND :n::int = 7788 AND E'\\':w' = E'\\':w' AND $$:v$$ = $tag$:v$tag$";
        }

        List<String> found = session.sql(sql).bind("name", "SCOTT").bind("n", 7788).scalars(String.class);

        assertThat(found).containsExactly("SCOTT");
        assertThatThrownBy(() -> session.sql("SELECT ':x' FROM scott.emp").bind("x", 1))
                .isInstanceOf(TenonException.class).hasMessageContaining("no parameter :x");
    }

    @Test
    void hostileValuesAreBoundNeverWritten() {
        String hostile = "x' OR '1'='1";
        String drop = "'; DROP TABLE scott.emp; --";

        assertThat(session.sql("SELECT ename FROM scott.emp WHERE ename = :name").bind("name", hostile).scalars(String.class)).isEmpty();
        assertThat(session.sql("SELECT ename FROM scott.emp WHERE ename = :name").bind("name", drop).scalars(String.class)).isEmpty();

        assertThat(log.sql()).allSatisfy(sql -> assertThat(sql).doesNotContain("OR '1'").doesNotContain("DROP"));
        assertThat(db.rows("SELECT COUNT(*) FROM scott.emp").get(0).get(0)).isIn(14, 14L);
    }

    @Test
    void everyParameterMustBeBoundBeforeAnySqlRuns() {
        long before = statements();

        assertThatThrownBy(() -> session.sql("SELECT ename FROM scott.emp WHERE job = :job AND deptno = :dept").bind("job", "CLERK")
                .scalars(String.class)).isInstanceOf(TenonException.class).hasMessageContaining("no value bound for :dept");
        assertThatThrownBy(() -> session.sql("SELECT ename FROM scott.emp WHERE empno = ?").scalars(String.class))
                .isInstanceOf(TenonException.class).hasMessageContaining("positional parameter");

        assertThat(statements()).isEqualTo(before);
    }

    @Test
    void aCollectionBindsOnePlaceholderPerElementAndAnEmptyOneIsRefused() {
        List<String> names = session.sql("SELECT ename FROM scott.emp WHERE empno IN (:ids) ORDER BY empno")
                .bind("ids", List.of(7369, 7499, 7521)).scalars(String.class);

        assertThat(names).containsExactly("SMITH", "ALLEN", "WARD");
        assertThat(log.sql()).last().asString().contains("IN (?, ?, ?)");
        assertThatThrownBy(() -> session.sql("SELECT ename FROM scott.emp WHERE empno IN (:ids)").bind("ids", List.of())
                .scalars(String.class)).isInstanceOf(TenonException.class).hasMessageContaining("empty collection");
    }

    @Test
    void executeReturnsTheUpdateCountInTheSessionsTransaction() {
        int moved = session.sql("UPDATE scott.emp SET deptno = :to WHERE deptno = :from").bind("to", 40).bind("from", 10).execute();

        assertThat(moved).isEqualTo(3);
        assertThat(session.select(Emp.class).where(eq("deptno", 40)).count()).isEqualTo(3);
        assertThat(db.rows("SELECT COUNT(*) FROM scott.emp WHERE deptno = 40").get(0).get(0)).isIn(0, 0L);   // not committed

        session.commit();

        assertThat(db.rows("SELECT COUNT(*) FROM scott.emp WHERE deptno = 40").get(0).get(0)).isIn(3, 3L);
    }

    @Test
    void aReadOnlySessionReadsButRefusesExecuteBeforeAnySql() {
        try (Session reader = db.database().openReadOnlySession(db.metadata())) {
            assertThat(reader.sql("SELECT COUNT(*) FROM scott.emp").scalar(Long.class)).isEqualTo(14L);
            long before = reader.statistics().statements();

            assertThatThrownBy(() -> reader.sql("DELETE FROM scott.emp").execute()).isInstanceOf(ReadOnlyException.class);

            assertThat(reader.statistics().statements()).isEqualTo(before);
        }
        assertThat(db.rows("SELECT COUNT(*) FROM scott.emp").get(0).get(0)).isIn(14, 14L);
    }

    @Test
    void aFailedStatementLosesTheTransactionLikeAnyOther() {
        session.sql("UPDATE scott.emp SET sal = sal + 1 WHERE empno = :id").bind("id", 7369).execute();

        assertThatThrownBy(() -> session.sql("SELECT no_such_column FROM scott.emp").scalars(String.class))
                .isInstanceOf(SqlExecutionException.class).hasMessageContaining("no_such_column");
        assertThatThrownBy(() -> session.sql("SELECT COUNT(*) FROM scott.emp").scalar(Long.class))
                .isInstanceOf(TransactionRolledBackException.class);
        session.rollback();

        assertThat(session.sql("SELECT sal FROM scott.emp WHERE empno = 7369").scalar(BigDecimal.class)).isEqualByComparingTo("800.00");
        assertThat(session.statistics().failures()).isEqualTo(1);
    }

    @Test
    void theStatementIsCountedAndLoggedWithItsPlaceholders() {
        session.sql("SELECT ename FROM scott.emp WHERE job = :job").bind("job", "CLERK").scalars(String.class);

        assertThat(log.sql()).containsExactly("SELECT ename FROM scott.emp WHERE job = ?");
        assertThat(session.statistics().statements(StatementKind.SELECT)).isEqualTo(1);
    }
}
