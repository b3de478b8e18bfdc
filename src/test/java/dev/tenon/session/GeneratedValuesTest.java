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
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values the database computes (identity keys, server defaults, columns changed on update) are on the objects
 * after the flush without a refresh; client-side defaults and update values are applied before writing.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class GeneratedValuesTest {
    /** The client-side default of {@link Note#state}. */
    static final class Draft implements Supplier<String> {
        @Override
        public String get() {
            return "draft";
        }
    }

    /** The client-side update value of {@link Note#editedBy}. */
    static final class Editor implements Supplier<String> {
        @Override
        public String get() {
            return "tenon";
        }
    }

    @Table(name = "note", schema = "generated")
    static class Note {
        @Id @Column Long id;
        @Column(length = 40) String body;
        @Column(serverDefault = "now") Instant created;
        @Column(serverDefault = "'new'", length = 10) String phase;
        @Column(insertDefault = Draft.class, length = 10) String state;
        @Column(updateValue = Editor.class, length = 10) String editedBy;
        @Column(serverOnUpdate = Column.FETCHED, length = 10) String touched;

        Note() {
        }

        Note(String body) {
            this.body = body;
        }
    }

    /** A key in a primitive field: 0, its default, stands for "not set yet". */
    @Table(name = "counter", schema = "generated")
    static class Counter {
        @Id @Column long id;
        @Column(length = 10) String name;

        Counter() {
        }

        Counter(String name) {
            this.name = name;
        }
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Note.class, Counter.class);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void identityKeysAreOnTheObjectsAfterFlush() {
        Note first = new Note("first");
        Note second = new Note("second");
        session.addAll(first, second);

        session.commit();

        assertThat(first.id).isNotNull();
        assertThat(second.id).isNotNull().isNotEqualTo(first.id);
        assertThat(db.rows("SELECT body FROM generated.note WHERE id = ?", second.id)).containsExactly(List.of("second"));
        assertThat(session.get(Note.class, first.id)).isSameAs(first);
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aPrimitiveIdentityKeyLeftAtZeroIsGeneratedByTheDatabase() {
        Counter first = new Counter("first");
        Counter second = new Counter("second");
        session.addAll(first, second);

        session.commit();

        assertThat(first.id).isPositive();
        assertThat(second.id).isPositive().isNotEqualTo(first.id);
        assertThat(db.rows("SELECT COUNT(*) FROM generated.counter WHERE id > 0")).containsExactly(List.of(2L));
    }

    @Test
    void aNowDefaultIsReadBackAfterInsert() {
        Instant before = Instant.now().minusSeconds(5);
        Note note = new Note("timed");
        session.add(note);

        session.flush();

        assertThat(note.created).isBetween(before, Instant.now().plusSeconds(5));
        assertThat(session.statistics().statements()).isEqualTo(1);
        session.commit();
        Object stored = db.rows("SELECT created FROM generated.note").get(0).get(0);
        // What getObject returns for a zoned timestamp differs: H2 an OffsetDateTime, PostgreSQL a Timestamp.
        Instant storedInstant = stored instanceof OffsetDateTime offset ? offset.toInstant() : ((Timestamp) stored).toInstant();
        assertThat(storedInstant).isEqualTo(note.created);
    }

    @Test
    void aLiteralServerDefaultIsReadBackAfterInsert() {
        Note note = new Note("literal");
        session.add(note);

        session.flush();

        assertThat(note.phase).isEqualTo("new");
    }

    @Test
    void anExplicitValueWinsOverTheServerDefault() {
        Note note = new Note("explicit");
        note.created = Instant.parse("2001-02-03T04:05:06Z");
        note.phase = "old";
        session.add(note);

        session.commit();

        assertThat(note.created).isEqualTo(Instant.parse("2001-02-03T04:05:06Z"));
        assertThat(db.rows("SELECT phase FROM generated.note")).containsExactly(List.of("old"));
    }

    @Test
    void theServerDefaultsReadBackDoNotMakeTheObjectDirty() {
        session.add(new Note("clean"));
        session.flush();

        session.flush();

        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void anInsertDefaultIsAppliedWhenTheFieldIsNull() {
        Note defaulted = new Note("defaulted");
        Note given = new Note("given");
        given.state = "final";
        session.addAll(defaulted, given);

        session.commit();

        assertThat(defaulted.state).isEqualTo("draft");
        assertThat(given.state).isEqualTo("final");
        assertThat(db.rows("SELECT body, state FROM generated.note ORDER BY body"))
                .containsExactly(List.of("defaulted", "draft"), List.of("given", "final"));
    }

    @Test
    void anUpdateValueIsAppliedOnUpdateOnly() {
        Note note = new Note("edited");
        session.add(note);
        session.commit();
        assertThat(note.editedBy).isNull();

        note.body = "edited again";
        session.commit();

        assertThat(note.editedBy).isEqualTo("tenon");
        assertThat(db.rows("SELECT edited_by FROM generated.note".replace("edited_by", quoted("editedBy")))).containsExactly(List.of("tenon"));
    }

    @Test
    void anUpdateValueDoesNotMakeAnUnchangedObjectDirty() {
        session.add(new Note("unchanged"));
        session.commit();

        session.commit();

        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aColumnTheDatabaseChangesOnUpdateIsReadBackAfterTheUpdate() {
        installOnUpdateRule();
        Note note = new Note("watched");
        session.add(note);
        session.commit();

        note.body = "changed";
        session.flush();

        assertThat(note.touched).isEqualTo("server");
        // Read back by the UPDATE itself (RETURNING on PostgreSQL, generated keys on H2): no SELECT.
        assertThat(session.statistics().byKind()).containsEntry(StatementKind.UPDATE, 1L).doesNotContainKey(StatementKind.SELECT);
        session.flush();
        assertThat(session.statistics().statements()).isEqualTo(2);
    }

    @Test
    void theColumnsChangedOnUpdateAreReadBackForAWholeBatchByTheUpdateItself() {
        installOnUpdateRule();
        List<Note> notes = List.of(new Note("a"), new Note("b"), new Note("c"));
        session.addAll(notes);
        session.commit();
        notes.forEach(note -> note.body = note.body + "!");

        session.flush();

        assertThat(notes).allSatisfy(note -> assertThat(note.touched).isEqualTo("server"));
        assertThat(session.statistics().byKind()).containsEntry(StatementKind.UPDATE, 1L).doesNotContainKey(StatementKind.SELECT);
        assertThat(session.statistics().statements()).as("the INSERT and the UPDATE").isEqualTo(2);
    }

    /** Makes the database set {@code touched} to 'server' on every update, each in its own way, as a user would. */
    private void installOnUpdateRule() {
        if (backend == Backend.H2) {
            db.execute("ALTER TABLE generated.note ALTER COLUMN touched SET ON UPDATE 'server'");
        } else {
            db.execute("CREATE FUNCTION generated.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched := 'server'; RETURN NEW; END $$");
            db.execute("CREATE TRIGGER note_touch BEFORE UPDATE ON generated.note FOR EACH ROW EXECUTE FUNCTION generated.touch()");
        }
    }

    private static String quoted(String name) {
        return '"' + name + '"';
    }
}
