package dev.tenon.bench;

import dev.tenon.annotation.RawFieldAccess;
import dev.tenon.bench.jpa.HibernateBoot;
import dev.tenon.bench.jpa.JpaDept;
import dev.tenon.bench.model.Dept;
import dev.tenon.query.Load;
import dev.tenon.session.Session;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Param;

/**
 * Graph by selectin: departments with their employee lists, the employees by IN-batched statements (500 parents
 * each). Hibernate's counterpart is its batch fetching, which loads 500 collections when the first is touched.
 */
public class GraphSelectin extends Workload {
    /** Parents per statement: Tenon's default {@code selectinBatchSize}, and Hibernate's batch fetch size. */
    static final int BATCH = HibernateBoot.BATCH_SIZE;

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
        return Checksum.plainGraph(handWritten(this));
    }

    /** Departments, then their employees in batches: the hand-written selectin. */
    @RawFieldAccess
    static List<Dept> handWritten(Workload workload) throws Exception {
        try (Connection connection = workload.jdbc.getConnection()) {
            Map<Integer, Dept> byKey = new HashMap<>();
            List<Dept> result = Jdbc.depts(connection, byKey);
            Jdbc.employeesOf(connection, result, byKey, BATCH);
            return result;
        }
    }

    @Override
    protected long runTenon() {
        try (Session session = tenon.openSession(metadata)) {
            return Checksum.graph(session.select(Dept.class).options(Load.selectin("employees")).orderBy("deptno").list());
        }
    }

    @Override
    protected long runHibernate() {
        try (org.hibernate.Session session = hibernate.openSession()) {
            return Checksum.jpaGraph(session.createSelectionQuery("from Dept d order by d.deptno", JpaDept.class).getResultList());
        }
    }

    @Override
    protected long tenonStatements() {
        return 1 + (depts + BATCH - 1) / BATCH;
    }
}
