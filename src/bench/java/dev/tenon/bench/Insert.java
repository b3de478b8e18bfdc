package dev.tenon.bench;

import dev.tenon.annotation.RawFieldAccess;
import dev.tenon.bench.jpa.HibernateBoot;
import dev.tenon.bench.jpa.JpaDept;
import dev.tenon.bench.jpa.JpaEmp;
import dev.tenon.bench.model.Emp;
import dev.tenon.session.Session;
import dev.tenon.session.SessionOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Insert with assigned keys: new employees (built inside the operation, by every contender alike) written in one
 * transaction; the hand-written loop and Hibernate in JDBC batches of 500, Tenon with its default
 * {@code flushBatchSize}. After each operation, untimed, the rows are checked in the table and deleted.
 */
public class Insert extends Workload {
    private static final int DEPTS = 1000;

    @Param("20000")
    public int emps;

    @Override
    protected void load() throws Exception {
        Dataset.ensure(backend, jdbc, DEPTS, 0);
    }

    private int perDept() {
        return Math.max(1, emps / DEPTS);
    }

    @Override
    protected long expected() {
        return Dataset.flatChecksum(emps, perDept());
    }

    @Override
    @RawFieldAccess
    protected long runJdbc() throws Exception {
        List<Emp> rows = new ArrayList<>(emps);
        for (int x = 1; x <= emps; x++) {
            rows.add(Dataset.emp(x, perDept()));
        }
        try (Connection connection = jdbc.getConnection(); PreparedStatement statement = connection.prepareStatement(Jdbc.INSERT_EMP)) {
            int pending = 0;
            for (Emp emp : rows) {
                Jdbc.bind(statement, emp);
                statement.addBatch();
                if (++pending == HibernateBoot.BATCH_SIZE) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
            connection.commit();
        }
        return FlatRead.sum(rows);
    }

    @Override
    protected long runTenon() {
        List<Emp> rows = new ArrayList<>(emps);
        for (int x = 1; x <= emps; x++) {
            rows.add(Dataset.emp(x, perDept()));
        }
        try (Session session = tenon.openSession(metadata)) {
            session.addAll(rows);
            session.commit();
        }
        return FlatRead.sum(rows);
    }

    @Override
    protected long runHibernate() {
        List<JpaEmp> rows = new ArrayList<>(emps);
        for (int x = 1; x <= emps; x++) {
            rows.add(Dataset.jpaEmp(x, perDept()));
        }
        try (org.hibernate.Session session = hibernate.openSession()) {
            var transaction = session.beginTransaction();
            for (JpaEmp emp : rows) {
                emp.department = session.getReference(JpaDept.class, emp.deptno);
                session.persist(emp);
            }
            transaction.commit();
        }
        long h = rows.size();
        for (JpaEmp e : rows) {
            h += Checksum.of(e);
        }
        return h;
    }

    @Override
    protected long tenonStatements() {
        int perStatement = SessionOptions.DEFAULTS.flushBatchSize();
        return 1 + (emps + perStatement - 1) / perStatement;
    }

    @Override
    protected boolean statementsAtMost() {
        return true;
    }

    /** Checks that the table holds exactly the rows of one operation, then deletes them. */
    @Override
    protected void afterRun() throws Exception {
        long[] expected = {emps, (long) emps * (emps + 1) / 2, 0, 0, 0};
        for (int x = 1; x <= emps; x++) {
            Emp emp = Dataset.emp(x, perDept());
            expected[2] += emp.mgr == null ? 0 : emp.mgr;
            expected[3] += emp.sal.unscaledValue().longValueExact();
            expected[4] += emp.deptno;
        }
        try (Connection connection = jdbc.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*), SUM(CAST(empno AS BIGINT)), SUM(CAST(mgr AS BIGINT)), "
                     + "COALESCE(SUM(sal * 100), 0), SUM(CAST(deptno AS BIGINT)) FROM scott.emp")) {
            rows.next();
            long[] actual = {rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getBigDecimal(4).longValueExact(), rows.getLong(5)};
            if (!java.util.Arrays.equals(expected, actual)) {
                throw new IllegalStateException("After the insert the table holds (count, sum of empno, mgr, sal, deptno) "
                        + java.util.Arrays.toString(actual) + ", expected " + java.util.Arrays.toString(expected));
            }
        }
        Dataset.deleteEmps(backend, jdbc);
    }

    @TearDown(Level.Invocation)
    public void deleteInserted() throws Exception {
        afterRun();
    }
}
