package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.engine.StatementKind;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Every supported Java type goes to its column and comes back equal, NULLs included. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class TypeRoundTripTest {
    enum Color { RED, GREEN }

    @Table(name = "every_type", schema = "types")
    static class EveryType {
        @Id(generation = Generation.ASSIGNED) @Column int id;
        @Column int primitiveInt;
        @Column Integer boxedInt;
        @Column long primitiveLong;
        @Column Long boxedLong;
        @Column short primitiveShort;
        @Column Short boxedShort;
        @Column boolean primitiveBoolean;
        @Column Boolean boxedBoolean;
        @Column double primitiveDouble;
        @Column Double boxedDouble;
        @Column(precision = 12, scale = 4) BigDecimal decimal;
        @Column(length = 40) String text;
        @Column LocalDate date;
        @Column LocalDateTime dateTime;
        @Column OffsetDateTime offsetDateTime;
        @Column Instant instant;
        @Column UUID uuid;
        @Column byte[] bytes;
        @Column(length = 10) Color color;
    }

    static final OffsetDateTime OFFSET_TIME = OffsetDateTime.of(2024, 2, 29, 23, 30, 15, 123_456_000, ZoneOffset.ofHours(5));
    static final UUID A_UUID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.open(EveryType.class);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static EveryType filled() {
        EveryType row = new EveryType();
        row.id = 1;
        row.primitiveInt = Integer.MIN_VALUE;
        row.boxedInt = Integer.MAX_VALUE;
        row.primitiveLong = Long.MIN_VALUE;
        row.boxedLong = Long.MAX_VALUE;
        row.primitiveShort = Short.MIN_VALUE;
        row.boxedShort = Short.MAX_VALUE;
        row.primitiveBoolean = true;
        row.boxedBoolean = false;
        row.primitiveDouble = -0.1;
        row.boxedDouble = 6.02214076e23;
        row.decimal = new BigDecimal("-12345678.9012");
        row.text = "Grüße, 東京 'quoted' \"too\"";
        row.date = LocalDate.of(1969, 7, 20);
        row.dateTime = LocalDateTime.of(2000, 1, 1, 0, 0, 0, 999_999_000);
        row.offsetDateTime = OFFSET_TIME;
        row.instant = Instant.parse("2038-01-19T03:14:08.654321Z");
        row.uuid = A_UUID;
        row.bytes = new byte[] {0, 1, -1, 127, -128};
        row.color = Color.GREEN;
        return row;
    }

    /** Writes in one session and commits, then reads back in a fresh one, so nothing comes from the identity map. */
    private EveryType roundTrip(EveryType row) {
        try (Session session = db.database().openSession(db.metadata())) {
            session.add(row);
            session.commit();
        }
        try (Session session = db.database().openSession(db.metadata())) {
            EveryType read = session.get(EveryType.class, row.id);
            assertThat(read).isNotSameAs(row);
            return read;
        }
    }

    @Test
    void everyTypeComesBackEqual() {
        EveryType read = roundTrip(filled());

        assertThat(read.primitiveInt).isEqualTo(Integer.MIN_VALUE);
        assertThat(read.boxedInt).isEqualTo(Integer.MAX_VALUE);
        assertThat(read.primitiveLong).isEqualTo(Long.MIN_VALUE);
        assertThat(read.boxedLong).isEqualTo(Long.MAX_VALUE);
        assertThat(read.primitiveShort).isEqualTo(Short.MIN_VALUE);
        assertThat(read.boxedShort).isEqualTo(Short.MAX_VALUE);
        assertThat(read.primitiveBoolean).isTrue();
        assertThat(read.boxedBoolean).isFalse();
        assertThat(read.primitiveDouble).isEqualTo(-0.1);
        assertThat(read.boxedDouble).isEqualTo(6.02214076e23);
        assertThat(read.decimal).isEqualTo(new BigDecimal("-12345678.9012"));
        assertThat(read.text).isEqualTo("Grüße, 東京 'quoted' \"too\"");
        assertThat(read.date).isEqualTo(LocalDate.of(1969, 7, 20));
        assertThat(read.dateTime).isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 999_999_000));
        assertThat(read.instant).isEqualTo(Instant.parse("2038-01-19T03:14:08.654321Z"));
        assertThat(read.uuid).isEqualTo(A_UUID);
        assertThat(read.bytes).containsExactly(0, 1, -1, 127, -128);
        assertThat(read.color).isEqualTo(Color.GREEN);
    }

    @Test
    void anOffsetDateTimeComesBackAsTheSameInstant() {
        EveryType read = roundTrip(filled());

        assertThat(read.offsetDateTime.toInstant()).isEqualTo(OFFSET_TIME.toInstant());
        if (backend == Backend.H2) {
            // H2 keeps the offset; PostgreSQL's timestamptz stores the instant only and answers in UTC.
            assertThat(read.offsetDateTime).isEqualTo(OFFSET_TIME);
        }
    }

    @Test
    void nullsComeBackAsNullsInEveryNullableColumn() {
        EveryType row = new EveryType();
        row.id = 2;

        EveryType read = roundTrip(row);

        assertThat(List.of(read.primitiveInt, read.primitiveLong, read.primitiveShort, read.primitiveBoolean, read.primitiveDouble))
                .containsExactly(0, 0L, (short) 0, false, 0.0);
        assertThat(new Object[] {read.boxedInt, read.boxedLong, read.boxedShort, read.boxedBoolean, read.boxedDouble, read.decimal,
                read.text, read.date, read.dateTime, read.offsetDateTime, read.instant, read.uuid, read.bytes, read.color})
                .containsOnlyNulls();
    }

    @Test
    void anEnumIsStoredByItsName() {
        roundTrip(filled());

        assertThat(db.rows("SELECT color FROM types.every_type")).containsExactly(List.of("GREEN"));
    }

    @Test
    void aRowOfEveryTypeReadBackIsNotDirty() {
        roundTrip(filled());
        try (Session session = db.database().openSession(db.metadata())) {
            session.get(EveryType.class, 1);

            session.flush();

            assertThat(session.statistics().statements()).isEqualTo(1);
            assertThat(session.statistics().statements(StatementKind.UPDATE)).isZero();
        }
    }

    @Test
    void aByteArrayChangedInPlaceIsWritten() {
        roundTrip(filled());
        try (Session session = db.database().openSession(db.metadata())) {
            EveryType read = session.get(EveryType.class, 1);
            read.bytes[0] = 42;

            session.commit();

            assertThat(session.statistics().statements(StatementKind.UPDATE)).isEqualTo(1);
        }
        try (Session session = db.database().openSession(db.metadata())) {
            assertThat(session.get(EveryType.class, 1).bytes).containsExactly(42, 1, -1, 127, -128);
        }
    }

    @Test
    void aColumnSetToNullIsWrittenAsNull() {
        roundTrip(filled());
        try (Session session = db.database().openSession(db.metadata())) {
            EveryType read = session.get(EveryType.class, 1);
            read.text = null;
            read.uuid = null;
            read.color = null;
            read.bytes = null;
            session.commit();
        }

        assertThat(db.rows("SELECT text, uuid, color, bytes FROM types.every_type")).containsExactly(java.util.Arrays.asList(null, null, null, null));
    }
}
