package dev.tenon.bench;

import dev.tenon.annotation.RawFieldAccess;
import dev.tenon.bench.jpa.JpaEmp;
import dev.tenon.bench.model.Emp;
import dev.tenon.session.Session;
import java.util.List;
import org.openjdk.jmh.annotations.Param;

/**
 * The flat read, then a flush with nothing changed: what dirty tracking costs a session that only read. The
 * hand-written loop has nothing to flush; an ORM that compares every loaded object with a copy of its row pays per
 * object here, one that records writes as they happen pays nothing. Compare with {@link FlatRead} of the same run.
 */
public class FlushUnchanged extends Workload {
    @Param("100000")
    public int emps;

    @Override
    protected void load() throws Exception {
        Dataset.ensure(backend, jdbc, emps / 20, 20);
    }

    @Override
    protected long expected() {
        return Dataset.flatChecksum(emps, 20);
    }

    @Override
    @RawFieldAccess
    protected long runJdbc() throws Exception {
        return FlatRead.readWithJdbc(jdbc);
    }

    @Override
    protected long runTenon() {
        try (Session session = tenon.openSession(metadata)) {
            List<Emp> emps = session.select(Emp.class).list();
            session.flush();
            return FlatRead.sum(emps);
        }
    }

    @Override
    protected long runHibernate() {
        // Hibernate flushes only inside a transaction; it ends with a rollback, as Tenon's close and the loop's do.
        try (org.hibernate.Session session = hibernate.openSession()) {
            session.beginTransaction();
            List<JpaEmp> result = session.createSelectionQuery("from Emp", JpaEmp.class).getResultList();
            session.flush();
            long h = result.size();
            for (JpaEmp e : result) {
                h += Checksum.of(e);
            }
            session.getTransaction().rollback();
            return h;
        }
    }

    @Override
    protected long tenonStatements() {
        return 1;
    }
}
