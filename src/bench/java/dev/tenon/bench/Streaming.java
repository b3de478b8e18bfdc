package dev.tenon.bench;

import dev.tenon.annotation.RawFieldAccess;
import dev.tenon.bench.jpa.JpaEmp;
import dev.tenon.bench.model.Emp;
import dev.tenon.session.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Iterator;
import java.util.stream.Stream;
import org.hibernate.StatelessSession;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;

/**
 * Streaming: a million employees read one at a time in a 64 MB heap, which holds a few thousand of them at most:
 * passing at all is the test of bounded memory. By hand, a forward-only result set with a fetch size; Tenon's
 * {@code stream()}; Hibernate's {@code getResultStream()} on a stateless session, its idiom for reading without
 * keeping (a stateful session would keep every entity, as its persistence context must).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms64m", "-Xmx64m"})
public class Streaming extends Workload {
    private static final int FETCH = 500;

    @Param("1000000")
    public int rows;

    @Override
    protected boolean large() {
        return true;
    }

    @Override
    protected void load() throws Exception {
        Dataset.ensure(backend, jdbc, rows / 20, 20);
    }

    @Override
    protected long expected() {
        return Dataset.flatChecksum(rows, 20);
    }

    @Override
    @RawFieldAccess
    protected long runJdbc() throws Exception {
        long h = 0;
        long count = 0;
        try (Connection connection = jdbc.getConnection();
             PreparedStatement statement = connection.prepareStatement(Jdbc.SELECT_EMPS, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    h += Checksum.of(Jdbc.emp(result, 1));
                    count++;
                }
            }
        }
        return h + count;
    }

    @Override
    protected long runTenon() {
        long h = 0;
        long count = 0;
        try (Session session = tenon.openSession(metadata); Stream<Emp> stream = session.select(Emp.class).stream()) {
            Iterator<Emp> emps = stream.iterator();
            while (emps.hasNext()) {
                h += Checksum.of(emps.next());
                count++;
            }
        }
        return h + count;
    }

    @Override
    protected long runHibernate() {
        long h = 0;
        long count = 0;
        try (StatelessSession session = hibernate.openStatelessSession();
             Stream<JpaEmp> stream = session.createSelectionQuery("from Emp", JpaEmp.class).setFetchSize(FETCH).getResultStream()) {
            Iterator<JpaEmp> emps = stream.iterator();
            while (emps.hasNext()) {
                h += Checksum.of(emps.next());
                count++;
            }
        }
        return h + count;
    }

    @Override
    protected long tenonStatements() {
        return 1;
    }
}
