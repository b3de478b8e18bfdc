package dev.tenon.bench;

import dev.tenon.annotation.RawFieldAccess;
import dev.tenon.bench.jpa.JpaEmp;
import dev.tenon.bench.model.Emp;
import dev.tenon.session.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.openjdk.jmh.annotations.Param;

/**
 * Get by id: 10,000 lookups of one employee each, spread over the table, each in a short session of its own (open,
 * get, close). The baseline is a lookup in auto-commit: a connection from the pool, one query, no transaction to
 * end. Tenon's and Hibernate's sessions end theirs as they do for any read (Hibernate's through the pool, which
 * rolls back a connection that ran a statement when it is returned). Every lookup binds another key, so H2, which
 * keeps a query's last result for reuse until a rollback or a change, never hands the auto-commit loop a result it
 * did not read.
 */
public class GetById extends Workload {
    private static final String SQL = Jdbc.SELECT_EMPS + " WHERE empno = ?";

    @Param("10000")
    public int lookups;

    @Param("100000")
    public int emps;

    private int[] ids;

    @Override
    protected void load() throws Exception {
        Dataset.ensure(backend, jdbc, emps / 20, 20);
        ids = new int[lookups];
        for (int i = 0; i < lookups; i++) {
            ids[i] = (int) (1 + (i * 7919L) % emps);
        }
    }

    @Override
    protected long expected() {
        long h = 0;
        for (int id : ids) {
            h += Checksum.of(Dataset.emp(id, 20));
        }
        return h;
    }

    @Override
    @RawFieldAccess
    protected long runJdbc() throws Exception {
        long h = 0;
        for (int id : ids) {
            try (Connection connection = jdbc.getConnection(); PreparedStatement statement = connection.prepareStatement(SQL)) {
                statement.setInt(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        h += Checksum.of(Jdbc.emp(rows, 1));
                    }
                }
            }
        }
        return h;
    }

    @Override
    protected long runTenon() {
        long h = 0;
        for (int id : ids) {
            try (Session session = tenon.openSession(metadata)) {
                h += Checksum.of(session.get(Emp.class, id));
            }
        }
        return h;
    }

    @Override
    protected long runHibernate() {
        long h = 0;
        for (int id : ids) {
            try (org.hibernate.Session session = hibernate.openSession()) {
                h += Checksum.of(session.find(JpaEmp.class, id));
            }
        }
        return h;
    }

    @Override
    protected long tenonStatements() {
        return lookups;
    }

    @Override
    protected boolean jdbcAutoCommit() {
        return true;
    }

    /** A second get of the same key in the same session runs no statement. */
    @Override
    protected void checkTenon() {
        try (Session session = tenon.openSession(metadata)) {
            Emp first = session.get(Emp.class, ids[0]);
            long before = session.statistics().statements();
            if (session.get(Emp.class, ids[0]) != first || session.statistics().statements() != before) {
                throw new IllegalStateException("Tenon ran a statement for an object already in the identity map");
            }
        }
    }
}
