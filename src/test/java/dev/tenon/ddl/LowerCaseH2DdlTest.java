package dev.tenon.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.metadata.Metadata;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * H2 opened with {@code DATABASE_TO_LOWER=TRUE} (as for the chinook data) names its default schema {@code public}.
 * A foreign key from a table in a named schema to one in the default schema must qualify the target (H2 looks an
 * unqualified target up in the referencing table's schema), and a quoted {@code "PUBLIC"} is not found there.
 * Only H2 has this mode; PostgreSQL and H2's default mode run the same mapping in {@code ReservedWordDdlTest}.
 */
class LowerCaseH2DdlTest {
    @Table(name = "author")
    static class Author {
        @Id Integer id;
        @Column(length = 40) String name;
    }

    @Table(name = "book", schema = "library")
    static class Book {
        @Id Integer id;
        @Column @ForeignKey("author.id") Integer authorId;
    }

    TestDb db;

    @BeforeEach
    void open() {
        db = Backend.openEmptyH2(Metadata.of(Author.class, Book.class), ";DATABASE_TO_LOWER=TRUE");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aKeyFromANamedSchemaToTheDefaultSchemaIsCreated() {
        List<String> ran = db.database().createAll(db.metadata());

        assertThat(ran).anySatisfy(sql -> assertThat(sql).contains("REFERENCES PUBLIC.author (id)"));
        assertThat(db.schema().table("library.book").foreignKeys()).singleElement()
                .satisfies(key -> assertThat(key.target()).isEqualTo("public.author"));
    }

    @Test
    void theKeyIsEnforced() {
        db.database().createAll(db.metadata());
        db.execute("INSERT INTO author (id, name) VALUES (1, 'Ada')");
        db.execute("INSERT INTO library.book (id, \"authorId\") VALUES (1, 1)");

        assertThatThrownBy(() -> db.execute("INSERT INTO library.book (id, \"authorId\") VALUES (2, 99)"))
                .cause().isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
    }

    @Test
    void createAllTwiceAndDropAllWorkInThisMode() {
        db.database().createAll(db.metadata());

        assertThat(db.database().createAll(db.metadata())).isEmpty();
        assertThat(db.database().dropAll(db.metadata())).containsExactly("DROP TABLE IF EXISTS library.book", "DROP TABLE IF EXISTS author");
    }
}
