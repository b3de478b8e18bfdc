package dev.tenon.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenon.Database;
import dev.tenon.engine.Replicas;
import dev.tenon.metadata.Metadata;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StandbyServer;
import dev.tenon.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The README's first command works end to end and tells the N+1 story with real statement counts. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class DemoTest {
    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.openEmpty(Metadata.of(Dept.class, Emp.class, User.class, Post.class, Profile.class));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void demoPrintsEachStrategyWithItsStatementCount() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Demo(db.database(), new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(output).contains("CREATE TABLE scott.emp (", "inserted in 5 statements", "= 5 statements",
                "1. INSERT INTO scott.dept (deptno, dname, loc) VALUES (?, ?, ?)   -- 4 rows in 1 statement");
        assertThat(output).containsPattern("lazy +5 ").containsPattern("joined +1 ").containsPattern("selectin +2 ").containsPattern("subquery +2 ");
        assertThat(output).contains("=> lazy: 5 statements (plan.predict(4) = 5)", "=> joined: 1 statement (plan.predict(4) = 1),",
                "=> selectin: 2 statements (plan.predict(4) = 2)", "=> subquery: 2 statements (plan.predict(4) = 2)");
        assertThat(output).contains("The plan, before running (query.explain().outline(); toString() adds the SQL):\n"
                        + "    Dept: the query; 1 statement\n"
                        + "      employees: selectin, by the option Load.selectin(\"employees\"); ⌈parents / 500⌉ statements\n"
                        + "        department, manager, reports: lazy, by the mapping; when touched\n",
                "      employees: lazy, by the mapping; parents when touched\n",
                "      employees: joined, by the option Load.joined(\"employees\"); no statement of its own: in its parents' statement\n",
                "      employees: subquery, by the option Load.subquery(\"employees\"); 1 statement\n");
        assertThat(output).contains("SALES      CHICAGO   ALLEN, WARD, MARTIN, BLAKE, TURNER, JAMES", "OPERATIONS BOSTON    (no employees)");
        assertThat(output).contains("users in id order: [ada [Objects fit rows, The N+1 problem], grace []], 1 statement");
        assertThat(output).containsPattern("created = \\d{4}-\\d\\d-\\d\\dT");
        assertThat(output).contains("N+1 detected: Dept.employees", "14 employees in 2 statements");
        assertThat(output).contains("    ADAMS    CLERK  RESEARCH", "GROUP BY", "    SALES       6 employees    9400.00",
                "=> 2 statements for both, and no object in the session");
        assertThat(output).contains("ROW_NUMBER() OVER (PARTITION BY emp_1.deptno ORDER BY emp_1.sal DESC, emp_1.empno) AS rn",
                "    RESEARCH   SCOTT 3000.00, FORD 3000.00", "    OPERATIONS (no employees)", "=> top-N per parent: 2 statements");
        assertThat(output).contains("=> 2 attempts; Account(1, ada, 160, version 3): both deposits counted",
                "transfer of 1000: back to the savepoint", "grace's Account(2, grace, 50, version 3)", "[7] ROLLBACK TO SAVEPOINT",
                "Account(1, ada, 161, version 4) read on the primary; no replica is configured");
    }

    @Test
    void demoReadsOnTheStandbyOnceItHasReplayedTheCommit() {
        assumeTrue(backend == Backend.POSTGRES, "replicas need PostgreSQL");
        StandbyServer.require();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Database routed = StandbyServer.connect(Replicas.of(StandbyServer.url()).readYourWritesTimeout(Duration.ofSeconds(20)))) {
            new Demo(routed, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        }
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(output).contains("SELECT pg_last_wal_replay_lsn()",
                "Account(1, ada, 161, version 4) read on a hot standby, after checking it had replayed the commit just made");
    }
}
