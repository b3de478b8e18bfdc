package dev.tenon.exception;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * H2's messages as H2 2.x writes them (copied from real failures), and what of each Tenon repeats: the names, never
 * the values, and never H2's echo of the statement, which Tenon shows itself.
 */
class H2ErrorTextTest {
    private static final String STATEMENT = "; SQL statement:\nINSERT INTO t (id, code) VALUES (?, ?) [23505-252]";

    @Test
    void aPrimaryKeyViolationKeepsTheIndexAndColumnsButNotTheExistingRow() {
        DriverMessage safe = H2ErrorText.safe("Unique index or primary key violation: \"PUBLIC.CONSTRAINT_5 PRIMARY KEY ON PUBLIC.T(ID)"
                + " ( /* key:1 */ 1, 'SECRET-ROW', 1.0, NULL)\"" + STATEMENT, "23505");

        assertThat(safe.text()).isEqualTo("Unique index or primary key violation: \"PUBLIC.CONSTRAINT_5 PRIMARY KEY ON PUBLIC.T(ID) …\"");
        assertThat(safe.valuesLeftOut()).isTrue();
    }

    @Test
    void aUniqueViolationKeepsTheConstraintButNotTheKey() {
        DriverMessage safe = H2ErrorText.safe("Unique index or primary key violation: \"PUBLIC.UQ_T_CODE INDEX PUBLIC.UQ_T_CODE_INDEX_4"
                + " ON PUBLIC.T(CODE NULLS FIRST) VALUES ( /* 1 */ 'SECRET' )\"" + STATEMENT, "23505");

        assertThat(safe.text()).isEqualTo("Unique index or primary key violation: \"PUBLIC.UQ_T_CODE INDEX PUBLIC.UQ_T_CODE_INDEX_4"
                + " ON PUBLIC.T(CODE NULLS FIRST) …\"");
    }

    @Test
    void aForeignKeyViolationKeepsTheConstraintButNotTheKey() {
        DriverMessage safe = H2ErrorText.safe("Referential integrity constraint violation: \"FK_KID_T: PUBLIC.KID FOREIGN KEY(TID)"
                + " REFERENCES PUBLIC.T(ID) (987654)\"" + STATEMENT, "23506");

        assertThat(safe.text()).isEqualTo("Referential integrity constraint violation: \"FK_KID_T: PUBLIC.KID FOREIGN KEY(TID)"
                + " REFERENCES PUBLIC.T(ID) …\"");
    }

    @Test
    void aValueThatCannotBeParsedIsLeftOut() {
        DriverMessage safe = H2ErrorText.safe("Cannot parse \"DATE\" constant \"SECRET-DATE\"" + STATEMENT, "22007");

        assertThat(safe.text()).isEqualTo("Cannot parse \"…\"");
    }

    @Test
    void anErrorAboutTheStatementIsKeptWhole() {
        DriverMessage safe = H2ErrorText.safe("Table \"MISSING\" not found" + STATEMENT, "42S02");

        assertThat(safe.text()).isEqualTo("Table \"MISSING\" not found");
        assertThat(safe.valuesLeftOut()).isFalse();
    }
}
