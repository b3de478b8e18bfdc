package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.loading.model.Seed;
import dev.tenon.query.Load;
import dev.tenon.query.Query;
import dev.tenon.session.Session;
import dev.tenon.session.SessionOptions;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seeds' exercise on SCOTT: print every department with its employees, once per strategy. The output is the
 * same each time; only the number of statements differs.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ScottStrategiesTest {
    static final List<String> PRINTED = List.of(
            "ACCOUNTING NEW YORK: CLARK, KING, MILLER",
            "RESEARCH DALLAS: SMITH, JONES, SCOTT, ADAMS, FORD",
            "SALES CHICAGO: ALLEN, WARD, MARTIN, BLAKE, TURNER, JAMES",
            "OPERATIONS BOSTON: ");

    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Seed.scott(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Prints each department with its employees, the way the seeds do, and returns the lines and the statement count. */
    private Printed print(Load option) {
        // The lazy print is the N+1 problem on purpose: keep its warning for the detector's own tests.
        try (Session session = db.database().openSession(db.metadata(), SessionOptions.DEFAULTS.nPlusOneThreshold(100))) {
            Query<Dept> query = session.select(Dept.class).orderBy("deptno");
            if (option != null) {
                query = query.options(option);
            }
            List<String> lines = query.list().stream()
                    .map(dept -> dept.dname + " " + dept.loc + ": " + dept.employees.stream().map(emp -> emp.ename).collect(Collectors.joining(", ")))
                    .toList();
            return new Printed(lines, session.statistics().statements());
        }
    }

    private record Printed(List<String> lines, long statements) {
    }

    @Test
    void lazyLoadingRunsOneStatementForTheDepartmentsAndOnePerDepartment() {
        Printed printed = print(null);

        assertThat(printed.lines()).isEqualTo(PRINTED);
        assertThat(printed.statements()).isEqualTo(1 + 4);
    }

    @Test
    void joinedLoadingRunsOneStatement() {
        Printed printed = print(Load.joined("employees"));

        assertThat(printed.lines()).isEqualTo(PRINTED);
        assertThat(printed.statements()).isEqualTo(1);
    }

    @Test
    void selectinLoadingRunsTwoStatements() {
        Printed printed = print(Load.selectin("employees"));

        assertThat(printed.lines()).isEqualTo(PRINTED);
        assertThat(printed.statements()).isEqualTo(2);
    }

    @Test
    void subqueryLoadingRunsTwoStatements() {
        Printed printed = print(Load.subquery("employees"));

        assertThat(printed.lines()).isEqualTo(PRINTED);
        assertThat(printed.statements()).isEqualTo(2);
    }

    @Test
    void everyStrategyBuildsTheSameGraph() {
        List<List<String>> outputs = java.util.stream.Stream.of(null, Load.joined("employees"), Load.selectin("employees"), Load.subquery("employees"))
                .map(option -> print(option).lines()).toList();

        assertThat(outputs).allSatisfy(lines -> assertThat(lines).isEqualTo(outputs.get(0)));
    }

    @Test
    void eachEmployeeIsLoadedOnceAndPointsBackToItsDepartmentWithoutMoreStatements() {
        for (Load option : List.of(Load.joined("employees"), Load.selectin("employees"), Load.subquery("employees"))) {
            try (Session session = db.database().openSession(db.metadata())) {
                List<Dept> depts = session.select(Dept.class).options(option).orderBy("deptno").list();
                long statements = session.statistics().statements();

                for (Dept dept : depts) {
                    assertThat(dept.employees).allSatisfy(emp -> assertThat(emp.department).as(option.toString()).isSameAs(dept));
                }
                assertThat(depts.stream().mapToInt(dept -> dept.employees.size()).sum()).isEqualTo(14);
                assertThat(session.statistics().statements()).as(option.toString()).isEqualTo(statements);
            }
        }
    }
}
