package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.annotation.Version;
import dev.tenon.exception.StaleDataException;
import dev.tenon.exception.TenonException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The other types a {@code @Version} takes: timestamps, for a version that also says when the row last changed, and
 * boxed counters. A timestamp version is what the row holds to the microsecond, so the next UPDATE finds it; a
 * version column is NOT NULL, and a row that has no version all the same is refused with the fix.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class VersionTypesTest {
    @Table(name = "note", schema = "versions")
    static class Note {
        @Id(generation = Generation.ASSIGNED) Integer id;
        @Column(length = 40) String text;
        @Version @Column(name = "changed_at") Instant changedAt;

        Note() {
        }

        Note(int id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    @Table(name = "memo", schema = "versions")
    static class Memo {
        @Id(generation = Generation.ASSIGNED) Integer id;
        @Column(length = 40) String text;
        @Version LocalDateTime stamp;
    }

    @Table(name = "letter", schema = "versions")
    static class Letter {
        @Id(generation = Generation.ASSIGNED) Integer id;
        @Column(length = 40) String text;
        @Version OffsetDateTime stamp;
    }

    @Table(name = "ticket", schema = "versions")
    static class Ticket {
        @Id(generation = Generation.ASSIGNED) Integer id;
        @Column(length = 40) String text;
        @Version Integer version;
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Note.class, Memo.class, Letter.class, Ticket.class);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void anInstantVersionIsTheTimeOfTheWriteAndAlwaysMovesOn() {
        Note note = new Note(1, "first");
        session.add(note);
        session.commit();
        Instant inserted = note.changedAt;
        assertThat(inserted).isNotNull().isEqualTo(inserted.truncatedTo(ChronoUnit.MICROS));

        note.text = "second";
        long before = session.statistics().statements();
        session.commit();

        assertThat(session.statistics().statements() - before).isEqualTo(1);
        assertThat(note.changedAt).isAfter(inserted);
        try (Session fresh = db.database().openSession(db.metadata())) {
            assertThat(fresh.get(Note.class, 1).changedAt).as("what the row holds").isEqualTo(note.changedAt);
        }
    }

    @Test
    void aTimestampVersionCatchesALostUpdate() {
        Note note = new Note(1, "first");
        session.add(note);
        session.commit();
        Instant read = note.changedAt;
        try (Session other = db.database().openSession(db.metadata())) {
            other.get(Note.class, 1).text = "theirs";
            other.commit();
        }
        note.text = "mine";

        StaleDataException e = catchThrowableOfType(StaleDataException.class, session::commit);

        assertThat(e).hasMessageStartingWith("Note#1 was changed or deleted by another transaction");
        assertThat(note.changedAt).isEqualTo(read);
        assertThat(db.rows("SELECT text FROM versions.note WHERE id = 1").get(0)).containsExactly("theirs");
    }

    @Test
    void localAndOffsetTimestampVersionsRoundTrip() {
        Memo memo = new Memo();
        memo.id = 1;
        Letter letter = new Letter();
        letter.id = 1;
        session.addAll(memo, letter);
        session.commit();
        LocalDateTime memoStamp = memo.stamp;
        OffsetDateTime letterStamp = letter.stamp;

        memo.text = "changed";
        letter.text = "changed";
        session.commit();
        session.rollback();                                       // detaches: the next reads are the rows'
        Memo memoRow = session.get(Memo.class, 1);
        Letter letterRow = session.get(Letter.class, 1);

        assertThat(memoRow.stamp).isAfter(memoStamp).isEqualTo(memo.stamp);
        assertThat(letterRow.stamp.toInstant()).isAfter(letterStamp.toInstant()).isEqualTo(letter.stamp.toInstant());
        memoRow.text = "again";
        letterRow.text = "again";
        session.commit();
        assertThat(session.statistics().statements()).as("2 inserts, 2 updates, 2 reads, 2 updates").isEqualTo(8);
    }

    @Test
    void aBoxedCounterStartsAtOneWhenNull() {
        Ticket ticket = new Ticket();
        ticket.id = 1;
        session.add(ticket);
        session.commit();
        assertThat(ticket.version).isEqualTo(1);

        ticket.text = "x";
        session.commit();

        assertThat(ticket.version).isEqualTo(2);
        assertThat(db.rows("SELECT version FROM versions.ticket").get(0)).containsExactly(2);
    }

    @Test
    void theVersionColumnIsNotNull() {
        assertThat(db.schema().table("versions.ticket").column("version").nullable()).isFalse();
        assertThat(db.schema().table("versions.note").column("changed_at").nullable()).isFalse();
    }

    @Test
    void aRowWithoutAVersionIsRefusedBeforeAnythingIsWritten() {
        db.execute("ALTER TABLE versions.ticket ALTER COLUMN version " + (backend == Backend.POSTGRES ? "DROP NOT NULL" : "SET NULL"));
        db.execute("INSERT INTO versions.ticket (id, text, version) VALUES (1, 'old', NULL)");
        Ticket ticket = session.get(Ticket.class, 1);
        ticket.text = "new";
        long before = session.statistics().statements();

        TenonException e = catchThrowableOfType(TenonException.class, session::commit);

        assertThat(e).hasMessageStartingWith("Ticket#1 has no version (version is null)")
                .hasMessageContaining("UPDATE versions.ticket SET version = 1 WHERE version IS NULL");
        assertThat(session.statistics().statements() - before).isZero();
        assertThat(ticket.text).isEqualTo("new");
    }
}
