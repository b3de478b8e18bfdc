package dev.tenon.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementKind;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.SchemaSnapshot;
import dev.tenon.testing.TestDb;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/** createAll and dropAll can be repeated safely, run through the executor, and are counted and logged. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class CreateDropTest {
    @Parameter
    Backend backend;

    TestDb db;
    Ddl ddl;

    @BeforeEach
    void open() {
        db = backend.openEmpty(Dept.class, Emp.class);
        ddl = Ddl.of(db.metadata());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createAllTwiceCreatesNothingTheSecondTime() {
        List<String> first = ddl.createAll(db.database().engine());
        SchemaSnapshot before = db.schema();
        long statements = db.statements();

        List<String> second = ddl.createAll(db.database().engine());

        assertThat(first).hasSize(3);
        assertThat(second).isEmpty();
        assertThat(db.statements()).isEqualTo(statements);
        assertThat(shape(db.schema())).isEqualTo(shape(before));
    }

    @Test
    void createAllCreatesOnlyTheMissingTables() {
        db.execute("CREATE SCHEMA IF NOT EXISTS scott");
        db.execute("CREATE TABLE scott.dept (deptno INTEGER PRIMARY KEY, dname VARCHAR(14), loc VARCHAR(13))");

        List<String> ran = ddl.createAll(db.database().engine());

        assertThat(ran).singleElement().satisfies(sql -> assertThat(sql).startsWith("CREATE TABLE scott.emp"));
        assertThat(db.schema().tableNames()).containsExactlyInAnyOrder("scott.dept", "scott.emp");
    }

    @Test
    void dropAllThenCreateAllGivesTheSameSchema() {
        ddl.createAll(db.database().engine());
        Map<String, Object> created = shape(db.schema());

        ddl.dropAll(db.database().engine());
        assertThat(db.schema().tableNames()).isEmpty();
        ddl.createAll(db.database().engine());

        assertThat(shape(db.schema())).isEqualTo(created);
    }

    @Test
    void dropAllDropsChildrenBeforeParentsAndKeepsTheSchema() {
        ddl.createAll(db.database().engine());

        List<String> ran = ddl.dropAll(db.database().engine());

        assertThat(ran).containsExactly("DROP TABLE IF EXISTS scott.emp", "DROP TABLE IF EXISTS scott.dept");
        assertThat(db.schema().hasSchema("scott")).isTrue();
    }

    @Test
    void dropAllOnAnEmptyDatabaseDropsNothing() {
        assertThat(ddl.dropAll(db.database().engine())).isEmpty();
    }

    @Test
    void everyDdlStatementIsCountedInTheStatistics() {
        List<String> created = ddl.createAll(db.database().engine());
        assertThat(db.database().statistics().statements(StatementKind.DDL)).isEqualTo(created.size());

        List<String> dropped = ddl.dropAll(db.database().engine());

        assertThat(db.database().statistics().statements(StatementKind.DDL)).isEqualTo(created.size() + dropped.size());
        assertThat(db.statements()).isEqualTo(created.size() + dropped.size());
    }

    @Test
    void everyDdlStatementIsLoggedOnTheSqlLogger() {
        Logger sqlLog = (Logger) LoggerFactory.getLogger("tenon.sql");
        Level level = sqlLog.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        sqlLog.addAppender(appender);
        sqlLog.setLevel(Level.DEBUG);
        try {
            List<String> ran = ddl.createAll(db.database().engine());

            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(ran.size())
                    .allSatisfy(message -> assertThat(ran).anyMatch(message::startsWith));
        } finally {
            sqlLog.setLevel(level);
            sqlLog.detachAppender(appender);
        }
    }

    @Test
    void withoutCheckFirstCreatingAnExistingTableFailsWithItsSql() {
        ddl.createAll(db.database().engine());

        assertThatThrownBy(() -> ddl.checkFirst(false).createAll(db.database().engine()))
                .isInstanceOf(SqlExecutionException.class)
                .satisfies(e -> assertThat(((SqlExecutionException) e).sql()).startsWith("CREATE TABLE scott.dept"));
    }

    @Test
    void withoutCheckFirstDroppingMissingTablesFails() {
        assertThatThrownBy(() -> ddl.checkFirst(false).dropAll(db.database().engine()))
                .isInstanceOf(SqlExecutionException.class)
                .satisfies(e -> assertThat(((SqlExecutionException) e).sql()).isEqualTo("DROP TABLE scott.emp"));
    }

    /**
     * What must survive a drop and re-create: every table's columns, keys, and the shape of its indexes. Index
     * names are left out: H2 names the indexes behind keys with a counter that differs from one creation to the next.
     */
    private static Map<String, Object> shape(SchemaSnapshot schema) {
        Map<String, Object> shape = new TreeMap<>();
        for (String name : schema.tableNames()) {
            SchemaSnapshot.Table table = schema.table(name);
            shape.put(name, List.of(table.columns(), String.valueOf(table.primaryKeyName()), table.primaryKey(),
                    table.foreignKeys(), table.indexes().stream().map(i -> i.unique() + " " + i.columns()).sorted().toList()));
        }
        return shape;
    }
}
