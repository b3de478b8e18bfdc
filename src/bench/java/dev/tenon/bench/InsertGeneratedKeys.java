package dev.tenon.bench;

import dev.tenon.Database;
import dev.tenon.annotation.RawFieldAccess;
import dev.tenon.bench.jpa.HibernateBoot;
import dev.tenon.bench.jpa.JpaHire;
import dev.tenon.bench.model.Dept;
import dev.tenon.bench.model.Emp;
import dev.tenon.bench.model.Hire;
import dev.tenon.metadata.Metadata;
import dev.tenon.session.Session;
import dev.tenon.session.SessionOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Insert with generated keys: new employees (built inside the operation, by every contender alike) whose numbers the
 * database draws from an identity column, written in one transaction, each object given its row's key. The
 * hand-written loop sends JDBC batches of 500 and reads each batch's keys with {@code getGeneratedKeys}; Tenon
 * flushes with its default {@code flushBatchSize}; Hibernate maps the key as IDENTITY (see {@link JpaHire} for why),
 * which makes it insert row by row.
 *
 * <p>Every operation starts from an empty table whose identity starts at 1, so the keys are 1 to 20,000 in the order
 * of the objects and the checksum, which includes every object's key, holds only if each object got its own row's
 * key. After each operation, untimed, the rows are checked in the table, deleted, and the identity restarted.
 */
public class InsertGeneratedKeys extends Workload {
    private static final int DEPTS = 1000;
    /** The mapping of this workload's Tenon contender: the suite's, and the table of new employees. */
    private static final Metadata HIRES = Metadata.of(Dept.class, Emp.class, Hire.class);

    @Param("20000")
    public int emps;

    @Override
    protected void load() throws Exception {
        Dataset.ensure(backend, jdbc, DEPTS, 0);
        // Created afresh for every trial, so that its identity starts at 1 whatever an earlier run left.
        try (Connection connection = jdbc.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS scott.hire");
            connection.commit();
        }
        Database.of(jdbc).createAll(HIRES);
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
        List<Hire> rows = new ArrayList<>(emps);
        for (int x = 1; x <= emps; x++) {
            rows.add(Dataset.hire(x, perDept()));
        }
        try (Connection connection = jdbc.getConnection();
             PreparedStatement statement = connection.prepareStatement(Jdbc.INSERT_HIRE, new String[] {"empno"})) {
            for (int start = 0; start < rows.size(); start += HibernateBoot.BATCH_SIZE) {
                List<Hire> batch = rows.subList(start, Math.min(rows.size(), start + HibernateBoot.BATCH_SIZE));
                for (Hire hire : batch) {
                    Jdbc.bind(statement, hire);
                    statement.addBatch();
                }
                statement.executeBatch();
                // Both drivers return a batch's keys in the order of its rows.
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    for (Hire hire : batch) {
                        if (!keys.next()) {
                            throw new SQLException("The driver returned fewer generated keys than the batch had rows");
                        }
                        hire.empno = keys.getInt(1);
                    }
                }
            }
            connection.commit();
        }
        return sum(rows);
    }

    /** {@link Checksum#of(Hire)} with the fields read as written: the hand-written contender's objects are plain Java. */
    @RawFieldAccess
    private static long sum(List<Hire> hires) {
        long h = hires.size();
        for (Hire e : hires) {
            h += Checksum.emp(Checksum.key(e.empno), e.ename, e.job, e.mgr, e.hiredate, e.sal, e.comm, e.deptno);
        }
        return h;
    }

    @Override
    protected long runTenon() {
        List<Hire> rows = new ArrayList<>(emps);
        for (int x = 1; x <= emps; x++) {
            rows.add(Dataset.hire(x, perDept()));
        }
        try (Session session = tenon.openSession(HIRES)) {
            session.addAll(rows);
            session.commit();
        }
        return tenonSum(rows);
    }

    /** {@link #sum} through Tenon's field hooks, as the application that used Tenon reads its objects. */
    private static long tenonSum(List<Hire> hires) {
        long h = hires.size();
        for (Hire hire : hires) {
            h += Checksum.of(hire);
        }
        return h;
    }

    @Override
    protected long runHibernate() {
        List<JpaHire> rows = new ArrayList<>(emps);
        for (int x = 1; x <= emps; x++) {
            rows.add(Dataset.jpaHire(x, perDept()));
        }
        try (org.hibernate.Session session = hibernate.openSession()) {
            var transaction = session.beginTransaction();
            for (JpaHire hire : rows) {
                session.persist(hire);
            }
            transaction.commit();
        }
        long h = rows.size();
        for (JpaHire hire : rows) {
            h += Checksum.of(hire);
        }
        return h;
    }

    /** One statement per {@code flushBatchSize} rows (20 for 20,000), or fewer. */
    @Override
    protected long tenonStatements() {
        int perStatement = SessionOptions.DEFAULTS.flushBatchSize();
        return (emps + perStatement - 1) / perStatement;
    }

    @Override
    protected boolean statementsAtMost() {
        return true;
    }

    /**
     * Checks that the table holds exactly the rows of one operation, each under the key of its position (the name
     * holds the number it was built from), then empties it and restarts its identity.
     */
    @Override
    protected void afterRun() throws Exception {
        long[] expected = {emps, (long) emps * (emps + 1) / 2, 0, 0, 0};
        for (int x = 1; x <= emps; x++) {
            Emp emp = Dataset.emp(x, perDept());
            expected[3] += emp.sal.unscaledValue().longValueExact();
            expected[4] += emp.deptno;
        }
        try (Connection connection = jdbc.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*), SUM(CAST(empno AS BIGINT)), "
                    + "COUNT(CASE WHEN ename <> 'E' || CAST(empno AS VARCHAR(11)) THEN 1 END), "
                    + "COALESCE(SUM(sal * 100), 0), SUM(CAST(deptno AS BIGINT)) FROM scott.hire")) {
                rows.next();
                long[] actual = {rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getBigDecimal(4).longValueExact(), rows.getLong(5)};
                if (!Arrays.equals(expected, actual)) {
                    throw new IllegalStateException("After the insert the table holds (count, sum of empno, rows whose name is not "
                            + "their key's, sum of sal, of deptno) " + Arrays.toString(actual) + ", expected " + Arrays.toString(expected));
                }
            }
            statement.execute("TRUNCATE TABLE scott.hire RESTART IDENTITY");
            connection.commit();
        }
    }

    @TearDown(Level.Invocation)
    public void deleteInserted() throws Exception {
        afterRun();
    }
}
