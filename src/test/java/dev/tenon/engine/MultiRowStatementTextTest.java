package dev.tenon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the executor makes of the text of a multi-row INSERT: its kind for the statistics, and its log line. */
class MultiRowStatementTextTest {
    @Test
    void aQueryOfADataChangeDeltaTableIsTheChangeItWraps() {
        assertThat(StatementKind.of("SELECT id FROM FINAL TABLE (INSERT INTO t (a) VALUES (?), (?))")).isEqualTo(StatementKind.INSERT);
        assertThat(StatementKind.of("select id from new table (update t set a = ?)")).isEqualTo(StatementKind.UPDATE);
        assertThat(StatementKind.of("SELECT id FROM OLD TABLE(DELETE FROM t)")).isEqualTo(StatementKind.DELETE);
        assertThat(StatementKind.of("INSERT INTO t (a) SELECT CAST(p.c1 AS int4) FROM (VALUES (?, 0)) AS p(c1, n) ORDER BY p.n RETURNING id"))
                .isEqualTo(StatementKind.INSERT);
    }

    @Test
    void anUpsertIsCountedAsAnInsertOnBothDatabases() {
        assertThat(StatementKind.of("SELECT id FROM FINAL TABLE (MERGE INTO t AS u USING (VALUES 1) AS v(one) ON u.id = ? "
                + "WHEN MATCHED THEN UPDATE SET a = ? WHEN NOT MATCHED THEN INSERT (a) VALUES (?))")).isEqualTo(StatementKind.INSERT);
        assertThat(StatementKind.of("INSERT INTO t (id, a) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET a = ? RETURNING id, a"))
                .isEqualTo(StatementKind.INSERT);
    }

    @Test
    void aQueryThatOnlyNamesATableIsASelect() {
        assertThat(StatementKind.of("SELECT t.final FROM s.table t")).isEqualTo(StatementKind.SELECT);
        assertThat(StatementKind.of("SELECT 'FINAL TABLE (SELECT' FROM dual")).isEqualTo(StatementKind.SELECT);
    }

    @Test
    void theLogShowsTheFirstRowOfValuesOnly() {
        assertThat(SqlLog.firstRowOnly("INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?)")).isEqualTo("INSERT INTO t (a, b) VALUES (?, ?), ...");
        assertThat(SqlLog.firstRowOnly("SELECT id FROM FINAL TABLE (INSERT INTO t (a) VALUES (?), (?))"))
                .isEqualTo("SELECT id FROM FINAL TABLE (INSERT INTO t (a) VALUES (?), ...)");
        assertThat(SqlLog.firstRowOnly("INSERT INTO t (a) SELECT CAST(p.c1 AS int4) FROM (VALUES (?, 0), (?, 1)) AS p(c1, n) ORDER BY p.n"))
                .isEqualTo("INSERT INTO t (a) SELECT CAST(p.c1 AS int4) FROM (VALUES (?, 0), ...) AS p(c1, n) ORDER BY p.n");
        assertThat(SqlLog.firstRowOnly("INSERT INTO t (a) VALUES (?)")).isEqualTo("INSERT INTO t (a) VALUES (?)");
    }
}
