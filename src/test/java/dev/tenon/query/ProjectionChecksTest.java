package dev.tenon.query;

import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.gt;
import static dev.tenon.query.Condition.like;
import static dev.tenon.query.Selection.count;
import static dev.tenon.query.Selection.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.MappingException;
import dev.tenon.exception.TenonException;
import dev.tenon.loading.model.Seed;
import dev.tenon.session.Session;
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

/**
 * What a projection refuses, each before any SQL and with the fix in the message: unknown attributes, records that do
 * not fit the columns, columns neither grouped nor aggregated, and hostile names, which never reach the SQL text.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ProjectionChecksTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    record EmpSummary(String ename, String dname) {
    }

    record Misspelt(String ename, String dnam) {
    }

    record WrongType(String ename, Integer sal) {
    }

    record Narrow(String ename, int count) {
    }

    record TooMany(String ename, String dname, String loc) {
    }

    record Manager(String ename, int mgr) {
    }

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Seed.scott(db);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        assertThat(session.statistics().statements()).as("every refusal came before any SQL").isZero();
        session.close();
        db.close();
    }

    private Query<Emp> emps() {
        return session.select(Emp.class);
    }

    @Test
    void anUnknownAttributeIsRefusedWithTheClosestName() {
        assertThatThrownBy(() -> emps().columns("enam", "department.dname").into(EmpSummary.class))
                .isInstanceOf(MappingException.class).hasMessageContaining("Emp has no attribute 'enam'; did you mean 'ename'?");
        assertThatThrownBy(() -> emps().columns("ename", "department.dnme").list())
                .isInstanceOf(MappingException.class).hasMessageContaining("Dept has no attribute 'dnme'; did you mean 'dname'?");
        assertThatThrownBy(() -> emps().columns("ename", "department").list())
                .isInstanceOf(MappingException.class).hasMessageContaining("is a relationship, not a column");
    }

    @Test
    void aComponentNoColumnIsNamedForIsRefusedWithTheClosestName() {
        assertThatThrownBy(() -> emps().columns("ename", "department.dname").into(Misspelt.class))
                .isInstanceOf(TenonException.class)
                .hasMessageContaining("into(Misspelt.class): no column is named 'dnam'; did you mean 'dname'?")
                .hasMessageContaining("Columns not matched: [dname]. Name a column after the component with as, e.g. \"department.dname as dnam\"");
        record Totals(String job, long total) {
        }
        assertThatThrownBy(() -> emps().groupBy("job").columns("job", count()).into(Totals.class))
                .isInstanceOf(TenonException.class).hasMessageContaining("e.g. count().as(\"total\")");
    }

    @Test
    void aComponentOfTheWrongTypeIsRefusedNamingBothTypes() {
        assertThatThrownBy(() -> emps().columns("ename", "sal").into(WrongType.class))
                .isInstanceOf(TenonException.class)
                .hasMessageContaining("WrongType.sal is an Integer, but column 'sal' is a BigDecimal; declare the component as BigDecimal");
        assertThatThrownBy(() -> emps().groupBy("ename").columns("ename", count()).into(Narrow.class))
                .isInstanceOf(TenonException.class)
                .hasMessageContaining("Narrow.count is an int, but column 'count' (count()) is a Long; declare the component as Long (or long)");
    }

    @Test
    void aRecordMustTakeEveryColumn() {
        assertThatThrownBy(() -> emps().columns("ename", "department.dname").into(TooMany.class))
                .isInstanceOf(TenonException.class)
                .hasMessageContaining("TooMany has 3 components [ename, dname, loc] but the projection has 2 columns [ename, dname]");
        assertThatThrownBy(() -> emps().columns("ename", "manager.ename").into(EmpSummary.class))
                .isInstanceOf(TenonException.class).hasMessageContaining("are both named 'ename'");
    }

    @Test
    void onlyARecordIsATargetAndScalarsTakeOneColumnOfTheirType() {
        assertThatThrownBy(() -> emps().columns("ename").into(String.class))
                .isInstanceOf(TenonException.class).hasMessageContaining("use scalars(type) for one column");
        assertThatThrownBy(() -> emps().columns("ename", "job").scalars(String.class))
                .isInstanceOf(TenonException.class).hasMessageContaining("reads one column, and the projection has 2 [ename, job]");
        assertThatThrownBy(() -> emps().columns(count()).scalars(Integer.class))
                .isInstanceOf(TenonException.class).hasMessageContaining("column 'count' (count()) is a Long; use scalars(Long.class)");
    }

    @Test
    void aNullForAPrimitiveComponentIsRefusedWhenRead() {
        Projection<Manager> managers = emps().where(eq("ename", "KING")).columns("ename", "mgr").into(Manager.class);
        assertThat(emps().where(eq("ename", "SMITH")).columns("ename", "mgr").into(Manager.class).one()).isEqualTo(new Manager("SMITH", 7902));

        assertThatThrownBy(managers::list).isInstanceOf(TenonException.class)
                .hasMessageContaining("Column 'mgr' is null in a row, and Manager.mgr is an int: declare it Integer");
        session.statistics().reset();
    }

    @Test
    void aColumnNeitherGroupedNorAggregatedIsRefusedBeforeSql() {
        assertThatThrownBy(() -> emps().groupBy("department.dname").columns("department.dname", "ename", count()).list())
                .isInstanceOf(TenonException.class)
                .hasMessageContaining("'ename' is neither aggregated nor in groupBy(...)")
                .hasMessageContaining("add it to groupBy(\"ename\")");
        assertThatThrownBy(() -> emps().columns("ename", sum("sal")).list())
                .isInstanceOf(TenonException.class).hasMessageContaining("'ename' is neither aggregated nor in groupBy(...)");
        assertThatThrownBy(() -> emps().groupBy("job").columns("job", count()).orderBy("sal").list())
                .isInstanceOf(TenonException.class).hasMessageContaining("orderBy(...): 'sal' is neither aggregated nor in groupBy(...)");
        assertThatThrownBy(() -> emps().groupBy("job").columns("job", count()).having(gt("sal", 1)).list())
                .isInstanceOf(TenonException.class).hasMessageContaining("having(...): 'sal' is neither aggregated nor in groupBy(...)");
    }

    @Test
    void havingNeedsGroupsAndTermsItCanFilterOn() {
        assertThatThrownBy(() -> emps().columns("ename").having(eq("ename", "KING")).list())
                .isInstanceOf(TenonException.class).hasMessageContaining("use where(...) to filter rows");
        assertThatThrownBy(() -> emps().groupBy("job").columns("job", count().as("n")).having(gt("m", 1)).list())
                .isInstanceOf(TenonException.class).hasMessageContaining("having(\"m\"): no column of the projection is named so [job, n]");
        assertThatThrownBy(() -> emps().groupBy("job").columns("job").having(like("job", "C%")).list())
                .isInstanceOf(TenonException.class).hasMessageContaining("Like is not one of them");
    }

    @Test
    void sumAndAvgTakeNumbersOnly() {
        assertThatThrownBy(() -> emps().columns(sum("ename")).list())
                .isInstanceOf(TenonException.class).hasMessageContaining("'ename' is a String; sum takes a numeric attribute");
        assertThatThrownBy(() -> emps().columns(Selection.avg("hiredate")).list())
                .isInstanceOf(TenonException.class).hasMessageContaining("'hiredate' is a LocalDate; avg takes a numeric attribute");
    }

    @Test
    void aProjectionHasColumnsAndNoLock() {
        assertThatThrownBy(() -> emps().groupBy("job").list())
                .isInstanceOf(TenonException.class).hasMessageContaining("The projection has no columns");
        assertThatThrownBy(() -> emps().forUpdate().columns("ename"))
                .isInstanceOf(TenonException.class).hasMessageContaining("A projection cannot lock rows");
        assertThatThrownBy(() -> emps().columns("ename", 3))
                .isInstanceOf(TenonException.class).hasMessageContaining("column 1 is a Integer");
        assertThatThrownBy(() -> emps().columns((Object) null))
                .isInstanceOf(TenonException.class).hasMessageContaining("column 0 is null");
        assertThatThrownBy(() -> emps().columns("ename").groupBy((String) null))
                .isInstanceOf(TenonException.class).hasMessageContaining("a path is null");
    }

    @Test
    void hostileAliasesAreRefusedWhenGiven() {
        assertThatThrownBy(() -> emps().columns("ename as x\"; DROP TABLE scott.emp; --"))
                .isInstanceOf(TenonException.class).hasMessageContaining("expected an attribute path, optionally followed by 'as' and a name");
        assertThatThrownBy(() -> emps().columns("ename as \"x\"\"y\""))
                .isInstanceOf(TenonException.class).hasMessageContaining("must be a Java identifier");
        assertThatThrownBy(() -> count().as("n) FROM scott.emp; --"))
                .isInstanceOf(TenonException.class).hasMessageContaining("must be a Java identifier");
        assertThatThrownBy(() -> sum("sal").as("1st"))
                .isInstanceOf(TenonException.class).hasMessageContaining("must be a Java identifier");
    }

    @Test
    void hostilePathsAreRefusedAsUnknownAttributes() {
        assertThatThrownBy(() -> emps().columns("ename;DROP_TABLE").list()).isInstanceOf(MappingException.class)
                .hasMessageContaining("Emp has no attribute 'ename;DROP_TABLE'");
        assertThatThrownBy(() -> emps().columns(sum("sal) FROM scott.emp --")).list()).isInstanceOf(MappingException.class);
        assertThatThrownBy(() -> emps().groupBy("job\"--").columns(count()).list()).isInstanceOf(MappingException.class);
        assertThatThrownBy(() -> emps().groupBy("job").columns("job", count()).orderBy("COUNT(*)").list())
                .isInstanceOf(TenonException.class).hasMessageContaining("no column of the projection is named so");
    }

    @Test
    void hostileValuesAreBound() {
        String hostile = "x' OR '1'='1";
        Projection<Object[]> query = emps().where(eq("ename", hostile)).groupBy("job").columns("job", count().as("n"))
                .having(Condition.or(eq("job", hostile), gt("n", 0)));

        String sql = query.toSql();
        assertThat(sql.substring(0, sql.indexOf("  ["))).doesNotContain("'");
        assertThat(sql).endsWith("WHERE emp_1.ename = ? GROUP BY emp_1.job HAVING (emp_1.job = ?"
                + " OR COUNT(*) > ?)  [" + hostile + ", " + hostile + ", 0]");
        assertThat(query.list()).isEmpty();
        session.statistics().reset();
    }

    @Test
    void anAliasedComponentAndItsTypeAreCheckedAfterTheColumnsChange() {
        record Total(String dname, BigDecimal total) {
        }
        Projection<Total> ok = emps().groupBy("department.dname").columns("department.dname", sum("sal").as("total")).into(Total.class);

        assertThat(ok.selections()).extracting(Selection::name).containsExactly("dname", "total");
        assertThatThrownBy(() -> emps().groupBy("department.dname").columns("department.dname", count().as("total")).into(Total.class))
                .isInstanceOf(TenonException.class).hasMessageContaining("Total.total is a BigDecimal, but column 'total' (count()) is a Long");
        assertThat(List.of(sum("sal").name(), Selection.countDistinct("department.dname").name(), count().name(), count("comm").name()))
                .containsExactly("sumSal", "countDistinctDname", "count", "countComm");
    }
}
