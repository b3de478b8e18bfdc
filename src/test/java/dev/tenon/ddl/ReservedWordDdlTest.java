package dev.tenon.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.testing.Backend;
import dev.tenon.testing.SchemaSnapshot;
import dev.tenon.testing.SchemaSnapshot.Table;
import dev.tenon.testing.TestDb;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names that are keywords or mixed case work on both databases, because the dialect quotes them: a table
 * named {@code user}, a table {@code order} in a schema named {@code select}, columns named {@code user},
 * {@code key}, {@code value}, {@code year} (rejected bare by H2) and a column {@code placedAt}.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ReservedWordDdlTest {
    @dev.tenon.annotation.Table(name = "user")
    static class User {
        @Id Integer id;
        @Column(length = 20) String name;
    }

    @dev.tenon.annotation.Table(name = "order", schema = "select")
    static class Order {
        @Id Integer id;
        @Column(name = "user") @ForeignKey("user.id") Integer user;
        @Column Instant placedAt;
        @Column(length = 10) String key;
        @Column(length = 10) String value;
        @Column Integer year;
    }

    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.openEmpty(User.class, Order.class);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theDdlQuotesKeywordsAndMixedCaseNamesOnly() {
        List<String> ran = db.database().createAll(db.metadata());

        assertThat(ran.get(0)).isEqualTo("CREATE SCHEMA IF NOT EXISTS \"select\"");
        assertThat(ran.get(1)).startsWith("CREATE TABLE \"user\" (\n    id ");
        assertThat(ran.get(2)).startsWith("CREATE TABLE \"select\".\"order\" (\n    id ")
                .contains("\n    \"user\" ", "\n    \"placedAt\" ", "\n    \"key\" ", "\n    \"value\" ", "\n    \"year\" ")
                .contains("FOREIGN KEY (\"user\") REFERENCES " + (backend == Backend.H2 ? "PUBLIC.\"user\"" : "\"user\"") + " (id)");
    }

    @Test
    void tablesAndASchemaNamedLikeKeywordsAreCreated() {
        db.database().createAll(db.metadata());
        SchemaSnapshot schema = db.schema();

        assertThat(schema.hasSchema("select")).isTrue();
        assertThat(schema.tableNames()).containsExactlyInAnyOrder("user", "select.order");
    }

    @Test
    void quotedNamesAreStoredExactlyAsWrittenOnBothDatabases() {
        db.database().createAll(db.metadata());
        Table order = db.schema().table("select.order");

        assertThat(order.schema()).isEqualTo("select");
        assertThat(order.name()).isEqualTo("order");
        assertThat(order.columnNames()).contains("user", "placedAt", "key", "value", "year");
    }

    @Test
    void unquotedNamesNextToThemFollowTheDatabasesCase() {
        db.database().createAll(db.metadata());

        assertThat(db.schema().table("select.order").columnNames().get(0)).isEqualTo(backend == Backend.H2 ? "ID" : "id");
    }

    @Test
    void theForeignKeyBetweenKeywordTablesPointsAtItsTarget() {
        db.database().createAll(db.metadata());
        SchemaSnapshot.ForeignKey user = db.schema().table("select.order").foreignKey("fk_order_user");

        assertThat(user.columns()).containsExactly("user");
        assertThat(user.targetTable()).isEqualTo("user");
        assertThat(user.targetColumns()).map(String::toLowerCase).containsExactly("id");
    }

    @Test
    void rowsGoInAndComeBackThroughTheQuotedNames() {
        db.database().createAll(db.metadata());

        db.execute("INSERT INTO \"user\" (id, name) VALUES (1, 'ada')");
        db.execute("INSERT INTO \"select\".\"order\" (id, \"user\", \"key\", \"value\", \"year\") VALUES (7, 1, 'k', 'v', 2026)");

        assertThat(db.rows("SELECT \"user\", \"key\", \"value\", \"year\" FROM \"select\".\"order\""))
                .containsExactly(List.of(1, "k", "v", 2026));
    }

    @Test
    void dropAllRemovesThemAgain() {
        db.database().createAll(db.metadata());

        db.database().dropAll(db.metadata());

        assertThat(db.schema().tableNames()).isEmpty();
    }
}
