package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.engine.StatementKind;
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
 * A last-modified timestamp computed by the database ({@code serverDefault = "now", serverOnUpdate = "now"}, the
 * seeds' {@code server_default=func.now()} with its {@code onupdate}): after a flush the object shows what the
 * database wrote, read back by the UPDATE statement itself. That costs nothing more on either database: PostgreSQL
 * answers with {@code RETURNING}, H2 2.x with the generated keys of the UPDATE; so a flush of changed rows is one
 * statement per batch, as without the column.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ServerOnUpdateTest {
    @Table(name = "page", schema = "onupdate")
    static class Page {
        @Id @Column Long id;
        @Column(length = 40) String body;
        @Column(serverDefault = "now", serverOnUpdate = "now") Instant updated;
        @Column(length = 10, serverDefault = "'new'", serverOnUpdate = "'edited'") String phase;

        Page() {
        }

        Page(String body) {
            this.body = body;
        }
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Page.class);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void anUpdateReadsTheValuesTheDatabaseComputedWithoutAStatementMore() {
        Page page = new Page("first");
        page.updated = Instant.parse("2001-02-03T04:05:06Z");
        session.add(page);
        session.commit();
        assertThat(page.phase).isEqualTo("new");
        long before = session.statistics().statements();

        page.body = "second";
        session.flush();

        assertThat(page.phase).isEqualTo("edited");
        assertThat(page.updated).isAfter(Instant.now().minusSeconds(60));
        assertThat(session.statistics().statements() - before).isEqualTo(1);
        assertThat(session.statistics().byKind()).doesNotContainKey(StatementKind.SELECT);
        session.commit();
        List<Object> row = db.rows("SELECT phase, updated FROM onupdate.page").get(0);
        assertThat(row.get(0)).isEqualTo("edited");
        assertThat(instant(row.get(1))).isEqualTo(page.updated);
    }

    @Test
    void aWholeBatchIsReadBackByItsOneUpdate() {
        List<Page> pages = List.of(new Page("a"), new Page("b"), new Page("c"));
        session.addAll(pages);
        session.commit();
        assertThat(pages).allSatisfy(page -> assertThat(page.phase).isEqualTo("new"));
        long before = session.statistics().statements();
        pages.forEach(page -> page.body = page.body + "!");

        session.flush();

        assertThat(pages).allSatisfy(page -> assertThat(page.phase).isEqualTo("edited"));
        assertThat(session.statistics().statements() - before).isEqualTo(1);
    }

    @Test
    void aValueSetByTheApplicationWinsOverTheDatabasesOwn() {
        Page page = new Page("first");
        session.add(page);
        session.commit();

        page.body = "second";
        page.phase = "final";
        session.commit();

        assertThat(page.phase).isEqualTo("final");
        assertThat(db.rows("SELECT phase FROM onupdate.page")).containsExactly(List.of("final"));
    }

    @Test
    void theValuesReadBackDoNotMakeTheObjectDirty() {
        Page page = new Page("first");
        session.add(page);
        session.commit();
        page.body = "second";
        session.flush();
        long after = session.statistics().statements();

        session.flush();

        assertThat(session.statistics().statements()).isEqualTo(after);
    }

    private static Instant instant(Object value) {
        // What getObject returns for a zoned timestamp differs: H2 an OffsetDateTime, PostgreSQL a Timestamp.
        return value instanceof OffsetDateTime offset ? offset.toInstant() : ((Timestamp) value).toInstant();
    }
}
