package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.api.Status;
import dev.tenon.engine.StatementKind;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code session.upsert}: one statement inserts the row or updates the one it conflicts with, on the primary key or
 * a unique constraint, and the object comes back persistent and clean with what the row holds. On both databases
 * the upsert is one statement, counted as an INSERT (H2's MERGE in a delta table included).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class UpsertTest {
    /** A generated key, a unique natural code, and two server defaults. */
    @Table(name = "tag", schema = "upsert")
    static class Tag {
        @Id @Column Long id;
        @Column(length = 20, unique = true) String code;
        @Column(length = 60) String label;
        @Column(length = 10, serverDefault = "'fresh'") String phase;
        @Column(serverDefault = "now") Instant created;

        Tag() {
        }

        Tag(String code, String label) {
            this.code = code;
            this.label = label;
        }
    }

    /** A natural key, always assigned. */
    @Table(name = "country", schema = "upsert")
    static class Country {
        @Id(generation = Generation.ASSIGNED) @Column(length = 2) String code;
        @Column(length = 40, nullable = false) String name;
        @Column Integer population;

        Country() {
        }

        Country(String code, String name, Integer population) {
            this.code = code;
            this.name = name;
            this.population = population;
        }
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Tag.class, Country.class);
        session = db.database().openSession(db.metadata());
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private List<List<Object>> tags() {
        return db.rows("SELECT id, code, label, phase FROM upsert.tag ORDER BY id");
    }

    @Test
    void anAbsentRowIsInsertedWithItsGeneratedKeyAndServerDefaultsReadBack() {
        Tag tag = new Tag("java", "Java");

        Tag upserted = session.upsert(tag, "code");

        assertThat(upserted).isSameAs(tag);
        assertThat(tag.id).isNotNull();
        assertThat(tag.phase).isEqualTo("fresh");
        assertThat(tag.created).isNotNull();
        assertThat(session.status(tag)).isEqualTo(Status.PERSISTENT);
        assertThat(session.statistics().statements()).isEqualTo(1);
        assertThat(session.statistics().statements(StatementKind.INSERT)).isEqualTo(1);
        assertThat(log.sql().get(0)).contains(backend == Backend.POSTGRES ? "ON CONFLICT (code) DO UPDATE SET" : "MERGE INTO");
        session.commit();
        assertThat(tags()).containsExactly(List.of(tag.id, "java", "Java", "fresh"));
    }

    @Test
    void aPresentRowIsUpdatedInOneStatementAndItsKeyAndDefaultsReadBack() {
        db.execute("INSERT INTO upsert.tag (code, label, phase) VALUES ('java', 'old', 'kept')");
        Object id = db.rows("SELECT id FROM upsert.tag").get(0).get(0);

        Tag tag = session.upsert(new Tag("java", "Java"), "code");

        assertThat(((Number) id).longValue()).isEqualTo(tag.id);
        // Left null, a column with a server default keeps the row's value on update, and the object shows it.
        assertThat(tag.phase).isEqualTo("kept");
        assertThat(tag.created).isNotNull();
        assertThat(session.statistics().statements()).isEqualTo(1);
        session.commit();
        assertThat(tags()).containsExactly(List.of(id, "java", "Java", "kept"));
    }

    @Test
    void aGeneratedKeyGivenByTheObjectIsTheConflictOfAnUpsertByKey() {
        Tag first = session.upsert(new Tag("java", "Java"));
        session.commit();
        Tag again = new Tag("jvm", "The JVM");
        again.id = first.id;

        try (Session other = db.database().openSession(db.metadata())) {
            Tag upserted = other.upsert(again);
            other.commit();
            assertThat(upserted).isSameAs(again);
            assertThat(other.statistics().statements()).isEqualTo(1);
        }

        assertThat(tags()).containsExactly(List.of(first.id, "jvm", "The JVM", "fresh"));
    }

    @Test
    void aNaturalKeyRowIsInsertedThenUpdated() {
        session.upsert(new Country("FR", "France", 67));
        session.commit();

        Country updated;
        try (Session other = db.database().openSession(db.metadata())) {
            updated = other.upsert(new Country("FR", "France", 68));
            other.commit();
            assertThat(other.statistics().statements()).isEqualTo(1);
        }

        assertThat(updated.population).isEqualTo(68);
        assertThat(session.statistics().statements()).isEqualTo(1);
        assertThat(db.rows("SELECT code, name, population FROM upsert.country")).containsExactly(List.of("FR", "France", 68));
    }

    @Test
    void theObjectTheSessionHoldsForTheRowGetsTheValuesAndIsReturned() {
        db.execute("INSERT INTO upsert.country (code, name, population) VALUES ('FR', 'France', 67)");
        Country loaded = session.get(Country.class, "FR");
        Country given = new Country("FR", "République française", 68);

        Country upserted = session.upsert(given, "code");

        assertThat(upserted).isSameAs(loaded);
        assertThat(loaded.name).isEqualTo("République française");
        assertThat(loaded.population).isEqualTo(68);
        assertThat(session.status(given)).isEqualTo(Status.TRANSIENT);
        assertThat(given.name).isEqualTo("République française");
        // The get and the upsert; the flush finds nothing to write, since the session's object is clean.
        assertThat(session.statistics().statements()).isEqualTo(2);
        session.flush();
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void anObjectOfTheSessionIsFlushedThenUpsertedAndStaysItself() {
        db.execute("INSERT INTO upsert.country (code, name, population) VALUES ('FR', 'France', 67)");
        Country loaded = session.get(Country.class, "FR");
        loaded.population = 68;

        Country upserted = session.upsert(loaded);

        assertThat(upserted).isSameAs(loaded);
        // The get, the autoflush's UPDATE of the changed column, the upsert.
        assertThat(log.entries()).extracting(StatementLog.Entry::kind)
                .containsExactly(StatementKind.SELECT, StatementKind.UPDATE, StatementKind.INSERT);
        session.commit();
        assertThat(db.rows("SELECT population FROM upsert.country")).containsExactly(List.of(68));
    }

    @Test
    void aLaterChangeIsFlushedAsAnUpdateOfThatColumnOnly() {
        Tag tag = session.upsert(new Tag("java", "Java"), "code");
        session.flush();
        assertThat(session.statistics().statements()).isEqualTo(1);
        log.clear();

        tag.label = "The Java language";
        session.flush();

        assertThat(log.entries()).hasSize(1);
        assertThat(log.entries().get(0).kind()).isEqualTo(StatementKind.UPDATE);
        assertThat(log.sql().get(0)).isEqualTo("UPDATE upsert.tag SET label = ? WHERE id = ?");
        session.commit();
        assertThat(tags()).containsExactly(List.of(tag.id, "java", "The Java language", "fresh"));
    }

    @Test
    void pendingWorkIsFlushedBeforeTheUpsert() {
        Country germany = new Country("DE", "Germany", 83);
        session.add(germany);

        session.upsert(new Country("FR", "France", 67));

        assertThat(log.entries()).extracting(StatementLog.Entry::kind).containsExactly(StatementKind.INSERT, StatementKind.INSERT);
        assertThat(log.sql().get(1)).contains(backend == Backend.POSTGRES ? "ON CONFLICT" : "MERGE");
        assertThat(session.status(germany)).isEqualTo(Status.PERSISTENT);
    }

    @Test
    void aValueWithQuotesIsBoundAndMatched() {
        String code = "it's'); --";
        String label = "O'Brien'); DROP TABLE upsert.tag; --";
        session.upsert(new Tag(code, "first"), "code");
        Tag second = session.upsert(new Tag(code, label), "code");
        session.commit();

        assertThat(tags()).containsExactly(List.of(second.id, code, label, "fresh"));
        assertThat(log.sql()).noneMatch(sql -> sql.contains("O'Brien") || sql.contains("DROP"));
    }

    @Test
    void aRollbackMakesAnUpsertedObjectTransientAgainWithItsOwnValues() {
        Tag tag = new Tag("java", "Java");
        session.upsert(tag, "code");

        session.rollback();

        assertThat(session.status(tag)).isEqualTo(Status.TRANSIENT);
        assertThat(tag.id).isNull();
        assertThat(tag.phase).isNull();
        assertThat(tags()).isEmpty();
    }

    @Test
    void aRollbackLeavesAnUpsertedDetachedObjectDetached() {
        Country france = session.upsert(new Country("FR", "France", 67));
        session.commit();
        session.close();
        session = db.database().openSession(db.metadata());
        france.population = 68;

        session.upsert(france);
        session.rollback();

        assertThat(session.status(france)).isEqualTo(Status.DETACHED);
        assertThat(db.rows("SELECT population FROM upsert.country")).containsExactly(List.of(67));
    }
}
