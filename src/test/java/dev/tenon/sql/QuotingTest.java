package dev.tenon.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Identifiers are quoted where they must be and only there: a plain lower-case name that is no keyword stays
 * bare (readable DDL, and the name a hand-written query would use); keywords of either database, mixed or upper
 * case, and anything that is not a plain identifier are quoted. Both dialects quote alike, so one mapping means
 * the same names on H2 and PostgreSQL.
 */
class QuotingTest {
    private final List<Dialect> dialects = List.of(new H2Dialect(), new PostgresDialect());

    @Test
    void plainLowerCaseNamesStayBare() {
        for (Dialect dialect : dialects) {
            assertThat(List.of("dept", "emp_no", "_private", "a1", "created")).allSatisfy(name ->
                    assertThat(dialect.quote(name)).isEqualTo(name));
        }
    }

    @Test
    void keywordsOfEitherDatabaseAreQuoted() {
        for (Dialect dialect : dialects) {
            assertThat(dialect.quote("user")).isEqualTo("\"user\"");
            assertThat(dialect.quote("order")).isEqualTo("\"order\"");
            assertThat(dialect.quote("select")).isEqualTo("\"select\"");
            assertThat(dialect.quote("table")).isEqualTo("\"table\"");
            assertThat(dialect.quote("group")).isEqualTo("\"group\"");
        }
    }

    @Test
    void namesOnlyH2RejectsBareAreQuotedToo() {
        for (Dialect dialect : dialects) {
            assertThat(List.of("key", "value", "year", "month", "day", "row")).allSatisfy(name ->
                    assertThat(dialect.quote(name)).isEqualTo("\"" + name + "\""));
        }
    }

    @Test
    void mixedAndUpperCaseNamesAreQuotedSoTheyKeepTheirCase() {
        for (Dialect dialect : dialects) {
            assertThat(dialect.quote("placedAt")).isEqualTo("\"placedAt\"");
            assertThat(dialect.quote("DEPT")).isEqualTo("\"DEPT\"");
        }
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreQuoted() {
        for (Dialect dialect : dialects) {
            assertThat(dialect.quote("first name")).isEqualTo("\"first name\"");
            assertThat(dialect.quote("1st")).isEqualTo("\"1st\"");
            assertThat(dialect.quote("e-mail")).isEqualTo("\"e-mail\"");
            assertThat(dialect.quote("café")).isEqualTo("\"café\"");
        }
    }

    @Test
    void aDoubleQuoteInsideANameIsDoubled() {
        for (Dialect dialect : dialects) {
            assertThat(dialect.quote("say\"hi")).isEqualTo("\"say\"\"hi\"");
        }
    }
}
