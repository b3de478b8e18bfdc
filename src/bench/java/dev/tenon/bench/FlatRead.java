package dev.tenon.bench;

import dev.tenon.annotation.RawFieldAccess;
import dev.tenon.bench.jpa.JpaEmp;
import dev.tenon.bench.model.Emp;
import dev.tenon.session.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Param;

/** Flat read: every employee into objects, one SELECT. */
public class FlatRead extends Workload {
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
        List<Emp> result = new ArrayList<>();
        try (Connection connection = jdbc.getConnection();
             PreparedStatement statement = connection.prepareStatement(Jdbc.SELECT_EMPS);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.add(Jdbc.emp(rows, 1));
            }
        }
        return sum(result);
    }

    @Override
    protected long runTenon() {
        try (Session session = tenon.openSession(metadata)) {
            return sum(session.select(Emp.class).list());
        }
    }

    @Override
    protected long runHibernate() {
        try (org.hibernate.Session session = hibernate.openSession()) {
            return jpaSum(session.createSelectionQuery("from Emp", JpaEmp.class).getResultList());
        }
    }

    static long jpaSum(List<JpaEmp> emps) {
        long h = emps.size();
        for (JpaEmp e : emps) {
            h += Checksum.of(e);
        }
        return h;
    }

    @Override
    protected long tenonStatements() {
        return 1;
    }

    static long sum(List<Emp> emps) {
        long h = emps.size();
        for (Emp e : emps) {
            h += Checksum.of(e);
        }
        return h;
    }
}
