package dev.tenon.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenon.Database;
import dev.tenon.bench.jpa.HibernateBoot;
import dev.tenon.metadata.Metadata;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One workload, three contenders: each subclass says how hand-written JDBC, Tenon and Hibernate do the same work,
 * and JMH runs the three benchmarks below for each (named {@code <Workload>.jdbc}, {@code .tenon},
 * {@code .hibernate}), on each database. Every operation returns a {@link Checksum} and fails when it differs from
 * the one the data set's definition gives, which no contender computes. Once per trial, untimed: the data is
 * loaded, and Tenon and Hibernate run once to count their statements (Tenon's are asserted).
 *
 * <p>Each benchmark runs in a fork of its own, which builds only its contender's pool (plus the one of JDBC, through
 * which the data is loaded); every pool has the settings of {@link Backend#pool}. The heap is touched when the fork
 * starts ({@code AlwaysPreTouch}), so that no measured iteration pays the kernel for zeroing fresh pages, which
 * profiles showed as a large and erratic share of the first seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class Workload {
    /** The database, see {@link Backend}. */
    @Param({"h2", "postgresql"})
    public String database;

    protected Backend backend;
    /** The hand-written JDBC contender's pool; also the one the data is loaded through. */
    protected HikariDataSource jdbc;
    /** The Tenon contender, over a pool of its own. */
    protected Database tenon;
    protected final Metadata metadata = Dataset.METADATA;
    /** The Hibernate contender, over a pool of its own. */
    protected SessionFactory hibernate;
    private HikariDataSource tenonPool;
    private HikariDataSource hibernatePool;
    private long expected;

    /** Loads the workload's data through {@code jdbc}. */
    protected abstract void load() throws Exception;

    /** The checksum every contender must return, computed from the data set's definition (see {@link Dataset}). */
    protected abstract long expected();

    /** The work, written by hand on JDBC. */
    protected abstract long runJdbc() throws Exception;

    /** The same work with Tenon. */
    protected abstract long runTenon() throws Exception;

    /** The same work with Hibernate. */
    protected abstract long runHibernate() throws Exception;

    /** The statements Tenon must run for one operation. */
    protected abstract long tenonStatements();

    /** Whether Tenon may run fewer statements than {@link #tenonStatements()} (an upper bound, as for batches). */
    protected boolean statementsAtMost() {
        return false;
    }

    /** Whether the workload reads the large data set, kept out of the heap (see {@link Backend#url}). */
    protected boolean large() {
        return false;
    }

    /**
     * Whether the hand-written contender works in auto-commit, over a pool of its own built once the data is loaded
     * (get by id: its baseline is a lookup that opens no transaction).
     */
    protected boolean jdbcAutoCommit() {
        return false;
    }

    /** Whether Hibernate batch-fetches lazy associations (the fair setting; the N+1 workload turns it off). */
    protected boolean hibernateBatchFetching() {
        return true;
    }

    /** Further checks of Tenon's statements, run once in the setup of its benchmark. */
    protected void checkTenon() throws Exception {
    }

    /** Called after each operation of the setup's runs: the insert workload checks and deletes its rows here. */
    protected void afterRun() throws Exception {
    }

    @Benchmark
    public long jdbc() throws Exception {
        return Checksum.check("hand-written JDBC", expected, runJdbc());
    }

    @Benchmark
    public long tenon() throws Exception {
        return Checksum.check("Tenon", expected, runTenon());
    }

    @Benchmark
    public long hibernate() throws Exception {
        return Checksum.check("Hibernate", expected, runHibernate());
    }

    @Setup(Level.Trial)
    public void setUpTrial(BenchmarkParams params) throws Exception {
        backend = Backend.of(database);
        backend.unreachable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        String benchmark = params.getBenchmark();
        String contender = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        String workload = benchmark.substring(0, benchmark.lastIndexOf('.'));
        workload = workload.substring(workload.lastIndexOf('.') + 1);
        jdbc = backend.pool("jdbc", large());
        load();
        expected = expected();
        String label = "[" + workload + " " + contender + " " + database + "]";
        switch (contender) {
            case "jdbc" -> {
                if (jdbcAutoCommit()) {
                    jdbc.close();
                    jdbc = backend.pool("jdbc", large(), true);
                }
            }
            case "tenon" -> {
                tenonPool = backend.pool("tenon", large(), true);
                tenon = Database.of(tenonPool);
                long before = tenon.statistics().statements();
                Checksum.check("Tenon", expected, runTenon());
                long statements = tenon.statistics().statements() - before;
                afterRun();
                checkTenon();
                boolean ok = statementsAtMost() ? statements <= tenonStatements() : statements == tenonStatements();
                System.out.println(label + " Tenon statements per operation: " + statements + " (expected "
                        + (statementsAtMost() ? "at most " : "") + tenonStatements() + ")");
                if (!ok) {
                    throw new IllegalStateException(label + " Tenon ran " + statements + " statements, expected "
                            + (statementsAtMost() ? "at most " : "") + tenonStatements());
                }
            }
            case "hibernate" -> {
                hibernatePool = backend.pool("hibernate", large());
                hibernate = HibernateBoot.sessionFactory(hibernatePool, hibernateBatchFetching());
                Statistics statistics = hibernate.getStatistics();
                statistics.setStatisticsEnabled(true);
                Checksum.check("Hibernate", expected, runHibernate());
                afterRun();
                System.out.println(label + " Hibernate statements prepared per operation: " + statistics.getPrepareStatementCount());
                statistics.setStatisticsEnabled(false);
                statistics.clear();
            }
            default -> {
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDownTrial() {
        if (hibernate != null) {
            hibernate.close();
        }
        for (HikariDataSource pool : new HikariDataSource[] {hibernatePool, tenonPool, jdbc}) {
            if (pool != null) {
                pool.close();
            }
        }
    }
}
