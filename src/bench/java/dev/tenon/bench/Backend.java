package dev.tenon.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * The two databases of the suite, the JMH parameter {@code database}: H2 in memory, and PostgreSQL found like the
 * tests find it ({@code TENON_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test}, {@code TENON_PG_USER},
 * default {@code postgres}, {@code TENON_PG_PASSWORD}). Every contender gets its own pool, built here with the same
 * settings, so that none of them profits from connections another one warmed.
 */
public enum Backend {
    H2("h2") {
        @Override
        String url(boolean large) {
            // DATABASE_TO_LOWER lets the hand-written SQL and Hibernate name tables as PostgreSQL does (Tenon quotes).
            // A million rows do not fit in a 64 MB heap in memory, so the streaming data lives in a file, with a small
            // cache; lazy query execution makes H2 hand rows out as it reads them instead of first copying the result.
            // H2 rewrites the chunks of a freshly loaded file in the background, and a lazy cursor reading an old
            // chunk then fails with "Chunk N not found" (h2database issue 4142, open): no background compaction.
            // OPTIMIZE_REUSE_RESULTS=FALSE: H2 answers a query repeated on a connection from the result it kept, as
            // long as no data changed and no rollback came in between. A contender whose reads end with a rollback
            // (inside a transaction) would then be measured against one whose reads end with nothing (Tenon's, in
            // auto-commit) reading a cache instead of the table; none may, so that all read the table.
            if (large) {
                String file = new File(System.getProperty("java.io.tmpdir"), "tenon-bench/stream").getAbsolutePath();
                return "jdbc:h2:file:" + file + ";DATABASE_TO_LOWER=TRUE;CACHE_SIZE=8192;LAZY_QUERY_EXECUTION=TRUE"
                        + ";AUTO_COMPACT_FILL_RATE=0;OPTIMIZE_REUSE_RESULTS=FALSE";
            }
            return "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;OPTIMIZE_REUSE_RESULTS=FALSE";
        }

        @Override
        String series(long from, long to) {
            return "SYSTEM_RANGE(" + from + ", " + to + ") AS r(x)";
        }

        @Override
        String plusDays(String date, String days) {
            return "DATEADD(DAY, " + days + ", " + date + ")";
        }
    },
    POSTGRESQL("postgresql") {
        @Override
        String url(boolean large) {
            return env("TENON_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        }

        @Override
        String series(long from, long to) {
            return "generate_series(" + from + ", " + to + ") AS r(x)";
        }

        @Override
        String plusDays(String date, String days) {
            return date + " + CAST(" + days + " AS INTEGER)";
        }
    };

    /** Connections per pool: the suite is single-threaded, one is used at a time. */
    static final int POOL_SIZE = 4;

    private final String parameter;

    Backend(String parameter) {
        this.parameter = parameter;
    }

    /** The JDBC URL; {@code large} for the streaming data set, which must not live in the benchmark's heap. */
    abstract String url(boolean large);

    /** A FROM item yielding the integers {@code from..to} as column {@code x}. */
    abstract String series(long from, long to);

    /** SQL adding a number of days to a date. */
    abstract String plusDays(String date, String days);

    /** The value of the JMH parameter. */
    public String parameter() {
        return parameter;
    }

    /** The backend of a JMH parameter value. */
    public static Backend of(String parameter) {
        for (Backend backend : values()) {
            if (backend.parameter.equals(parameter)) {
                return backend;
            }
        }
        throw new IllegalArgumentException("Unknown database '" + parameter + "': use h2 or postgresql");
    }

    String user() {
        return this == POSTGRESQL ? env("TENON_PG_USER", "postgres") : "sa";
    }

    String password() {
        return this == POSTGRESQL ? env("TENON_PG_PASSWORD", "") : "";
    }

    /**
     * A pool with the settings every contender shares: HikariCP with auto-commit off, a fixed size, and the driver's
     * defaults otherwise. Tenon's pool has auto-commit on, as {@code Database.connect} builds it: its transactions turn
     * it off at their first write.
     */
    HikariDataSource pool(String name, boolean large) {
        return pool(name, large, false);
    }

    /** {@link #pool(String, boolean)}, with auto-commit on or off. */
    HikariDataSource pool(String name, boolean large, boolean autoCommit) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(large));
        config.setUsername(user());
        config.setPassword(password());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        config.setAutoCommit(autoCommit);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    /** Why the database cannot be used, with what to do; empty when it answers. Only PostgreSQL can be missing. */
    Optional<String> unreachable() {
        if (this == H2) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        properties.setProperty("user", user());
        if (!password().isEmpty()) {
            properties.setProperty("password", password());
        }
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "5");
        try (Connection ignored = DriverManager.getConnection(url(false), properties)) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("PostgreSQL is not reachable at " + url(false) + " as " + user() + " (" + e.getMessage()
                    + "); start it, or set TENON_PG_URL, TENON_PG_USER and TENON_PG_PASSWORD, or run only H2 with -p database=h2");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
