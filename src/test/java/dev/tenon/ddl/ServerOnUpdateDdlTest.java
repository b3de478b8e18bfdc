package dev.tenon.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code serverOnUpdate}: createAll makes the database itself set the column on every UPDATE that leaves it alone,
 * whoever writes the UPDATE (H2: the column's ON UPDATE clause; PostgreSQL: a trigger and its function), and
 * dropAll takes it all away again.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ServerOnUpdateDdlTest {
    @Table(name = "page", schema = "wiki")
    static class Page {
        @Id Integer id;
        @Column(length = 40) String body;
        @Column(serverDefault = "now", serverOnUpdate = "now") Instant updated;
        @Column(length = 10, serverDefault = "'new'", serverOnUpdate = "'edited'") String phase;
    }

    @Parameter
    Backend backend;

    TestDb db;
    List<String> ran;

    @BeforeEach
    void open() {
        db = backend.openEmpty(Page.class);
        ran = db.database().createAll(db.metadata());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void eachDatabaseGetsWhatItNeeds() {
        if (backend == Backend.H2) {
            assertThat(ran).hasSize(2);
            assertThat(ran.get(1)).contains("    updated TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,\n",
                    "    phase VARCHAR(10) DEFAULT 'new' ON UPDATE 'edited',\n");
        } else {
            assertThat(ran).hasSize(4);
            assertThat(ran.get(2)).isEqualTo("""
                    CREATE OR REPLACE FUNCTION wiki.page_on_update() RETURNS trigger LANGUAGE plpgsql AS $tenon$
                    BEGIN
                        IF NEW.updated IS NOT DISTINCT FROM OLD.updated THEN
                            NEW.updated := now();
                        END IF;
                        IF NEW.phase IS NOT DISTINCT FROM OLD.phase THEN
                            NEW.phase := 'edited';
                        END IF;
                        RETURN NEW;
                    END
                    $tenon$""");
            assertThat(ran.get(3)).isEqualTo("CREATE TRIGGER page_on_update BEFORE UPDATE ON wiki.page FOR EACH ROW EXECUTE FUNCTION wiki.page_on_update()");
        }
    }

    @Test
    void theDatabaseSetsTheColumnsOnAnUpdateWrittenByHand() {
        db.execute("INSERT INTO wiki.page (id, body, updated) VALUES (1, 'first', TIMESTAMP WITH TIME ZONE '2001-02-03 04:05:06+00')");
        assertThat(db.rows("SELECT phase FROM wiki.page")).containsExactly(List.of("new"));

        db.execute("UPDATE wiki.page SET body = 'second'");

        List<Object> row = db.rows("SELECT phase, updated FROM wiki.page").get(0);
        assertThat(row.get(0)).isEqualTo("edited");
        assertThat(instant(row.get(1))).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void aColumnTheUpdateSetsItselfKeepsThatValue() {
        db.execute("INSERT INTO wiki.page (id, body) VALUES (1, 'first')");

        db.execute("UPDATE wiki.page SET body = 'second', phase = 'mine', updated = TIMESTAMP WITH TIME ZONE '2001-02-03 04:05:06+00'");

        List<Object> row = db.rows("SELECT phase, updated FROM wiki.page").get(0);
        assertThat(row.get(0)).isEqualTo("mine");
        assertThat(instant(row.get(1))).isEqualTo(Instant.parse("2001-02-03T04:05:06Z"));
    }

    @Test
    void aSecondCreateAllRunsNothingAndTheRuleStillHolds() {
        assertThat(db.database().createAll(db.metadata())).isEmpty();

        db.execute("INSERT INTO wiki.page (id, body) VALUES (1, 'first')");
        db.execute("UPDATE wiki.page SET body = 'second'");
        assertThat(db.rows("SELECT phase FROM wiki.page")).containsExactly(List.of("edited"));
    }

    @Test
    void dropAllLeavesNoFunctionBehindAndCreateAllWorksAgain() {
        List<String> dropped = db.database().dropAll(db.metadata());

        if (backend == Backend.H2) {
            assertThat(dropped).containsExactly("DROP TABLE IF EXISTS wiki.page");
        } else {
            assertThat(dropped).containsExactly("DROP TABLE IF EXISTS wiki.page", "DROP FUNCTION IF EXISTS wiki.page_on_update()");
            assertThat(db.rows("SELECT count(*) FROM pg_proc WHERE proname = 'page_on_update'")).containsExactly(List.of(0L));
        }
        assertThat(db.database().createAll(db.metadata())).isEqualTo(ran.subList(1, ran.size()));
    }

    @Test
    void theScriptsAreWhatCreateAllAndDropAllRun() {
        assertThat(Ddl.of(db.metadata()).createScript(db.dialect())).isEqualTo(ran);

        List<String> dropped = Ddl.of(db.metadata()).checkFirst(false).dropAll(db.database().engine());

        assertThat(Ddl.of(db.metadata()).dropScript(db.dialect())).isEqualTo(dropped);
    }

    private static Instant instant(Object value) {
        // What getObject returns for a zoned timestamp differs: H2 an OffsetDateTime, PostgreSQL a Timestamp.
        return value instanceof OffsetDateTime offset ? offset.toInstant() : ((Timestamp) value).toInstant();
    }
}
