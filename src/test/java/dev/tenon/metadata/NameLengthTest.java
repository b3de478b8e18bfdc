package dev.tenon.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Index;
import dev.tenon.annotation.Table;
import dev.tenon.exception.MappingException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names written in a mapping are refused at scan time past 63 bytes of UTF-8, PostgreSQL's limit, on every
 * database: PostgreSQL would cut them silently, and the next createAll would not recognise the table it made.
 */
class NameLengthTest {
    static final String SEVENTY = "a_table_name_of_seventy_characters_which_postgresql_would_cut_silently";
    static final String SIXTY_THREE = "a_table_name_of_exactly_sixty_three_bytes_that_postgresql_keeps";

    @Table(name = SEVENTY)
    static class LongTable {
        @Id Integer id;
    }

    @Test
    void aTableNameOver63BytesIsRefusedNamingTheClass() {
        assertThat(SEVENTY).hasSize(70);

        assertThat(onlyProblem(LongTable.class)).isEqualTo("LongTable: table name '" + SEVENTY + "' is 70 bytes long in UTF-8;"
                + " names are limited to 63 bytes (PostgreSQL's limit, applied on every database so that one mapping works"
                + " on all); give it a shorter name with @Table(name = ...)");
    }

    @Table(name = SIXTY_THREE)
    static class LongestTable {
        @Id Integer id;
        @Column(name = SIXTY_THREE) Integer x;
    }

    @Test
    void namesOfExactly63BytesAreAccepted() {
        assertThat(SIXTY_THREE).hasSize(63);

        assertThat(Metadata.of(LongestTable.class).tables()).extracting(TableModel::name).containsExactly(SIXTY_THREE);
    }

    @Table(name = "accented")
    static class Accented {
        @Id Integer id;
        // 32 characters, 64 bytes: the limit counts bytes, as PostgreSQL does.
        @Column(name = "éééééééééééééééééééééééééééééééé") String label;
    }

    @Test
    void aColumnNameOver63BytesIsRefusedNamingClassAndField() {
        assertThat(onlyProblem(Accented.class))
                .startsWith("Accented.label: column name 'éééééééééééééééééééééééééééééééé' is 64 bytes long in UTF-8;")
                .endsWith("give it a shorter name with @Column(name = ...)");
    }

    @Table(name = "reading")
    @Index(name = "ix_reading_of_the_sensor_by_its_timestamp_and_position_in_the_chain", columns = "id")
    static class Reading {
        @Id Integer id;
        @Column @ForeignKey(value = "accepted.id", name = "fk_reading_to_the_accepted_table_through_its_primary_key_columns") Integer acceptedId;
    }

    @Table(name = "accepted")
    static class Accepted {
        @Id Integer id;
    }

    @Test
    void explicitIndexAndConstraintNamesOver63BytesAreRefused() {
        assertThat(problems(Reading.class, Accepted.class)).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).startsWith("Reading: index name 'ix_reading_of_the_sensor")
                        .endsWith("@Index(name = ...)"))
                .anySatisfy(problem -> assertThat(problem).startsWith("Reading.acceptedId: foreign key name 'fk_reading_to_the")
                        .endsWith("@ForeignKey(name = ...)"));
    }

    private static String onlyProblem(Class<?>... classes) {
        List<String> problems = problems(classes);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static List<String> problems(Class<?>... classes) {
        MappingException thrown = catchThrowableOfType(MappingException.class, () -> Metadata.of(classes));
        assertThat(thrown).as("a MappingException for %s", List.of(classes)).isNotNull();
        return thrown.problems();
    }
}
