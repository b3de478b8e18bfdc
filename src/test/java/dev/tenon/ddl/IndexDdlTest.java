package dev.tenon.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Index;
import dev.tenon.annotation.Table;
import dev.tenon.annotation.Unique;
import dev.tenon.testing.Backend;
import dev.tenon.testing.SchemaSnapshot;
import dev.tenon.testing.TestDb;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Indexes and UNIQUE constraints declared on the mapping exist after createAll. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class IndexDdlTest {
    @Table(name = "person", schema = "registry")
    @Index(columns = {"last_name", "first_name"})
    @Index(name = "ix_person_badge", columns = "badge", unique = true)
    @Unique(columns = {"country", "passport"})
    static class Person {
        @Id Integer id;
        @Column(name = "first_name", length = 30) String firstName;
        @Column(name = "last_name", length = 30) String lastName;
        @Column(length = 30, index = true) String city;
        @Column(length = 30, unique = true) String email;
        @Column(length = 2) String country;
        @Column(length = 20) String passport;
        @Column(length = 20) String badge;
    }

    @Parameter
    Backend backend;

    TestDb db;
    SchemaSnapshot.Table person;

    @BeforeEach
    void open() {
        db = backend.open(Person.class);
        person = db.schema().table("registry.person");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aMultiColumnIndexKeepsItsNameAndColumnOrder() {
        assertThat(person.index("ix_person_last_name_first_name")).hasValueSatisfying(index -> {
            assertThat(index.unique()).isFalse();
            assertThat(index.columns()).map(String::toLowerCase).containsExactly("last_name", "first_name");
        });
    }

    @Test
    void aColumnIndexIsNamedAfterTableAndColumn() {
        assertThat(person.index("ix_person_city")).hasValueSatisfying(index -> {
            assertThat(index.unique()).isFalse();
            assertThat(index.columns()).map(String::toLowerCase).containsExactly("city");
        });
    }

    @Test
    void aUniqueIndexIsUnique() {
        assertThat(person.index("ix_person_badge")).hasValueSatisfying(index -> assertThat(index.unique()).isTrue());
    }

    @Test
    void uniqueConstraintsAreBackedByUniqueIndexes() {
        assertThat(person.hasUniqueIndexOn("email")).isTrue();
        assertThat(person.hasUniqueIndexOn("country", "passport")).isTrue();
        assertThat(person.hasUniqueIndexOn("city")).isFalse();
    }

    @Test
    void aUniqueConstraintRejectsADuplicate() {
        db.execute("INSERT INTO registry.person (id, email) VALUES (1, 'ada@example.org')");

        assertThatThrownBy(() -> db.execute("INSERT INTO registry.person (id, email) VALUES (2, 'ada@example.org')"))
                .cause().isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
    }

    @Test
    void aCompositeUniqueConstraintAllowsEachPartToRepeat() {
        db.execute("INSERT INTO registry.person (id, country, passport) VALUES (1, 'FR', 'X1')");
        db.execute("INSERT INTO registry.person (id, country, passport) VALUES (2, 'FR', 'X2')");
        db.execute("INSERT INTO registry.person (id, country, passport) VALUES (3, 'DE', 'X1')");

        assertThatThrownBy(() -> db.execute("INSERT INTO registry.person (id, country, passport) VALUES (4, 'FR', 'X1')"))
                .cause().isInstanceOf(SQLException.class);
        assertThat(db.rows("SELECT count(*) FROM registry.person")).containsExactly(List.of(3L));
    }

    @Test
    void indexesAreCreatedByTheirOwnStatementsAfterTheTable() {
        try (TestDb empty = backend.openEmpty(Person.class)) {
            List<String> ran = empty.database().createAll(empty.metadata());

            assertThat(ran).filteredOn(sql -> sql.startsWith("CREATE INDEX") || sql.startsWith("CREATE UNIQUE INDEX"))
                    .containsExactly(
                            "CREATE INDEX ix_person_city ON registry.person (city)",
                            "CREATE INDEX ix_person_last_name_first_name ON registry.person (last_name, first_name)",
                            "CREATE UNIQUE INDEX ix_person_badge ON registry.person (badge)");
            assertThat(ran.get(1)).contains("CONSTRAINT uq_person_email UNIQUE (email)",
                    "CONSTRAINT uq_person_country_passport UNIQUE (country, passport)");
        }
    }
}
