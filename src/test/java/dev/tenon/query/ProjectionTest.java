package dev.tenon.query;

import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.gt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.ResultSizeException;
import dev.tenon.loading.model.Seed;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Projections: some attributes of a query's rows, paths included, read into records, scalars or Object[] rows. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ProjectionTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    record EmpSummary(String ename, String dname) {
    }

    record EmpDept(String ename, String dept) {
    }

    record Pay(BigDecimal sal, String ename, int empno) {
    }

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Seed.scott(db);
        log = StatementLog.on(db.database());
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void aProjectionIntoARecordReadsTheNamedColumnsInOneStatement() {
        List<EmpSummary> clerks = session.select(Emp.class).where(eq("job", "CLERK")).orderBy("ename")
                .columns("ename", "department.dname").into(EmpSummary.class).list();

        assertThat(clerks).containsExactly(new EmpSummary("ADAMS", "RESEARCH"), new EmpSummary("JAMES", "SALES"),
                new EmpSummary("MILLER", "ACCOUNTING"), new EmpSummary("SMITH", "RESEARCH"));
        assertThat(log.sql()).containsExactly("SELECT emp_1.ename, dept_1.dname FROM scott.emp emp_1"
                + " LEFT OUTER JOIN scott.dept dept_1 ON emp_1.deptno = dept_1.deptno WHERE emp_1.job = ? ORDER BY emp_1.ename");
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void theRowsAreThoseOfTheHandWrittenStatement() {
        List<EmpSummary> all = session.select(Emp.class).columns("ename", "department.dname").orderBy("empno")
                .into(EmpSummary.class).list();

        List<List<Object>> expected = db.rows("SELECT e.ename, d.dname FROM scott.emp e JOIN scott.dept d ON d.deptno = e.deptno"
                + " ORDER BY e.empno");
        assertThat(all).hasSize(14);
        assertThat(all.stream().map(row -> List.<Object>of(row.ename(), row.dname())).toList()).isEqualTo(expected);
    }

    @Test
    void anAliasNamesTheComponentAndStaysOutOfTheSql() {
        Projection<EmpDept> query = session.select(Emp.class).where(eq("ename", "KING"))
                .columns("ename", "department.dname as dept").into(EmpDept.class);

        assertThat(query.one()).isEqualTo(new EmpDept("KING", "ACCOUNTING"));
        assertThat(query.toSql()).isEqualTo("SELECT emp_1.ename, dept_1.dname FROM scott.emp emp_1 LEFT OUTER JOIN scott.dept dept_1"
                + " ON emp_1.deptno = dept_1.deptno WHERE emp_1.ename = ?  [KING]");
        assertThat(session.select(Emp.class).where(eq("ename", "KING")).columns("ename", Selection.attribute("department.dname").as("dept"))
                .into(EmpDept.class).one()).isEqualTo(new EmpDept("KING", "ACCOUNTING"));
    }

    @Test
    void componentsAreMatchedByNameInWhateverOrderAndPrimitivesFitTheirBoxes() {
        Pay pay = session.select(Emp.class).where(eq("empno", 7788)).columns("empno", "ename", "sal").into(Pay.class).one();

        assertThat(pay).isEqualTo(new Pay(new BigDecimal("3000.00"), "SCOTT", 7788));
    }

    @Test
    void scalarsReadTheOneColumn() {
        List<String> names = session.select(Emp.class).where(eq("deptno", 10)).orderBy("ename").columns("ename").scalars(String.class).list();

        assertThat(names).containsExactly("CLARK", "KING", "MILLER");
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void withoutATargetEachRowIsAnArrayOfTheColumnsTypes() {
        Object[] row = session.select(Emp.class).where(eq("empno", 7369)).columns("ename", "sal", "hiredate", "manager.ename").one();

        assertThat(row).containsExactly("SMITH", new BigDecimal("800.00"), LocalDate.of(1980, 12, 17), "FORD");
    }

    @Test
    void aPathThroughANullReferenceGivesNullAndKeepsTheRow() {
        List<Object[]> rows = session.select(Emp.class).where(eq("job", "PRESIDENT")).columns("ename", "manager.ename").list();

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly("KING", null);
    }

    @Test
    void whereLimitAndOffsetCarryOverAndMayFollowTheColumns() {
        List<String> page = session.select(Emp.class).columns("ename").where(gt("sal", 1000)).orderBy("sal desc", "ename")
                .offset(1).limit(3).scalars(String.class).list();

        assertThat(page).containsExactly("FORD", "SCOTT", "JONES");
        assertThat(log.sql().get(0)).endsWith("WHERE emp_1.sal > ? ORDER BY emp_1.sal DESC, emp_1.ename LIMIT ? OFFSET ?");
    }

    @Test
    void firstRunsWithLimitOneAndOneInsistsOnOneRow() {
        Projection<String> names = session.select(Emp.class).orderBy("ename").columns("ename").scalars(String.class);

        assertThat(names.first()).isEqualTo("ADAMS");
        assertThat(log.sql().get(0)).endsWith("ORDER BY emp_1.ename LIMIT ?");
        assertThatThrownBy(names::one).isInstanceOf(ResultSizeException.class).hasMessageContaining("found 14");
        assertThat(session.select(Emp.class).where(eq("ename", "NOBODY")).columns("ename").first()).isNull();
    }

    @Test
    void aStreamReadsTheRowsFromACursor() {
        try (Stream<EmpSummary> rows = session.select(Emp.class).where(eq("deptno", 30)).orderBy("ename")
                .columns("ename", "department.dname").into(EmpSummary.class).stream()) {
            assertThat(rows.map(EmpSummary::ename)).containsExactly("ALLEN", "BLAKE", "JAMES", "MARTIN", "TURNER", "WARD");
        }
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aProjectionPutsNothingInTheSession() {
        session.select(Emp.class).columns("empno", "ename").list();
        long before = session.statistics().statements();

        Emp smith = session.get(Emp.class, 7369);

        assertThat(smith.ename).isEqualTo("SMITH");
        assertThat(session.statistics().statements()).as("the get had to read the row: the projection tracked nothing").isEqualTo(before + 1);
    }

    @Test
    void pendingChangesAreFlushedFirstSoTheProjectionSeesThem() {
        Emp smith = session.get(Emp.class, 7369);
        smith.sal = new BigDecimal("999.00");
        log.clear();

        BigDecimal sal = session.select(Emp.class).where(eq("empno", 7369)).columns("sal").scalars(BigDecimal.class).one();

        assertThat(sal).isEqualByComparingTo("999.00");
        assertThat(log.sql()).hasSize(2);
        assertThat(log.sql().get(0)).startsWith("UPDATE");
    }

    @Test
    void aShapeIsCompiledOnceAndEachRunBindsItsOwnValues() {
        Projection<String> first = session.select(Emp.class).where(eq("deptno", 10)).orderBy("ename").columns("ename").scalars(String.class);
        first.list();
        int cached = db.database().cachedStatements();

        List<String> other = session.select(Emp.class).where(eq("deptno", 40)).orderBy("ename").columns("ename").scalars(String.class).list();
        List<String> third = session.select(Emp.class).where(eq("deptno", 20)).orderBy("ename").columns("ename").scalars(String.class).list();

        assertThat(other).isEmpty();
        assertThat(third).containsExactly("ADAMS", "FORD", "JONES", "SCOTT", "SMITH");
        assertThat(db.database().cachedStatements()).isEqualTo(cached);
        assertThat(log.sql()).hasSize(3).containsOnly(log.sql().get(0));
    }

    @Test
    void theQuerysOrderAndLoaderOptionsCarryOverOrAreDropped() {
        List<String> names = session.select(Emp.class).where(eq("deptno", 10)).orderBy("ename desc").options(Load.joined("department"))
                .columns("ename").scalars(String.class).list();

        assertThat(names).containsExactly("MILLER", "KING", "CLARK");
        assertThat(log.sql()).containsExactly("SELECT emp_1.ename FROM scott.emp emp_1 WHERE emp_1.deptno = ? ORDER BY emp_1.ename DESC");
    }

    @Test
    void theEntityQuerysConditionsOverCollectionsFilterTheProjection() {
        List<String> withClerks = session.select(Dept.class).where(Condition.any("employees", eq("job", "CLERK"))).orderBy("dname")
                .columns("dname").scalars(String.class).list();

        assertThat(withClerks).containsExactly("ACCOUNTING", "RESEARCH", "SALES");
        assertThat(log.sql()).hasSize(1);
        assertThat(log.sql().get(0)).startsWith("SELECT dept_1.dname FROM scott.dept dept_1 WHERE EXISTS (");
    }

    @Test
    void aDynamicRelationshipsQueryCanBeProjected() {
        Dept sales = session.get(Dept.class, 30);
        List<String> names = session.<Emp>related(sales, "employees").orderBy("ename").columns("ename").scalars(String.class).list();

        assertThat(names).containsExactly("ALLEN", "BLAKE", "JAMES", "MARTIN", "TURNER", "WARD");
    }
}
