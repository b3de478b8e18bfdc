package dev.tenon.bench;

import dev.tenon.Database;
import dev.tenon.bench.jpa.JpaEmp;
import dev.tenon.bench.jpa.JpaHire;
import dev.tenon.bench.model.Dept;
import dev.tenon.bench.model.Emp;
import dev.tenon.bench.model.Hire;
import dev.tenon.metadata.Metadata;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * The SCOTT data of one workload: {@code depts} departments of {@code perDept} employees each, employee {@code x}
 * in department {@code (x - 1) / perDept + 1}, every column a function of the key (see {@link #emp(int, int)}), the
 * first employee of a department the manager of the others. Loaded with set-based SQL, once per trial, and kept
 * when the tables already hold exactly this data (a PostgreSQL server keeps it from one fork to the next).
 */
final class Dataset {
    static final String[] JOBS = {"CLERK", "SALESMAN", "MANAGER", "ANALYST", "PRESIDENT"};
    private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);
    private static final int CHUNK = 100_000;

    /** The mapping every contender's schema comes from. */
    static final Metadata METADATA = Metadata.of(Dept.class, Emp.class);

    private Dataset() {
    }

    /** Employee {@code x} as the data set holds it: what the generating SQL computes, in Java. */
    static Emp emp(int x, int perDept) {
        Emp emp = new Emp();
        emp.empno = x;
        emp.ename = "E" + x;
        emp.job = JOBS[x % JOBS.length];
        emp.mgr = (x - 1) % perDept == 0 ? null : x - (x - 1) % perDept;
        emp.hiredate = EPOCH.plusDays(x % 3650);
        emp.sal = BigDecimal.valueOf((800L + x % 5000) * 100 + x % 100, 2);
        emp.comm = x % 4 == 0 ? BigDecimal.valueOf(x % 1000 * 100L, 2) : null;
        emp.deptno = (x - 1) / perDept + 1;
        return emp;
    }

    /** The checksum of employees {@code 1..emps} read flat, in any order: their count plus each one's checksum. */
    static long flatChecksum(int emps, int perDept) {
        long h = emps;
        for (int x = 1; x <= emps; x++) {
            h += Checksum.of(emp(x, perDept));
        }
        return h;
    }

    /** The checksum of {@link Checksum#graph}: departments in order, each with its employees in order, linked back. */
    static long graphChecksum(int depts, int perDept) {
        long h = depts;
        for (int d = 1; d <= depts; d++) {
            h = Checksum.next(h, Checksum.dept(d, "D" + d, "L" + d % 100));
            for (int x = (d - 1) * perDept + 1; x <= d * perDept; x++) {
                h = Checksum.next(h, Checksum.of(emp(x, perDept)) + 1);
            }
        }
        return h;
    }

    /** {@link #emp(int, int)} as Hibernate's entity. */
    static JpaEmp jpaEmp(int x, int perDept) {
        JpaEmp emp = new JpaEmp();
        emp.empno = x;
        emp.ename = "E" + x;
        emp.job = JOBS[x % JOBS.length];
        emp.mgr = (x - 1) % perDept == 0 ? null : x - (x - 1) % perDept;
        emp.hiredate = EPOCH.plusDays(x % 3650);
        emp.sal = BigDecimal.valueOf((800L + x % 5000) * 100 + x % 100, 2);
        emp.comm = x % 4 == 0 ? BigDecimal.valueOf(x % 1000 * 100L, 2) : null;
        emp.deptno = (x - 1) / perDept + 1;
        return emp;
    }

    /** {@link #emp(int, int)} as a new employee without its key, which the database draws. */
    static Hire hire(int x, int perDept) {
        Emp emp = emp(x, perDept);
        Hire hire = new Hire();
        hire.ename = emp.ename;
        hire.job = emp.job;
        hire.mgr = emp.mgr;
        hire.hiredate = emp.hiredate;
        hire.sal = emp.sal;
        hire.comm = emp.comm;
        hire.deptno = emp.deptno;
        return hire;
    }

    /** {@link #hire(int, int)} as Hibernate's entity. */
    static JpaHire jpaHire(int x, int perDept) {
        JpaEmp emp = jpaEmp(x, perDept);
        JpaHire hire = new JpaHire();
        hire.ename = emp.ename;
        hire.job = emp.job;
        hire.mgr = emp.mgr;
        hire.hiredate = emp.hiredate;
        hire.sal = emp.sal;
        hire.comm = emp.comm;
        hire.deptno = emp.deptno;
        return hire;
    }

    /**
     * Makes the tables hold {@code depts} departments and {@code depts * perDept} employees (none when
     * {@code perDept} is 0), creating the schema from {@link #METADATA} when it is missing or differs.
     */
    static void ensure(Backend backend, DataSource dataSource, int depts, int perDept) throws SQLException {
        long emps = (long) depts * perDept;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (holds(statement, depts, emps)) {
                connection.rollback();
                return;
            }
            connection.rollback();
            statement.execute("CREATE SCHEMA IF NOT EXISTS scott");
            statement.execute("DROP TABLE IF EXISTS scott.emp CASCADE");
            statement.execute("DROP TABLE IF EXISTS scott.dept CASCADE");
            connection.commit();
            Database.of(dataSource).createAll(METADATA);
            statement.executeUpdate("INSERT INTO scott.dept (deptno, dname, loc) SELECT x, 'D' || x, 'L' || MOD(x, 100) FROM "
                    + backend.series(1, depts));
            connection.commit();
            for (long from = 1; from <= emps; from += CHUNK) {
                statement.executeUpdate(insertEmps(backend, from, Math.min(emps, from + CHUNK - 1), perDept));
                connection.commit();
            }
            if (backend == Backend.POSTGRESQL) {
                statement.execute("ANALYZE scott.dept");
                statement.execute("ANALYZE scott.emp");
                connection.commit();
            }
            if (!holds(statement, depts, emps)) {
                throw new IllegalStateException("The data set was not loaded as expected: " + depts + " depts, " + emps + " emps");
            }
            connection.rollback();
        }
    }

    /** Deletes every employee (between the invocations of the insert workload). */
    static void deleteEmps(Backend backend, DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(backend == Backend.POSTGRESQL ? "TRUNCATE scott.emp" : "DELETE FROM scott.emp");
            connection.commit();
        }
    }

    private static String insertEmps(Backend backend, long from, long to, int perDept) {
        return "INSERT INTO scott.emp (empno, ename, job, mgr, hiredate, sal, comm, deptno) SELECT x, 'E' || x, "
                + "CASE MOD(x, 5) WHEN 0 THEN 'CLERK' WHEN 1 THEN 'SALESMAN' WHEN 2 THEN 'MANAGER' WHEN 3 THEN 'ANALYST' ELSE 'PRESIDENT' END, "
                + "CASE WHEN MOD(x - 1, " + perDept + ") = 0 THEN NULL ELSE x - MOD(x - 1, " + perDept + ") END, "
                + backend.plusDays("DATE '2000-01-01'", "MOD(x, 3650)") + ", "
                + "CAST(800 + MOD(x, 5000) + MOD(x, 100) / 100.0 AS NUMERIC(7, 2)), "
                + "CASE WHEN MOD(x, 4) = 0 THEN CAST(MOD(x, 1000) AS NUMERIC(7, 2)) END, "
                + "(x - 1) / " + perDept + " + 1 FROM " + backend.series(from, to);
    }

    /** Whether the tables exist with every mapped column (the last term reads them) and hold exactly the expected rows. */
    private static boolean holds(Statement statement, int depts, long emps) {
        try (ResultSet rows = statement.executeQuery("SELECT (SELECT COUNT(*) FROM scott.dept), COUNT(*), "
                + "COALESCE(SUM(CAST(empno AS BIGINT)), 0), COALESCE(SUM(CAST(deptno AS BIGINT)), 0), "
                + "COUNT(ename) + COUNT(job) + COUNT(mgr) + COUNT(hiredate) + COUNT(sal) + COUNT(comm) FROM scott.emp")) {
            rows.next();
            return rows.getLong(1) == depts && rows.getLong(2) == emps && rows.getLong(3) == emps * (emps + 1) / 2;
        } catch (SQLException e) {
            return false;
        }
    }
}
