package dev.tenon.bench;

import dev.tenon.annotation.RawFieldAccess;
import dev.tenon.bench.jpa.JpaDept;
import dev.tenon.bench.model.Dept;
import dev.tenon.session.Session;
import dev.tenon.session.SessionOptions;
import org.openjdk.jmh.annotations.Param;

/**
 * Batched lazy loading: the departments, then each one's employees touched in a loop, where the first touch loads
 * the employees of 500 siblings at once (Tenon's {@code batchLazyLoads}, Hibernate's batch fetching). By hand that
 * is the selectin of {@link GraphSelectin}.
 */
public class LazyBatched extends Workload {
    @Param("1000")
    public int depts;

    @Param("20")
    public int perDept;

    private final SessionOptions batched = SessionOptions.DEFAULTS.selectinBatchSize(GraphSelectin.BATCH).batchLazyLoads(true);

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
        return Checksum.plainGraph(GraphSelectin.handWritten(this));
    }

    @Override
    protected long runTenon() {
        try (Session session = tenon.openSession(metadata, batched)) {
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
    protected long tenonStatements() {
        return 1 + (depts + GraphSelectin.BATCH - 1) / GraphSelectin.BATCH;
    }
}
