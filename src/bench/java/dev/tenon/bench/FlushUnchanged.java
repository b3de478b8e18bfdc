package dev.tenon.bench;

import dev.tenon.bench.jpa.JpaEmp;
import dev.tenon.bench.model.Emp;
import dev.tenon.session.Session;
import java.util.List;

/**
 * The flat read, then a flush with nothing changed: what dirty tracking costs a session that only read. The
 * hand-written loop has nothing to flush (it reads as {@link FlatRead} does); an ORM that compares every loaded
 * object with a copy of its row pays per object here, one that records writes as they happen pays nothing. Compare
 * with {@link FlatRead} of the same run.
 */
public class FlushUnchanged extends FlatRead {
    @Override
    protected long runTenon() {
        try (Session session = tenon.openSession(metadata)) {
            List<Emp> emps = session.select(Emp.class).list();
            session.flush();
            return sum(emps);
        }
    }

    @Override
    protected long runHibernate() {
        // Hibernate flushes only inside a transaction; it ends with a rollback, as Tenon's close and the loop's do.
        try (org.hibernate.Session session = hibernate.openSession()) {
            session.beginTransaction();
            List<JpaEmp> result = session.createSelectionQuery("from Emp", JpaEmp.class).getResultList();
            session.flush();
            session.getTransaction().rollback();
            return jpaSum(result);
        }
    }
}
