package dev.tenon.session;

import static dev.tenon.query.Condition.eq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Json;
import dev.tenon.annotation.Table;
import dev.tenon.ddl.Ddl;
import dev.tenon.engine.StatementKind;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @Json} fields: jsonb on PostgreSQL, JSON on H2; a record, a map and a list of records stored as JSON values
 * (not as JSON strings), hostile text bound and read back intact, a document changed in place written as an UPDATE
 * of its column alone, and equality in a query.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class JsonColumnTest {
    record Address(String street, String city, List<String> lines) {
    }

    @Table(name = "customer", schema = "docs")
    static class Customer {
        @Id(generation = Generation.ASSIGNED) Integer id;
        @Column @Json Address address;
        @Column @Json Map<String, Object> settings;
        @Column @Json List<Address> previous;
        @Column(length = 20) String name;
    }

    static final Address HOSTILE = new Address("\"quoted\" \\ back\\slash {not: json}", "x'); DROP TABLE docs.customer; --",
            List.of("Grüße", "東京", "line\nbreak"));
    static final Address PLAIN = new Address("1 Main St", "Springfield", List.of());

    @Parameter
    Backend backend;

    TestDb db;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Customer.class);
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void save(int id, Address address) {
        Customer customer = new Customer();
        customer.id = id;
        customer.address = address;
        customer.settings = new LinkedHashMap<>(Map.of("theme", "dark"));
        customer.previous = new ArrayList<>(List.of(PLAIN));
        customer.name = "c" + id;
        try (Session session = db.database().openSession(db.metadata())) {
            session.add(customer);
            session.commit();
        }
        log.clear();
    }

    @Test
    void eachDatabaseGetsItsJsonType() {
        String ddl = Ddl.of(db.metadata()).createScript(db.dialect()).get(1);

        if (backend == Backend.H2) {
            assertThat(ddl).contains("address JSON,", "settings JSON,", "previous JSON,");
        } else {
            assertThat(ddl).contains("address jsonb,", "settings jsonb,", "previous jsonb,");
        }
    }

    @Test
    void aDocumentWithHostileTextComesBackEqual() {
        save(1, HOSTILE);
        try (Session session = db.database().openSession(db.metadata())) {
            Customer read = session.get(Customer.class, 1);

            assertThat(read.address).isEqualTo(HOSTILE);
            assertThat(read.settings).containsExactly(Map.entry("theme", "dark"));
            assertThat(read.previous).containsExactly(PLAIN);
        }
        assertThat(db.rows("SELECT count(*) FROM docs.customer")).containsExactly(List.of(1L));
    }

    @Test
    void theColumnHoldsAJsonObjectNotAJsonString() {
        save(1, HOSTILE);

        if (backend == Backend.H2) {
            assertThat(db.rows("SELECT address IS JSON OBJECT, previous IS JSON ARRAY FROM docs.customer"))
                    .containsExactly(List.of(true, true));
        } else {
            assertThat(db.rows("SELECT jsonb_typeof(address), address->>'city', previous->0->>'city' FROM docs.customer"))
                    .containsExactly(List.of("object", HOSTILE.city(), "Springfield"));
        }
    }

    @Test
    void aNullDocumentIsANullColumn() {
        save(1, null);

        assertThat(db.rows("SELECT address FROM docs.customer")).containsExactly(Arrays.asList((Object) null));
        try (Session session = db.database().openSession(db.metadata())) {
            assertThat(session.get(Customer.class, 1).address).isNull();
        }
    }

    @Test
    void aMapChangedInPlaceIsWrittenAsAnUpdateOfThatColumnAlone() {
        save(1, PLAIN);
        try (Session session = db.database().openSession(db.metadata())) {
            Customer read = session.get(Customer.class, 1);
            log.clear();
            read.settings.put("language", "fr'); --");

            session.commit();

            assertThat(log.sql()).containsExactly("UPDATE docs.customer SET settings = ? WHERE id = ?");
        }
        try (Session session = db.database().openSession(db.metadata())) {
            assertThat(session.get(Customer.class, 1).settings).containsEntry("language", "fr'); --").containsEntry("theme", "dark");
        }
    }

    @Test
    void aRecordAddedToAListedDocumentIsWritten() {
        save(1, PLAIN);
        try (Session session = db.database().openSession(db.metadata())) {
            Customer read = session.get(Customer.class, 1);
            log.clear();
            read.previous.add(HOSTILE);

            session.commit();

            assertThat(log.sql()).containsExactly("UPDATE docs.customer SET previous = ? WHERE id = ?");
        }
        try (Session session = db.database().openSession(db.metadata())) {
            assertThat(session.get(Customer.class, 1).previous).containsExactly(PLAIN, HOSTILE);
        }
    }

    @Test
    void anUnchangedDocumentIsNotWritten() {
        save(1, HOSTILE);
        try (Session session = db.database().openSession(db.metadata())) {
            Customer read = session.get(Customer.class, 1);
            read.address = new Address(HOSTILE.street(), HOSTILE.city(), new ArrayList<>(HOSTILE.lines()));
            read.settings.put("theme", "dark");

            session.commit();

            assertThat(session.statistics().statements(StatementKind.UPDATE)).isZero();
        }
    }

    @Test
    void equalityOnADocumentBindsItsJson() {
        save(1, HOSTILE);
        save(2, PLAIN);
        try (Session session = db.database().openSession(db.metadata())) {
            List<Customer> found = session.select(Customer.class).where(eq("address", HOSTILE)).list();

            assertThat(found).extracting(customer -> customer.id).containsExactly(1);
            assertThat(log.sql().get(0)).endsWith("WHERE customer_1.address = ?");
        }
    }
}
