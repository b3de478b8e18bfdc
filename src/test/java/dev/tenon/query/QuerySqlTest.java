package dev.tenon.query;

import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.gt;
import static dev.tenon.query.Condition.in;
import static dev.tenon.query.Condition.isNull;
import static dev.tenon.query.Condition.like;
import static dev.tenon.query.Condition.not;
import static dev.tenon.query.Condition.or;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** toSql(): the statement that will run, with its parameters, shown without running it. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class QuerySqlTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        log = StatementLog.on(db.database());
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void aPlainQueryReadsLikeHandWrittenSql() {
        assertThat(session.select(Dept.class).orderBy("deptno").toSql())
                .isEqualTo("SELECT dept_1.deptno, dept_1.dname, dept_1.loc FROM scott.dept dept_1 ORDER BY dept_1.deptno");
    }

    @Test
    void parametersAreShownAfterTheStatement() {
        assertThat(session.select(Dept.class).where(eq("loc", "DALLAS"), gt("deptno", 10)).orderBy("dname desc").limit(5).offset(1).toSql())
                .isEqualTo("SELECT dept_1.deptno, dept_1.dname, dept_1.loc FROM scott.dept dept_1"
                        + " WHERE (dept_1.loc = ? AND dept_1.deptno > ?) ORDER BY dept_1.dname DESC LIMIT ? OFFSET ?  [DALLAS, 10, 5, 1]");
    }

    @Test
    void aQueryOfAShapeRunBeforeBindsItsOwnValuesInTheOrderOfItsParameters() {
        Query<Emp> shape = session.select(Emp.class).where(gt("sal", 1), or(eq("job", "X"), in("deptno", 1, 2)), like("ename", "x%"),
                not(eq("empno", 0)), isNull("comm")).orderBy("ename").limit(1).offset(0);
        Query<Emp> same = session.select(Emp.class).where(gt("sal", 1000), or(eq("job", "CLERK"), in("deptno", 10, 20, 30)),
                like("ename", "S%"), not(eq("empno", 7369)), isNull("comm")).orderBy("ename").limit(5).offset(2);
        String first = shape.toSql();

        assertThat(same.toSql()).isEqualTo(first.substring(0, first.indexOf("  [")) + "  [1000, CLERK, [10, 20, 30], S%, 7369, 5, 2]");
        assertThat(session.select(Emp.class).where(in("deptno", 10)).toSql()).as("one value is a shape of its own")
                .endsWith("WHERE emp_1.deptno = ?  [10]");
    }

    @Test
    void anInListIsRenderedByTheDialect() {
        String sql = session.select(Dept.class).where(in("deptno", 10, 20, 30)).toSql();

        assertThat(sql).endsWith("WHERE dept_1.deptno = ANY(?)  [[10, 20, 30]]");
    }

    @Test
    void toSqlIsWhatRunsAndRunsNothingItself() {
        Query<Dept> query = session.select(Dept.class).where(eq("loc", "DALLAS"));
        String shown = query.toSql();
        assertThat(session.statistics().statements()).isZero();

        query.list();

        assertThat(log.sql()).containsExactly(shown.substring(0, shown.indexOf("  [")));
        assertThat(query).hasToString(shown);
    }
}
