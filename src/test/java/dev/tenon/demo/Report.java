package dev.tenon.demo;

import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Selection.count;
import static dev.tenon.query.Selection.sum;

import dev.tenon.Database;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Load;
import dev.tenon.session.Session;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The demo's report: a projection (some columns of the employees, into a record) and a grouped aggregate (employees
 * and salaries per department name, in one statement), each with its SQL, then the two best paid employees of each
 * department (top-N per parent, one statement for all the departments).
 */
final class Report {
    /** One employee's line of the report: columns through the department relationship included. */
    record EmpLine(String ename, String job, String dname) {
    }

    /** One department's line: how many employees, and what they earn together. */
    record DeptTotal(String dname, long employees, BigDecimal total) {
    }

    private final Database db;
    private final Metadata scott;
    private final PrintStream out;
    private final SqlRecorder recorder;

    Report(Database db, Metadata scott, PrintStream out, SqlRecorder recorder) {
        this.db = db;
        this.scott = scott;
        this.out = out;
        this.recorder = recorder;
    }

    void run() {
        recorder.drain();
        try (Session session = db.openSession(scott)) {
            List<EmpLine> clerks = session.select(Emp.class).where(eq("job", "CLERK")).orderBy("ename")
                    .columns("ename", "job", "department.dname").into(EmpLine.class).list();
            out.println("  The clerks, as records (session.select(Emp.class).where(eq(\"job\", \"CLERK\")).orderBy(\"ename\")");
            out.println("      .columns(\"ename\", \"job\", \"department.dname\").into(EmpLine.class).list()):");
            printStatements();
            clerks.forEach(line -> out.printf("    %-8s %-6s %s%n", line.ename(), line.job(), line.dname()));

            List<DeptTotal> totals = session.select(Emp.class).groupBy("department.dname")
                    .columns("department.dname", count().as("employees"), sum("sal").as("total"))
                    .orderBy("department.dname").into(DeptTotal.class).list();
            out.println();
            out.println("  Employees and salaries per department, one statement (.groupBy(\"department.dname\")");
            out.println("      .columns(\"department.dname\", count().as(\"employees\"), sum(\"sal\").as(\"total\")).into(DeptTotal.class)):");
            printStatements();
            totals.forEach(total -> out.printf(Locale.ROOT, "    %-10s %2d employees %10s%n", total.dname(), total.employees(), total.total()));
            out.printf("  => %d statements for both, and no object in the session%n", session.statistics().statements());
        }
        bestPaid();
    }

    /** Top-N per parent: the two best paid employees of each department, in one statement for all the departments. */
    private void bestPaid() {
        try (Session session = db.openSession(scott)) {
            List<Dept> departments = session.select(Dept.class)
                    .options(Load.selectin("employees").orderBy("sal desc").limit(2)).orderBy("deptno").list();
            out.println();
            out.println("  The two best paid employees of each department (session.select(Dept.class)");
            out.println("      .options(Load.selectin(\"employees\").orderBy(\"sal desc\").limit(2)).orderBy(\"deptno\").list()):");
            printStatements();
            for (Dept dept : departments) {
                out.printf("    %-10s %s%n", dept.dname, dept.employees.isEmpty() ? "(no employees)"
                        : String.join(", ", dept.employees.stream().map(emp -> emp.ename + " " + emp.sal).toList()));
            }
            out.printf("  => top-N per parent: %d statements, ties broken by empno; each collection holds only its first 2%n",
                    session.statistics().statements());
        }
    }

    private void printStatements() {
        List<SqlRecorder.Statement> ran = recorder.drain();
        for (int i = 0; i < ran.size(); i++) {
            out.printf("    [%d] %s%s%n", i + 1, ran.get(i).sql(), ran.get(i).params().isEmpty() ? "" : "   -- " + ran.get(i).params());
        }
    }
}
