package dev.tenon.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenon.Database;
import dev.tenon.annotation.RawFieldAccess;
import dev.tenon.bench.model.Division;
import dev.tenon.bench.model.Member;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Load;
import dev.tenon.session.Session;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/**
 * Nested JSON loading against joined and selectin loading, and hand-written JDBC: the first {@code parents}
 * departments (a page, {@code ORDER BY deptno LIMIT n}) of the 1,000 of the graph data set, each with its 20 employees
 * in one collection or in two sibling collections ({@link Division}). Not a {@link Workload}: the contender is a
 * parameter here ({@code jdbc}, {@code joined}, {@code selectin}, {@code nested}) so that one run gives all four.
 * Every contender works over a pool of the same settings in auto-commit, so that each read ends the same way (no
 * transaction to end); the hand-written one is the hand-written selectin: the page, then each collection's
 * employees by {@code deptno = ANY(?)}. Each operation's checksum is checked as in every workload.
 *
 * <pre>{@code
 * java -jar target/bench/benchmarks.jar NestedGraph -wi 3 -w 1 -i 3 -r 1 -f 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class NestedGraph {
    private static final int DEPTS = 1000;
    private static final int PER_DEPT = 20;
    private static final Metadata METADATA = Metadata.of(Division.class, Member.class);
    private static final String PAGE = "SELECT deptno, dname, loc FROM scott.dept ORDER BY deptno LIMIT ?";
    private static final String MEMBERS = "SELECT " + Jdbc.EMP_COLUMNS + " FROM scott.emp WHERE deptno = ANY(?) ORDER BY deptno, empno";

    @Param({"h2", "postgresql"})
    public String database;

    @Param({"jdbc", "joined", "selectin", "nested"})
    public String contender;

    @Param({"20", "1000"})
    public int parents;

    @Param({"1", "2"})
    public int collections;

    private HikariDataSource pool;
    private Database tenon;
    private Load[] options;
    private long expected;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Backend backend = Backend.of(database);
        try (HikariDataSource loader = backend.pool("jdbc", false)) {
            Dataset.ensure(backend, loader, DEPTS, PER_DEPT);
        }
        pool = backend.pool(contender, false, true);
        tenon = Database.of(pool);
        options = switch (contender) {
            case "joined" -> new Load[] {Load.joined("members"), Load.joined("staff")};
            case "selectin" -> new Load[] {Load.selectin("members"), Load.selectin("staff")};
            case "nested" -> new Load[] {Load.nested("members"), Load.nested("staff")};
            default -> null;
        };
        if (options != null && collections == 1) {
            options = new Load[] {options[0]};
        }
        expected = expected();
        long before = tenon.statistics().statements();
        run();
        long statements = tenon.statistics().statements() - before;
        long wanted = switch (contender) {
            case "joined", "nested" -> 1;
            case "selectin" -> 1 + collections * ((parents + 499) / 500); // the session's selectinBatchSize
            default -> 0;
        };
        System.out.println("[NestedGraph " + contender + " " + database + " " + parents + "x" + collections + "] Tenon statements: "
                + statements + " (expected " + wanted + ")");
        if (statements != wanted) {
            throw new IllegalStateException("Tenon ran " + statements + " statements, expected " + wanted);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public long run() throws Exception {
        List<Division> page = options == null ? handWritten() : tenon();
        return Checksum.check(contender, expected, checksum(page));
    }

    private List<Division> tenon() {
        try (Session session = tenon.openSession(METADATA)) {
            return session.select(Division.class).options(options).orderBy("deptno").limit(parents).list();
        }
    }

    @RawFieldAccess
    private List<Division> handWritten() throws Exception {
        List<Division> page = new ArrayList<>();
        Map<Integer, Division> byKey = new HashMap<>();
        try (Connection connection = pool.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(PAGE)) {
                statement.setInt(1, parents);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Division division = new Division();
                        division.deptno = rows.getInt(1);
                        division.dname = rows.getString(2);
                        division.loc = rows.getString(3);
                        division.members = new ArrayList<>();
                        division.staff = new ArrayList<>();
                        page.add(division);
                        byKey.put(division.deptno, division);
                    }
                }
            }
            Array keys = connection.createArrayOf("INTEGER", byKey.keySet().toArray());
            for (int c = 0; c < collections; c++) {
                try (PreparedStatement statement = connection.prepareStatement(MEMBERS)) {
                    statement.setArray(1, keys);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            Member member = member(rows);
                            Division division = byKey.get(member.deptno);
                            member.division = division;
                            (c == 0 ? division.members : division.staff).add(member);
                        }
                    }
                }
            }
        }
        return page;
    }

    @RawFieldAccess
    private static Member member(ResultSet row) throws java.sql.SQLException {
        Member member = new Member();
        member.empno = row.getInt(1);
        member.ename = row.getString(2);
        member.job = row.getString(3);
        int mgr = row.getInt(4);
        member.mgr = row.wasNull() ? null : mgr;
        member.hiredate = row.getObject(5, LocalDate.class);
        member.sal = row.getBigDecimal(6);
        member.comm = row.getBigDecimal(7);
        member.deptno = row.getInt(8);
        return member;
    }

    /** Departments in order, each collection's employees in order, each linked back to its department. */
    @RawFieldAccess
    private long checksum(List<Division> page) {
        long h = page.size();
        for (Division division : page) {
            h = Checksum.next(h, Checksum.dept(division.deptno, division.dname, division.loc));
            for (int c = 0; c < collections; c++) {
                for (Member m : c == 0 ? division.members : division.staff) {
                    long link = c == 0 && m.division != division ? 7 : 1;
                    h = Checksum.next(h, Checksum.emp(m.empno, m.ename, m.job, m.mgr, m.hiredate, m.sal, m.comm, m.deptno) + link);
                }
            }
        }
        return h;
    }

    /** The checksum the data set's definition gives for the page, computed without any contender. */
    private long expected() {
        long h = parents;
        for (int d = 1; d <= parents; d++) {
            h = Checksum.next(h, Checksum.dept(d, "D" + d, "L" + d % 100));
            for (int c = 0; c < collections; c++) {
                for (int x = (d - 1) * PER_DEPT + 1; x <= d * PER_DEPT; x++) {
                    h = Checksum.next(h, Checksum.of(Dataset.emp(x, PER_DEPT)) + 1);
                }
            }
        }
        return h;
    }
}
