package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Lazy;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.engine.StatementKind;
import dev.tenon.exception.TenonException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code viewOnly} relationship, a second view over a foreign key another relationship writes, loads like any
 * other and is never written: changing it in memory runs no statement, and deleting its parent does not read it.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ViewOnlyTest {
    @Table(name = "author", schema = "viewonly")
    static class Author {
        @Id @Column Integer id;
        @Column(length = 20) String name;

        @Relationship(backPopulates = "author", orderBy = "id")
        List<Note> notes;

        @Relationship(viewOnly = true, orderBy = "id desc")
        List<Note> latest;

        @Relationship(viewOnly = true, lazy = Lazy.DYNAMIC)
        List<Note> search;
    }

    @Table(name = "note", schema = "viewonly")
    static class Note {
        @Id @Column Integer id;
        @Column(length = 20) String text;
        @Column @ForeignKey("viewonly.author.id") Integer authorId;

        @Relationship(backPopulates = "notes")
        Author author;
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Author.class, Note.class);
        db.execute("INSERT INTO viewonly.author (id, name) VALUES (1, 'ann'), (2, 'ben')");
        db.execute("INSERT INTO viewonly.note (id, text, \"authorId\") VALUES (1, 'first', 1), (2, 'second', 1), (3, 'other', 2)");
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private List<List<Object>> notes() {
        return db.rows("SELECT id, \"authorId\" FROM viewonly.note ORDER BY id");
    }

    @Test
    void aViewOnlyCollectionLoadsLikeAnyOther() {
        Author ann = session.get(Author.class, 1);

        assertThat(ann.latest).extracting(note -> note.text).containsExactly("second", "first");
        assertThat(session.statistics().statements(StatementKind.SELECT)).isEqualTo(2);
    }

    @Test
    void changingAViewOnlyCollectionWritesNothing() {
        Author ann = session.get(Author.class, 1);
        Note other = session.get(Note.class, 3);

        ann.latest.remove(0);
        ann.latest.add(other);
        session.commit();

        // The author, her latest notes, the other note: no UPDATE.
        assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(Map.of(StatementKind.SELECT, 3L));
        assertThat(notes()).containsExactly(List.of(1, 1), List.of(2, 1), List.of(3, 2));
    }

    @Test
    void deletingTheParentReadsItsChildrenOnlyThroughTheWritingRelationship() {
        Author ann = session.get(Author.class, 1);

        session.delete(ann);
        session.commit();

        // The author; her notes, once (not again for the view); their keys set to NULL in one batch; her row.
        assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(
                Map.of(StatementKind.SELECT, 2L, StatementKind.UPDATE, 1L, StatementKind.DELETE, 1L));
        assertThat(notes()).containsExactly(Arrays.asList(1, null), Arrays.asList(2, null), List.of(3, 2));
    }

    @Test
    void aViewOnlyDynamicCollectionRefusesChanges() {
        Author ann = session.get(Author.class, 1);

        assertThatThrownBy(() -> ann.search.add(new Note())).isInstanceOf(TenonException.class)
                .hasMessageContaining("Author.search is viewOnly");
        assertThat(ann.search).hasSize(2);
    }
}
