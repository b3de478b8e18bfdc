package dev.tenon.bench;

import dev.tenon.annotation.RawFieldAccess;
import dev.tenon.bench.jpa.JpaDept;
import dev.tenon.bench.model.Dept;
import dev.tenon.bench.model.Emp;
import dev.tenon.session.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import org.openjdk.jmh.annotations.Param;

/**
 * Lazy N+1: the departments, then each one's employees touched in a loop, one statement per department. By hand
 * that is one prepared statement executed N times; Hibernate's batch fetching is turned off for this workload, or
 * it would not be the N+1 any more (see {@link LazyBatched}).
 */
public class LazyNPlusOne extends Workload {
    private static final String SQL = Jdbc.SELECT_EMPS + " WHERE deptno = ? ORDER BY empno";

    @Param("1000")
    public int depts;

    @Param("20")
    public int perDept;

    @Override
    protected void load() throws Exception {
        Dataset.ensure(backend, jdbc, depts, perDept);
    }

    @Override
    protected long expected() {
        return Dataset.graphChecksum(depts, perDept);
    }

    @Override
    @RawFieldAccess
    protected long runJdbc() throws Exception {
        try (Connection connection = jdbc.getConnection()) {
            List<Dept> result = Jdbc.depts(connection, new HashMap<>());
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
                for (Dept dept : result) {
                    statement.setInt(1, dept.deptno);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            Emp emp = Jdbc.emp(rows, 1);
                            emp.department = dept;
                            dept.employees.add(emp);
                        }
                    }
                }
            }
            return Checksum.plainGraph(result);
        }
    }

    @Override
    protected long runTenon() {
        try (Session session = tenon.openSession(metadata)) {
            return Checksum.graph(session.select(Dept.class).orderBy("deptno").list());
        }
    }

    @Override
    protected long runHibernate() {
        try (org.hibernate.Session session = hibernate.openSession()) {
            return Checksum.jpaGraph(session.createSelectionQuery("from Dept d order by d.deptno", JpaDept.class).getResultList());
        }
    }

    @Override
    protected boolean hibernateBatchFetching() {
        return false;
    }

    @Override
    protected long tenonStatements() {
        return 1 + depts;
    }
}
