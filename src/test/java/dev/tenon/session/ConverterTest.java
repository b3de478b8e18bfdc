package dev.tenon.session;

import static dev.tenon.query.Condition.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.annotation.AttributeConverter;
import dev.tenon.annotation.Column;
import dev.tenon.annotation.Convert;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Json;
import dev.tenon.annotation.Table;
import dev.tenon.ddl.Ddl;
import dev.tenon.engine.StatementKind;
import dev.tenon.exception.MappingException;
import dev.tenon.metadata.Metadata;
import dev.tenon.metadata.SqlType;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attribute converters: the column takes the converter's database type, values are converted wherever they travel
 * (insert, update, read, query condition), a mutable converted value changed in place is written, and a converter
 * that cannot serve its field is refused at scan time with the field and the fix.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ConverterTest {
    /** An immutable value stored as one number. */
    record Money(BigDecimal amount) {
    }

    /** A mutable value stored as one string: what dirty checking must compare. */
    static final class Labels {
        final List<String> values = new ArrayList<>();

        static Labels of(String... values) {
            Labels labels = new Labels();
            labels.values.addAll(Arrays.asList(values));
            return labels;
        }
    }

    static final class MoneyConverter implements AttributeConverter<Money, BigDecimal> {
        @Override
        public BigDecimal toDatabase(Money money) {
            return money.amount();
        }

        @Override
        public Money fromDatabase(BigDecimal amount) {
            return new Money(amount);
        }
    }

    static final class LabelsConverter implements AttributeConverter<Labels, String> {
        @Override
        public String toDatabase(Labels labels) {
            return String.join("|", labels.values);
        }

        @Override
        public Labels fromDatabase(String text) {
            return Labels.of(text.isEmpty() ? new String[0] : text.split("\\|", -1));
        }
    }

    @Table(name = "product", schema = "conv")
    static class Product {
        @Id(generation = Generation.ASSIGNED) Integer id;
        @Column(precision = 12, scale = 2) @Convert(converter = MoneyConverter.class) Money price;
        @Column(length = 200) @Convert(converter = LabelsConverter.class) Labels labels;
        @Column(length = 20) String name;
    }

    /** Converts the wrong type for the field it is put on. */
    static final class WrongConverter implements AttributeConverter<Integer, String> {
        @Override
        public String toDatabase(Integer value) {
            return value.toString();
        }

        @Override
        public Integer fromDatabase(String value) {
            return Integer.valueOf(value);
        }
    }

    /** Cannot be made: no constructor Tenon can call. */
    static final class NeedsArgument implements AttributeConverter<Money, BigDecimal> {
        NeedsArgument(String unused) {
        }

        @Override
        public BigDecimal toDatabase(Money money) {
            return money.amount();
        }

        @Override
        public Money fromDatabase(BigDecimal amount) {
            return new Money(amount);
        }
    }

    /** Converts to a type that no column holds. */
    static final class ToObject implements AttributeConverter<Money, Object> {
        @Override
        public Object toDatabase(Money money) {
            return money;
        }

        @Override
        public Money fromDatabase(Object value) {
            return (Money) value;
        }
    }

    @Table(name = "broken")
    static class Broken {
        @Id Integer id;
        @Column @Convert(converter = WrongConverter.class) Money wrongType;
        @Column @Convert(converter = NeedsArgument.class) Money noConstructor;
        @Column @Convert(converter = ToObject.class) Money noColumnType;
        @Column @Convert(converter = MoneyConverter.class) @Json Money both;
    }

    @Parameter
    Backend backend;

    TestDb db;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(Product.class);
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void save(int id, String price, Labels labels) {
        Product product = new Product();
        product.id = id;
        product.price = new Money(new BigDecimal(price));
        product.labels = labels;
        product.name = "p" + id;
        try (Session session = db.database().openSession(db.metadata())) {
            session.add(product);
            session.commit();
        }
        log.clear();
    }

    @Test
    void theColumnHasTheConvertersDatabaseType() {
        assertThat(db.metadata().entity(Product.class).column("price").sqlType()).isEqualTo(SqlType.DECIMAL);
        String ddl = Ddl.of(db.metadata()).createScript(db.dialect()).get(1);

        assertThat(ddl).contains(backend == Backend.H2 ? "price NUMERIC(12, 2)," : "price numeric(12, 2),")
                .contains(backend == Backend.H2 ? "labels VARCHAR(200)," : "labels varchar(200),");
    }

    @Test
    void theColumnHoldsTheConvertedValueAndReadsBackAsTheFieldType() {
        save(1, "19.99", Labels.of("new", "x'); DROP TABLE conv.product; --"));

        assertThat(db.rows("SELECT price, labels FROM conv.product"))
                .containsExactly(List.of(new BigDecimal("19.99"), "new|x'); DROP TABLE conv.product; --"));
        try (Session session = db.database().openSession(db.metadata())) {
            Product read = session.get(Product.class, 1);

            assertThat(read.price).isEqualTo(new Money(new BigDecimal("19.99")));
            assertThat(read.labels.values).containsExactly("new", "x'); DROP TABLE conv.product; --");
        }
    }

    @Test
    void aNullFieldIsANullColumnWithoutCallingTheConverter() {
        save(1, "1.00", null);

        assertThat(db.rows("SELECT labels FROM conv.product")).containsExactly(Arrays.asList((Object) null));
        try (Session session = db.database().openSession(db.metadata())) {
            assertThat(session.get(Product.class, 1).labels).isNull();
        }
    }

    @Test
    void aConditionOnAConvertedAttributeBindsTheConvertedValue() {
        save(1, "19.99", Labels.of("a"));
        save(2, "5.00", Labels.of("b"));
        try (Session session = db.database().openSession(db.metadata())) {
            List<Product> found = session.select(Product.class).where(eq("price", new Money(new BigDecimal("5.00")))).list();

            assertThat(found).extracting(product -> product.id).containsExactly(2);
            assertThat(log.sql()).containsExactly("SELECT product_1.id, product_1.price, product_1.labels, product_1.name "
                    + "FROM conv.product product_1 WHERE product_1.price = ?");
        }
    }

    @Test
    void aMutableValueChangedInPlaceIsWrittenAsAnUpdateOfThatColumnAlone() {
        save(1, "19.99", Labels.of("a", "b"));
        try (Session session = db.database().openSession(db.metadata())) {
            Product read = session.get(Product.class, 1);
            log.clear();
            read.labels.values.add("c");

            session.commit();

            assertThat(log.sql()).containsExactly("UPDATE conv.product SET labels = ? WHERE id = ?");
        }
        assertThat(db.rows("SELECT labels FROM conv.product")).containsExactly(List.of("a|b|c"));
    }

    @Test
    void anImmutableConvertedValueIsWrittenWhenReplacedAndOnlyThen() {
        save(1, "19.99", Labels.of("a"));
        try (Session session = db.database().openSession(db.metadata())) {
            Product read = session.get(Product.class, 1);
            read.price = new Money(new BigDecimal("19.990"));
            session.flush();
            assertThat(session.statistics().statements(StatementKind.UPDATE)).isZero();

            read.price = new Money(new BigDecimal("21.00"));
            session.commit();

            assertThat(session.statistics().statements(StatementKind.UPDATE)).isEqualTo(1);
        }
        assertThat(db.rows("SELECT price FROM conv.product")).containsExactly(List.of(new BigDecimal("21.00")));
    }

    @Test
    void convertersThatCannotServeTheirFieldAreRefusedAtScanTime() {
        assertThatThrownBy(() -> Metadata.of(Broken.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Broken.wrongType: WrongConverter converts Integer values, but the field is a Money; "
                        + "use a converter of Money or change the field's type")
                .hasMessageContaining("Broken.noConstructor: NeedsArgument has no no-argument constructor; add one")
                .hasMessageContaining("Broken.noColumnType: ToObject converts to Object, which is not a column type; convert to one of")
                .hasMessageContaining("Broken.both: both @Json and @Convert; keep one");
    }
}
