package dev.tenon.bench.jpa;

import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * Builds the Hibernate contender, configured as a careful user would for this work: batch fetching of lazy
 * associations (500, Tenon's default {@code selectinBatchSize}) and JDBC batching of inserts (500, ordered; the
 * hand-written loop's batch too), no second-level or
 * query cache, no statistics, no schema generation (Tenon created the schema), over the suite's pool.
 */
public final class HibernateBoot {
    /** Rows per JDBC batch and keys per batch fetch; the latter the same as Tenon's default selectin batch size. */
    public static final int BATCH_SIZE = 500;

    private HibernateBoot() {
    }

    /** A session factory over {@code dataSource}, batch fetching on. */
    public static SessionFactory sessionFactory(DataSource dataSource) {
        return sessionFactory(dataSource, true);
    }

    /**
     * A session factory over {@code dataSource}; without {@code batchFetching} each lazy collection is loaded on its
     * own (the session-level {@code setFetchBatchSize(1)} does not turn batch fetching off).
     */
    public static SessionFactory sessionFactory(DataSource dataSource, boolean batchFetching) {
        java.util.logging.Logger.getLogger("org.hibernate").setLevel(java.util.logging.Level.WARNING);
        Configuration configuration = new Configuration()
                .addAnnotatedClass(JpaDept.class)
                .addAnnotatedClass(JpaEmp.class)
                .addAnnotatedClass(JpaHire.class)
                .setProperty(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, String.valueOf(batchFetching ? BATCH_SIZE : 1))
                .setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, String.valueOf(BATCH_SIZE))
                .setProperty(AvailableSettings.ORDER_INSERTS, "true")
                .setProperty(AvailableSettings.USE_SECOND_LEVEL_CACHE, "false")
                .setProperty(AvailableSettings.USE_QUERY_CACHE, "false")
                .setProperty(AvailableSettings.GENERATE_STATISTICS, "false")
                .setProperty(AvailableSettings.HBM2DDL_AUTO, "none")
                // The pool hands out connections with auto-commit off; Hibernate need not check it per transaction.
                .setProperty(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, "true");
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        return configuration.buildSessionFactory();
    }
}
