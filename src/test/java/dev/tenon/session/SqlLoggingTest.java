package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * What the executor logs: each statement on {@code tenon.sql} at DEBUG with its time and its real row count, and
 * the bound values apart on {@code tenon.sql.bind} at TRACE, a batch with its size and its first rows.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class SqlLoggingTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    final Logger sqlLog = (Logger) LoggerFactory.getLogger("tenon.sql");
    Level configured;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Scott.load(db);
        session = db.database().openSession(db.metadata());
        configured = sqlLog.getLevel();
        sqlLog.setLevel(Level.TRACE); // tenon.sql.bind inherits it
        sqlLog.setAdditive(false); // the lines are expected here: keep them off the console
        lines.start();
        sqlLog.addAppender(lines);
    }

    @AfterEach
    void close() {
        sqlLog.detachAppender(lines);
        sqlLog.setAdditive(true);
        sqlLog.setLevel(configured);
        session.close();
        db.close();
    }

    /** Each line as "logger LEVEL message". */
    private List<String> logged() {
        return lines.list.stream().map(e -> e.getLoggerName() + " " + e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @Test
    void aBatchIsLoggedWithItsSizeAndTheValuesOfItsFirstRows() {
        for (int deptno = 50; deptno < 55; deptno++) {
            session.add(new Dept(deptno, "D" + deptno, "L" + deptno));
        }
        session.flush();

        assertThat(db.statements()).isEqualTo(1);
        assertThat(logged()).hasSize(2);
        assertThat(logged().get(0)).startsWith("tenon.sql DEBUG INSERT INTO ").contains(" | batch of 5 | ").endsWith(" ms, 5 rows");
        assertThat(logged().get(1)).isEqualTo("tenon.sql.bind TRACE values of 5 rows, the first 3: [50, D50, L50], [51, D51, L51], [52, D52, L52]");
    }

    @Test
    void aStatementLineHoldsNoValueWhichGoOnTheBindLoggerAtTrace() {
        assertThat(session.get(Dept.class, 40).dname).isEqualTo("OPERATIONS");

        assertThat(db.statements()).isEqualTo(1);
        assertThat(logged()).hasSize(2);
        assertThat(logged().get(0)).startsWith("tenon.sql DEBUG SELECT ").endsWith(" ms, 1 rows");
        assertThat(statementOf(logged().get(0))).doesNotContain("40");
        assertThat(logged().get(1)).isEqualTo("tenon.sql.bind TRACE values [40]");
    }

    @Test
    void withTheBindLoggerAtDebugNoValueIsLogged() {
        sqlLog.setLevel(Level.DEBUG);

        assertThat(session.get(Dept.class, 40).dname).isEqualTo("OPERATIONS");

        assertThat(logged()).singleElement().asString().startsWith("tenon.sql DEBUG SELECT ");
        assertThat(statementOf(logged().get(0))).doesNotContain("40");
    }

    /** A log line without its timing ("| 0.400 ms, 1 rows"), which may contain any digits. */
    private static String statementOf(String line) {
        return line.substring(0, line.lastIndexOf(" | "));
    }

    @Test
    void aStreamLogsTheRowsItReadWhenItCloses() {
        long read;
        try (Stream<Emp> emps = session.select(Emp.class).orderBy("empno").stream()) {
            read = emps.count();
        }

        assertThat(read).isEqualTo(14);
        assertThat(db.statements()).isEqualTo(1);
        assertThat(logged()).hasSize(2);
        assertThat(logged().get(0)).startsWith("tenon.sql DEBUG SELECT ").endsWith(" ms, streaming");
        assertThat(logged().get(1)).startsWith("tenon.sql DEBUG SELECT ").endsWith(" ms, 14 rows streamed");
    }
}
