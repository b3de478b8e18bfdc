package dev.tenon.bench;

import dev.tenon.annotation.RawFieldAccess;
import dev.tenon.bench.jpa.JpaDept;
import dev.tenon.bench.model.Dept;
import dev.tenon.bench.model.Emp;
import dev.tenon.query.Load;
import dev.tenon.session.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Param;

/** Graph by join: departments with their employee lists in one LEFT JOIN statement. */
public class GraphJoin extends Workload {
    private static final String SQL = "SELECT d.deptno, d.dname, d.loc, e.empno, e.ename, e.job, e.mgr, e.hiredate, e.sal, e.comm, e.deptno"
            + " FROM scott.dept d LEFT JOIN scott.emp e ON e.deptno = d.deptno ORDER BY d.deptno, e.empno";

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
        List<Dept> result = new ArrayList<>();
        Map<Integer, Dept> byKey = new HashMap<>();
        try (Connection connection = jdbc.getConnection();
             PreparedStatement statement = connection.prepareStatement(SQL);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                int deptno = rows.getInt(1);
                Dept dept = byKey.get(deptno);
                if (dept == null) {
                    dept = Jdbc.dept(rows, 1);
                    byKey.put(deptno, dept);
                    result.add(dept);
                }
                rows.getInt(4);
                if (!rows.wasNull()) {
                    Emp emp = Jdbc.emp(rows, 4);
                    emp.department = dept;
                    dept.employees.add(emp);
                }
            }
        }
        return Checksum.plainGraph(result);
    }

    @Override
    protected long runTenon() {
        try (Session session = tenon.openSession(metadata)) {
            return Checksum.graph(session.select(Dept.class).options(Load.joined("employees")).orderBy("deptno").list());
        }
    }

    @Override
    protected long runHibernate() {
        try (org.hibernate.Session session = hibernate.openSession()) {
            return Checksum.jpaGraph(session.createSelectionQuery("from Dept d left join fetch d.employees order by d.deptno", JpaDept.class)
                    .getResultList());
        }
    }

    @Override
    protected long tenonStatements() {
        return 1;
    }
}
