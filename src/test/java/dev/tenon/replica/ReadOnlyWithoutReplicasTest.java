package dev.tenon.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenon.api.Status;
import dev.tenon.exception.ReadOnlyException;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A read-only session of a database without replicas reads on the one database and refuses every write before any
 * SQL, exactly as on a replica; it records no commit position, which needs replicas.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ReadOnlyWithoutReplicasTest {
    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.open(Note.class);
        db.execute("INSERT INTO replica_note (id, text) VALUES (1, 'first')");
        db.database().statistics().reset();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aReadOnlySessionReadsButRefusesToAddDeleteOrFlushAChangeWithNoStatementRun() {
        try (Session reader = db.database().openReadOnlySession(db.metadata())) {
            Note note = reader.get(Note.class, 1);
            assertThat(note.text).isEqualTo("first");
            assertThat(reader.isReadOnly()).isTrue();

            assertThatThrownBy(() -> reader.add(new Note(2, "second"))).isInstanceOf(ReadOnlyException.class)
                    .hasMessage("Cannot add an object in a read-only session (db.openReadOnlySession), which reads on a replica when the "
                            + "database has one and never writes; add it in a session of db.openSession(metadata)");
            assertThatThrownBy(() -> reader.addAll(List.of(new Note(3, "third")))).isInstanceOf(ReadOnlyException.class);
            assertThatThrownBy(() -> reader.delete(note)).isInstanceOf(ReadOnlyException.class);
            note.text = "changed";
            assertThatThrownBy(reader::flush).isInstanceOf(ReadOnlyException.class).hasMessageContaining("SQL (not run): UPDATE");

            assertThat(reader.statistics().statements()).isEqualTo(1);
            assertThat(reader.statistics().failures()).isZero();
            assertThat(reader.status(note)).isEqualTo(Status.PERSISTENT);
        }
        assertThat(db.rows("SELECT text FROM replica_note WHERE id = 1").get(0).get(0)).isEqualTo("first");
        assertThat(db.rows("SELECT count(*) FROM replica_note").get(0).get(0)).isEqualTo(1L);
    }

    @Test
    void aLockingQueryOrAnUpsertInAReadOnlySessionIsRefusedBeforeAnySql() {
        try (Session reader = db.database().openReadOnlySession(db.metadata())) {
            assertThatThrownBy(() -> reader.select(Note.class).forUpdate().list()).isInstanceOf(ReadOnlyException.class)
                    .hasMessageContaining("SQL (not run): SELECT");
            assertThatThrownBy(() -> reader.upsert(new Note(1, "first again"))).isInstanceOf(ReadOnlyException.class);
            assertThat(reader.statistics().statements()).isZero();
        }
    }

    @Test
    void aReadOnlySessionThatChangedNothingCommitsWithoutAStatement() {
        try (Session reader = db.database().openReadOnlySession(db.metadata())) {
            reader.select(Note.class).list();
            reader.commit();
            assertThat(reader.statistics().statements()).isEqualTo(1);
            assertThat(reader.lastCommitPosition()).isEmpty();
        }
        assertThat(db.database().lastCommitPosition()).isEmpty();
    }

    @Test
    void aNormalSessionOfADatabaseWithoutReplicasRecordsNoCommitPosition() {
        try (Session writer = db.database().openSession(db.metadata())) {
            writer.add(new Note(2, "second"));
            writer.commit();
            assertThat(writer.statistics().statements()).isEqualTo(1);
            assertThat(writer.lastCommitPosition()).isEmpty();
        }
    }

    /** PostgreSQL's own guard behind Tenon's: the connection is in read-only mode, so even plain JDBC cannot write. */
    @Test
    void onPostgresTheServerRefusesAPlainJdbcWriteOfAReadOnlySession() {
        assumeTrue(backend == Backend.POSTGRES, "H2 ignores a connection's read-only flag");
        try (Session reader = db.database().openReadOnlySession(db.metadata())) {
            SqlExecutionException refused = catchThrowableOfType(SqlExecutionException.class, () -> reader.withConnection(connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeUpdate("INSERT INTO replica_note (id, text) VALUES (2, 'second')");
                }
            }));
            assertThat(refused.sqlState()).isEqualTo("25006");
            reader.rollback();
        }
        assertThat(db.rows("SELECT count(*) FROM replica_note").get(0).get(0)).isEqualTo(1L);
    }
}
