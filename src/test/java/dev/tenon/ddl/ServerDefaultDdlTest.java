package dev.tenon.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.testing.Backend;
import dev.tenon.testing.SchemaSnapshot;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Server defaults in their three forms: the portable "now", literals written as given, and raw SQL expressions.
 * Each database shows the default in its own words; what matters is the value it fills in.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ServerDefaultDdlTest {
    @Table(name = "article")
    static class Article {
        @Id Integer id;
        @Column(serverDefault = "now") Instant created;
        @Column(length = 10, serverDefault = "'draft'") String status;
        @Column(serverDefault = "42") Integer answer;
        @Column(precision = 5, scale = 2, serverDefault = "-1.5") BigDecimal score;
        @Column(serverDefault = "true") Boolean visible;
        @Column(length = 10, serverDefault = "lower('DRAFT')") String lowered;
        @Column(serverDefault = "1 + 2") Integer sum;
    }

    @Parameter
    Backend backend;

    TestDb db;
    SchemaSnapshot.Table article;

    @BeforeEach
    void open() {
        db = backend.open(Article.class);
        article = db.schema().table("article");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void nowIsRenderedAsEachDatabasesCurrentTimestamp() {
        assertThat(article.column("created").defaultValue()).isEqualTo(backend == Backend.H2 ? "CURRENT_TIMESTAMP" : "now()");
    }

    @Test
    void literalsAreWrittenAsGiven() {
        assertThat(article.column("status").defaultValue())
                .isEqualTo(backend == Backend.H2 ? "'draft'" : "'draft'::character varying");
        assertThat(article.column("answer").defaultValue()).isEqualTo("42");
        assertThat(article.column("visible").defaultValue()).isEqualToIgnoringCase("true");
        assertThat(article.column("score").defaultValue()).isEqualTo(backend == Backend.H2 ? "-1.5" : "'-1.5'::numeric");
    }

    @Test
    void rawExpressionsAreWrittenIntoTheDdlAsGiven() {
        String createTable = Ddl.of(db.metadata()).createScript(db.dialect()).get(0);

        assertThat(createTable).contains("    lowered " + (backend == Backend.H2 ? "VARCHAR" : "varchar") + "(10) DEFAULT lower('DRAFT'),\n")
                .contains(" DEFAULT 1 + 2,\n");
    }

    @Test
    void eachDatabaseShowsARawExpressionInItsOwnWords() {
        // H2 folds a constant expression to its value; PostgreSQL keeps the expression, with casts added.
        assertThat(article.column("lowered").defaultValue()).isEqualTo(backend == Backend.H2 ? "'draft'" : "lower('DRAFT'::text)");
        assertThat(article.column("sum").defaultValue()).isEqualTo(backend == Backend.H2 ? "3" : "(1 + 2)");
    }

    @Test
    void theDatabaseFillsEveryDefaultOnInsert() {
        db.execute("INSERT INTO article (id) VALUES (1)");

        List<Object> row = db.rows("SELECT status, answer, score, visible, lowered, sum FROM article").get(0);

        assertThat(row).containsExactly("draft", 42, new BigDecimal("-1.50"), true, "draft", 3);
    }

    @Test
    void nowFillsTheTimeOfTheInsert() {
        Instant before = Instant.now().minusSeconds(60);
        db.execute("INSERT INTO article (id) VALUES (1)");

        Object created = db.rows("SELECT created FROM article").get(0).get(0);

        Instant value = created instanceof java.time.OffsetDateTime offset ? offset.toInstant() : ((java.sql.Timestamp) created).toInstant();
        assertThat(value).isBetween(before, Instant.now().plusSeconds(60));
    }

    @Test
    void anExplicitValueWinsOverTheDefault() {
        db.execute("INSERT INTO article (id, status) VALUES (1, 'final')");

        assertThat(db.rows("SELECT status FROM article")).containsExactly(List.of("final"));
    }
}
