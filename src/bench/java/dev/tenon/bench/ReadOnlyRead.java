package dev.tenon.bench;

import dev.tenon.bench.jpa.JpaEmp;
import dev.tenon.bench.model.Emp;
import dev.tenon.session.Session;
import org.hibernate.StatelessSession;

/**
 * Flat read of a report: every employee into objects nobody will change, one SELECT. Tenon runs a read-only query
 * (no tracking, identity within the result); Hibernate a {@link StatelessSession}, its own way to read without a
 * persistence context; the hand-written code is {@link FlatRead}'s.
 */
public class ReadOnlyRead extends FlatRead {
    @Override
    protected long runTenon() {
        try (Session session = tenon.openSession(metadata)) {
            return sum(session.select(Emp.class).readOnly().list());
        }
    }

    @Override
    protected long runHibernate() {
        try (StatelessSession session = hibernate.openStatelessSession()) {
            return jpaSum(session.createSelectionQuery("from Emp", JpaEmp.class).getResultList());
        }
    }
}
