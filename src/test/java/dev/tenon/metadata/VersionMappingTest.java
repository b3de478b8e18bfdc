package dev.tenon.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.annotation.Version;
import dev.tenon.exception.MappingException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code @Version} in the model: the column is recorded on its entity, persisted without {@code @Column} and NOT NULL;
 * a version mapped so that the flush could not check it fails at scan time, naming the class, the field and the fix.
 */
class VersionMappingTest {

    @Table(name = "account")
    static class Account {
        @Id Integer id;
        @Column String owner;
        @Version Long version;
    }

    @Table(name = "plain")
    static class Plain {
        @Id Integer id;
    }

    @Test
    void theVersionColumnIsRecordedPersistedAndNotNull() {
        EntityModel account = Metadata.of(Account.class).entity(Account.class);

        assertThat(account.version()).isSameAs(account.column("version"));
        assertThat(account.version().nullable()).isFalse();
        assertThat(account.version().primaryKey()).isFalse();
        assertThat(account.columns()).extracting(ColumnModel::name).containsExactly("id", "owner", "version");
    }

    @Test
    void anEntityWithoutAVersionHasNone() {
        assertThat(Metadata.of(Plain.class).entity(Plain.class).version()).isNull();
    }

    @Table(name = "twice")
    static class Twice {
        @Id Integer id;
        @Version int version;
        @Version Instant changed;
    }

    @Test
    void twoVersionsAreRejected() {
        assertThat(onlyProblem(Twice.class))
                .isEqualTo("Twice: more than one @Version field [version, changed]; a row has one version: keep @Version on one of them");
    }

    @Table(name = "keyed")
    static class Keyed {
        @Id @Version Integer id;
    }

    @Test
    void aVersionOnTheKeyIsRejected() {
        assertThat(onlyProblem(Keyed.class)).isEqualTo("Keyed.id: @Version on the primary key; a key never changes, a version"
                + " changes at each update: map the version as a column of its own");
    }

    @Table(name = "texts")
    static class Texts {
        @Id Integer id;
        @Version String version;
    }

    @Test
    void aVersionOfAnotherTypeIsRejected() {
        assertThat(onlyProblem(Texts.class)).isEqualTo("Texts.version: @Version on a String; use int/Integer, long/Long or"
                + " short/Short for a counter, or Instant, OffsetDateTime or LocalDateTime for a timestamp");
    }

    @Table(name = "defaulted")
    static class Defaulted {
        @Id Integer id;
        @Version @Column(serverDefault = "now", serverOnUpdate = "now") Instant changed;
    }

    @Test
    void aVersionTheDatabaseSetsIsRejected() {
        assertThat(problems(Defaulted.class)).containsExactly(
                "Defaulted.changed: @Version with @Column(serverDefault = ...); Tenon sets the version itself (at insert,"
                        + " then at each update) to check it in the next WHERE clause: remove serverDefault",
                "Defaulted.changed: @Version with @Column(serverOnUpdate = ...); Tenon sets the version itself (at insert,"
                        + " then at each update) to check it in the next WHERE clause: remove serverOnUpdate");
    }

    /** A client-side value. */
    static final class Seven implements Supplier<Object> {
        @Override
        public Object get() {
            return 7;
        }
    }

    @Table(name = "supplied")
    static class Supplied {
        @Id Integer id;
        @Version @Column(insertDefault = Seven.class, updateValue = Seven.class) Integer version;
    }

    @Test
    void aVersionASupplierSetsIsRejected() {
        assertThat(problems(Supplied.class)).hasSize(2)
                .allMatch(problem -> problem.startsWith("Supplied.version: @Version with @Column("))
                .anyMatch(problem -> problem.endsWith("remove insertDefault"))
                .anyMatch(problem -> problem.endsWith("remove updateValue"));
    }

    private static String onlyProblem(Class<?>... classes) {
        List<String> problems = problems(classes);
        assertThat(problems).as("problems of %s", List.of(classes)).hasSize(1);
        return problems.get(0);
    }

    private static List<String> problems(Class<?>... classes) {
        MappingException thrown = catchThrowableOfType(MappingException.class, () -> Metadata.of(classes));
        assertThat(thrown).as("a MappingException for %s", List.of(classes)).isNotNull();
        return thrown.problems();
    }
}
