package dev.tenon.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Table;
import dev.tenon.engine.StatementKind;
import dev.tenon.exception.StaleDataException;
import dev.tenon.metadata.mapped.Audited;
import dev.tenon.metadata.mapped.Named;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Entities below two levels of mapped superclass, end to end: the inherited key is generated, the inherited server
 * default read back, the inherited supplier applied, the inherited version checked; and a write of an inherited field
 * is seen wherever it is made (a method of the subclass, of the superclass, any other class).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class MappedSuperclassTest {
    @Table(name = "tag", schema = "mapped")
    static class Tag extends Named {
        @Column(length = 20) String color;

        /** Writes an inherited field from a method of the subclass. */
        void shout() {
            name = name.toUpperCase();
        }
    }

    @Table(name = "memo", schema = "mapped")
    static class Memo extends Audited {
        @Column(length = 100) String body;
    }

    @Parameter
    Backend backend;

    TestDb db;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Tag.class, Memo.class);
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Tag saved(String name) {
        Tag tag = new Tag();
        tag.name = name;
        tag.color = "red";
        try (Session session = db.database().openSession(db.metadata())) {
            session.add(tag);
            session.commit();
        }
        log.clear();
        return tag;
    }

    @Test
    void theInheritedFieldsAreColumnsOfEachTableBeforeItsOwn() {
        assertThat(db.metadata().entity(Tag.class).columns()).extracting(ColumnModel::name)
                .containsExactly("id", "created", "updated", "version", "name", "color");
        assertThat(db.metadata().entity(Memo.class).columns()).extracting(ColumnModel::name)
                .containsExactly("id", "created", "updated", "version", "body");
        assertThat(db.metadata().entity(Tag.class).version().attribute()).isEqualTo("version");
    }

    @Test
    void anInsertGeneratesTheInheritedKeyAndFillsTheInheritedAuditColumns() {
        Tag tag = saved("urgent");

        assertThat(tag.id()).isNotNull();
        assertThat(tag.created()).isNotNull().isAfter(Instant.now().minus(1, ChronoUnit.HOURS));
        assertThat(tag.updated()).isEqualTo(Audited.NOW);
        assertThat(tag.version()).isEqualTo(1);
        assertThat(db.rows("SELECT name, color, version FROM mapped.tag")).containsExactly(List.of("urgent", "red", 1L));
    }

    @Test
    void aRowReadBackHasItsInheritedValuesAndIsNotDirty() {
        Tag tag = saved("urgent");
        try (Session session = db.database().openSession(db.metadata())) {
            Tag read = session.get(Tag.class, tag.id());
            session.flush();

            assertThat(read.name).isEqualTo("urgent");
            assertThat(read.created()).isEqualTo(tag.created());
            assertThat(read.version()).isEqualTo(1);
            assertThat(session.statistics().statements()).isEqualTo(1);
            assertThat(session.statistics().statements(StatementKind.UPDATE)).isZero();
        }
    }

    @Test
    void aWriteOfAnInheritedFieldFromTheSubclassIsFlushed() {
        assertOneUpdateOfName(saved("urgent"), Tag::shout, "URGENT");
    }

    @Test
    void aWriteOfAnInheritedFieldFromTheSuperclassIsFlushed() {
        assertOneUpdateOfName(saved("urgent"), tag -> tag.rename("later"), "later");
    }

    @Test
    void aWriteOfAnInheritedFieldFromAnotherClassIsFlushed() {
        assertOneUpdateOfName(saved("urgent"), tag -> tag.name = "done", "done");
    }

    private void assertOneUpdateOfName(Tag saved, java.util.function.Consumer<Tag> change, String expected) {
        try (Session session = db.database().openSession(db.metadata())) {
            Tag tag = session.get(Tag.class, saved.id());
            log.clear();
            change.accept(tag);

            session.commit();

            assertThat(log.sql()).containsExactly(
                    "UPDATE mapped.tag SET name = ?, updated = ?, version = ? WHERE id = ? AND version = ?");
            assertThat(tag.version()).isEqualTo(2);
        }
        assertThat(db.rows("SELECT name, version FROM mapped.tag")).containsExactly(List.of(expected, 2L));
    }

    @Test
    void aPrivateInheritedFieldWrittenByItsOwnClassIsFlushed() {
        Tag saved = saved("urgent");
        try (Session session = db.database().openSession(db.metadata())) {
            Tag tag = session.get(Tag.class, saved.id());
            tag.backdate(2);
            session.commit();

            assertThat(session.statistics().statements(StatementKind.UPDATE)).isEqualTo(1);
        }
        try (Session session = db.database().openSession(db.metadata())) {
            assertThat(session.get(Tag.class, saved.id()).created()).isEqualTo(saved.created().minus(2, ChronoUnit.DAYS));
        }
    }

    @Test
    void theInheritedVersionDetectsAConcurrentUpdate() {
        Tag saved = saved("urgent");
        try (Session first = db.database().openSession(db.metadata());
             Session second = db.database().openSession(db.metadata())) {
            Tag mine = first.get(Tag.class, saved.id());
            Tag theirs = second.get(Tag.class, saved.id());
            theirs.name = "theirs";
            second.commit();
            mine.name = "mine";

            assertThatThrownBy(first::commit).isInstanceOf(StaleDataException.class).hasMessageContaining("Tag#" + saved.id());
        }
        assertThat(db.rows("SELECT name FROM mapped.tag")).containsExactly(List.of("theirs"));
    }

    @Test
    void twoEntitiesShareTheSuperclassButNotTheirTables() {
        Memo memo = new Memo();
        memo.body = "x'); DROP TABLE mapped.tag; --";
        try (Session session = db.database().openSession(db.metadata())) {
            session.add(memo);
            session.add(new Tag());
            session.commit();
        }

        assertThat(db.rows("SELECT body, version FROM mapped.memo")).containsExactly(List.of(memo.body, 1L));
        assertThat(db.rows("SELECT count(*) FROM mapped.tag")).containsExactly(List.of(1L));
    }
}
