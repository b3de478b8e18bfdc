package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A refused row does not put its values in Tenon's exception message: PostgreSQL's detail ({@code Key (code)=(...)},
 * {@code Failing row contains (...)}) and H2's description of the refused key are left out, while the SQLState, the
 * constraint, the table and the SQL stay. The application can allow the values; the driver's exception, the cause,
 * is kept as it is.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ValuesInErrorsTest {
    static final String SECRET = "SECRET-CODE-0001";

    @Table(name = "owner")
    static class Owner {
        @Id Integer id;
    }

    @Table(name = "vault")
    static class Vault {
        @Id Integer id;
        @Column(length = 20, unique = true) String code;
        @Column(length = 8, nullable = false) String label;
        @Column(name = "owner_id") @ForeignKey("owner.id") Integer ownerId;

        Vault() {
        }

        Vault(Integer id, String code, String label, Integer ownerId) {
            this.id = id;
            this.code = code;
            this.label = label;
            this.ownerId = ownerId;
        }
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Owner.class, Vault.class);
        db.execute("INSERT INTO owner (id) VALUES (1)");
        db.execute("INSERT INTO vault (id, code, label, owner_id) VALUES (1, '" + SECRET + "', 'first', 1)");
        db.execute("INSERT INTO vault (id, code, label, owner_id) VALUES (2, 'PLAIN-2', 'second', 1)");
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private SqlExecutionException flushFails() {
        SqlExecutionException e = catchThrowableOfType(SqlExecutionException.class, session::flush);
        assertThat(e).as("the flush fails").isNotNull();
        assertThat(e.getCause()).as("the driver's own exception is the cause").isInstanceOf(SQLException.class);
        return e;
    }

    @Test
    void aDuplicateKeyOnInsertNamesTheConstraintButNotTheKey() {
        session.add(new Vault(3, SECRET, "third", 1));

        SqlExecutionException e = flushFails();

        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(e.getMessage()).doesNotContain(SECRET).containsIgnoringCase("uq_vault_code")
                .contains("SQLState 23505", "showValuesInErrors(true)", "SQL: INSERT INTO vault (id, code, label, owner_id) VALUES (?, ?, ?, ?)");
        if (backend == Backend.POSTGRES) {
            assertThat(e.constraint()).isEqualTo("uq_vault_code");
            assertThat(e.table()).isEqualTo("public.vault");
        }
    }

    @Test
    void aFailedBatchShowsNoValueOfAnyRow() {
        session.addAll(new Vault(3, "SECRET-CODE-0003", "third", 1), new Vault(4, SECRET, "fourth", 1));

        SqlExecutionException e = flushFails();

        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(e.getMessage()).contains("batch of 2 rows", "SQL: INSERT INTO vault")
                .doesNotContain(SECRET).doesNotContain("SECRET-CODE-0003");
    }

    @Test
    void aDuplicateKeyOnUpdateShowsNeitherTheNewValueNorTheRow() {
        Vault second = session.get(Vault.class, 2);
        second.code = SECRET;

        SqlExecutionException e = flushFails();

        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("second")
                .contains("Error executing an update", "SQL: UPDATE vault SET code = ? WHERE id = ?");
    }

    @Test
    void aValueTooLongNamesTheColumnButNotTheValue() {
        Vault second = session.get(Vault.class, 2);
        second.label = "SECRET-LABEL";

        SqlExecutionException e = flushFails();

        assertThat(e.sqlState()).isEqualTo("22001");
        assertThat(e.getMessage()).doesNotContain("SECRET-LABEL").containsIgnoringCase("varying(8)")
                .contains("SQL: UPDATE vault SET label = ? WHERE id = ?");
    }

    @Test
    void aMissingParentNamesTheForeignKeyButNotTheKey() {
        session.add(new Vault(3, "PLAIN-3", "third", 987654));

        SqlExecutionException e = flushFails();

        assertThat(e.isConstraintViolation()).isTrue();
        assertThat(e.getMessage()).doesNotContain("987654").containsIgnoringCase("fk_vault_owner_id");
        if (backend == Backend.POSTGRES) {
            assertThat(e.constraint()).isEqualTo("fk_vault_owner_id");
        }
    }

    @Test
    void aNullInANotNullColumnNamesTheColumnButNotTheRow() {
        session.add(new Vault(3, "SECRET-CODE-0003", null, 1));

        SqlExecutionException e = flushFails();

        assertThat(e.sqlState()).isEqualTo("23502");
        assertThat(e.getMessage()).doesNotContain("SECRET-CODE-0003").containsIgnoringCase("label");
        if (backend == Backend.POSTGRES) {
            assertThat(e.column()).isEqualTo("label");
            assertThat(e.table()).isEqualTo("public.vault");
        }
    }

    @Test
    void theApplicationCanAllowValuesInMessages() {
        db.database().showValuesInErrors(true);
        session.add(new Vault(3, SECRET, "third", 1));

        SqlExecutionException e = flushFails();

        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(e.getMessage()).contains(SECRET).doesNotContain("showValuesInErrors(true)")
                .contains("SQL: INSERT INTO vault");
    }
}
