package dev.tenon.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.sql.PostgresDialect;
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

/**
 * Three tables referencing each other in a ring (a → b → c → a) have no creation order: createAll creates them
 * first and adds one key afterwards with ALTER TABLE; dropAll removes that key before dropping them.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ForeignKeyCycleDdlTest {
    @Table(name = "ring_a", schema = "ring")
    static class RingA {
        @Id Integer id;
        @Column @ForeignKey("ring.ring_b.id") Integer bId;
    }

    @Table(name = "ring_b", schema = "ring")
    static class RingB {
        @Id Integer id;
        @Column @ForeignKey("ring.ring_c.id") Integer cId;
    }

    @Table(name = "ring_c", schema = "ring")
    static class RingC {
        @Id Integer id;
        @Column @ForeignKey("ring.ring_a.id") Integer aId;
    }

    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.openEmpty(RingA.class, RingB.class, RingC.class);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theScriptCreatesTheTablesThenClosesTheRingWithAlterTable() {
        List<String> script = Ddl.of(db.metadata()).createScript(new PostgresDialect());

        assertThat(script).hasSize(5);
        assertThat(script.subList(1, 4)).allMatch(sql -> sql.startsWith("CREATE TABLE ring."));
        assertThat(script.get(4))
                .isEqualTo("ALTER TABLE ring.ring_a ADD CONSTRAINT \"fk_ring_a_bId\" FOREIGN KEY (\"bId\") REFERENCES ring.ring_b (id)");
    }

    @Test
    void createAllCreatesAllThreeTablesWithAllThreeKeys() {
        db.database().createAll(db.metadata());
        SchemaSnapshot schema = db.schema();

        assertThat(schema.table("ring.ring_a").foreignKeys()).singleElement()
                .satisfies(key -> assertThat(key.target()).isEqualTo("ring.ring_b"));
        assertThat(schema.table("ring.ring_b").foreignKeys()).singleElement()
                .satisfies(key -> assertThat(key.target()).isEqualTo("ring.ring_c"));
        assertThat(schema.table("ring.ring_c").foreignKeys()).singleElement()
                .satisfies(key -> assertThat(key.target()).isEqualTo("ring.ring_a"));
    }

    @Test
    void theKeyAddedAfterwardsIsEnforcedLikeTheOthers() {
        db.database().createAll(db.metadata());

        assertThatThrownBy(() -> db.execute("INSERT INTO ring.ring_a (id, \"bId\") VALUES (1, 42)"))
                .cause().isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
    }

    @Test
    void dropAllDropsTheClosingKeyFirstThenTheTables() {
        db.database().createAll(db.metadata());

        List<String> ran = db.database().dropAll(db.metadata());

        assertThat(ran.get(0)).startsWith("ALTER TABLE IF EXISTS ring.ring_a DROP CONSTRAINT IF EXISTS");
        assertThat(ran.subList(1, ran.size())).hasSize(3).allMatch(sql -> sql.startsWith("DROP TABLE IF EXISTS ring."));
        assertThat(db.schema().tableNames()).isEmpty();
    }

    @Test
    void dropAllWorksWhileTheRingHoldsRows() {
        db.database().createAll(db.metadata());
        db.execute("INSERT INTO ring.ring_a (id) VALUES (1)");
        db.execute("INSERT INTO ring.ring_b (id) VALUES (2)");
        db.execute("INSERT INTO ring.ring_c (id, \"aId\") VALUES (3, 1)");
        db.execute("UPDATE ring.ring_b SET \"cId\" = 3");
        db.execute("UPDATE ring.ring_a SET \"bId\" = 2");

        db.database().dropAll(db.metadata());

        assertThat(db.schema().tableNames()).isEmpty();
    }
}
