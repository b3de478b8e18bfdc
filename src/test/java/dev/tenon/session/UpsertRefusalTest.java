package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenon.api.Status;
import dev.tenon.exception.IdentityException;
import dev.tenon.exception.MappingException;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.session.UpsertTest.Country;
import dev.tenon.session.UpsertTest.Tag;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code session.upsert} refuses before any SQL (names that are not a unique constraint's columns, a null to
 * match on, an object the session holds as pending), and what a refusal by the database does: the transaction is
 * rolled back and every object is back as it was, as after a failed flush.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class UpsertRefusalTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Tag.class, Country.class);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void aMisspeltAttributeIsRefusedWithASuggestionBeforeAnySql() {
        assertThatThrownBy(() -> session.upsert(new Tag("java", "Java"), "cod"))
                .isInstanceOf(MappingException.class)
                .hasMessage("Cannot upsert Tag on 'cod': no such column attribute; did you mean 'code'? its columns are "
                        + "[id, code, label, phase, created]");
        assertThat(db.statements()).isZero();
    }

    @Test
    void attributesThatAreNotAUniqueConstraintAreRefusedWithTheCandidates() {
        assertThatThrownBy(() -> session.upsert(new Tag("java", "Java"), "label"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Cannot upsert Tag on [label]: they are not the columns of its primary key or of a unique constraint")
                .hasMessageContaining("name one of [[id], [code]]");
        assertThatThrownBy(() -> session.upsert(new Tag("java", "Java"), "code", "label"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("[code, label]");
        assertThatThrownBy(() -> session.upsert(new Tag("java", "Java"), "code", "code"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("'code' is named twice");
        assertThat(db.statements()).isZero();
    }

    @Test
    void aNullToMatchOnIsRefused() {
        assertThatThrownBy(() -> session.upsert(new Tag(null, "Java"), "code"))
                .isInstanceOf(IdentityException.class)
                .hasMessage("Cannot upsert Tag on [code]: its code is null, and a null matches no row; give it a value");
        assertThatThrownBy(() -> session.upsert(new Country(null, "Nowhere", 0)))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("its code is null");
        assertThatThrownBy(() -> session.upsert(null))
                .isInstanceOf(IdentityException.class)
                .hasMessage("Cannot upsert null: pass the object to write");
        assertThat(db.statements()).isZero();
    }

    @Test
    void aGeneratedKeyLeftNullIsAnInsertByKey() {
        Tag tag = session.upsert(new Tag("java", "Java"));

        assertThat(tag.id).isNotNull();
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void anObjectPendingInTheSessionIsRefused() {
        Country france = new Country("FR", "France", 67);
        session.add(france);

        assertThatThrownBy(() -> session.upsert(france))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("Cannot upsert Country#FR: it was added to this session, and the next flush inserts it");
        assertThat(db.statements()).isZero();
    }

    @Test
    void aNotNullViolationRollsBackAndLeavesTheObjectsAsBefore() {
        Country germany = new Country("DE", "Germany", 83);
        session.add(germany);
        session.flush();
        Country nameless = new Country("IT", null, 59);

        SqlExecutionException e = catchThrowableOfType(SqlExecutionException.class, () -> session.upsert(nameless));

        assertThat(e.sqlState()).isEqualTo("23502");
        assertThat(e.getMessage()).contains(backend == Backend.POSTGRES ? "ON CONFLICT (code)" : "MERGE INTO");
        // The flush ran, the upsert failed.
        assertThat(session.statistics().statements()).isEqualTo(1);
        assertThat(session.statistics().failures()).isEqualTo(1);
        assertThat(session.status(nameless)).isEqualTo(Status.TRANSIENT);
        assertThat(nameless.code).isEqualTo("IT");
        assertThat(nameless.population).isEqualTo(59);
        // The transaction was rolled back: the earlier flush is undone, its object pending again.
        assertThat(session.status(germany)).isEqualTo(Status.PENDING);
        assertThat(db.rows("SELECT COUNT(*) FROM upsert.country")).containsExactly(List.of(0L));

        nameless.name = "Italy";
        session.upsert(nameless);
        session.commit();
        assertThat(db.rows("SELECT code, name FROM upsert.country ORDER BY code"))
                .containsExactly(List.of("DE", "Germany"), List.of("IT", "Italy"));
    }

    @Test
    void aFailedUpdateOfTheSessionsObjectLeavesItsValuesAndCleanState() {
        db.execute("INSERT INTO upsert.country (code, name, population) VALUES ('FR', 'France', 67)");
        Country loaded = session.get(Country.class, "FR");
        session.upsert(new Country("FR", "France", 68));
        assertThat(loaded.population).isEqualTo(68);

        catchThrowableOfType(SqlExecutionException.class, () -> session.upsert(new Country("FR", null, 69)));

        // Back as when the transaction began: the first upsert is undone too, and nothing is left to flush.
        assertThat(loaded.population).isEqualTo(67);
        assertThat(session.status(loaded)).isEqualTo(Status.PERSISTENT);
        long before = session.statistics().statements();
        session.flush();
        assertThat(session.statistics().statements()).isEqualTo(before);
        assertThat(db.rows("SELECT population FROM upsert.country")).containsExactly(List.of(67));
    }
}
