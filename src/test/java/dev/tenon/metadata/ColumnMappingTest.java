package dev.tenon.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.MappingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Fields become columns: every supported Java type, nullability, key generation and server defaults. */
class ColumnMappingTest {
    enum Mood { HAPPY, GRUMPY }

    @Table(name = "every_type")
    static class EveryType {
        @Id Long id;
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
        @Column(precision = 10, scale = 3) BigDecimal decimal;
        @Column(length = 40) String text;
        @Column LocalDate date;
        @Column LocalDateTime localTimestamp;
        @Column OffsetDateTime offsetTimestamp;
        @Column Instant instant;
        @Column UUID uuid;
        @Column byte[] bytes;
        @Column Mood mood;
        String notMapped;
    }

    private final TableModel everyType = Metadata.of(EveryType.class).table("every_type");

    @Test
    void everySupportedJavaTypeMapsToItsSqlType() {
        Map<String, SqlType> types = new LinkedHashMap<>();
        everyType.columns().forEach(column -> types.put(column.name(), column.sqlType()));

        assertThat(types).containsExactly(
                entry("id", SqlType.BIGINT),
                entry("primitiveInt", SqlType.INTEGER), entry("boxedInt", SqlType.INTEGER),
                entry("primitiveLong", SqlType.BIGINT), entry("boxedLong", SqlType.BIGINT),
                entry("primitiveShort", SqlType.SMALLINT), entry("boxedShort", SqlType.SMALLINT),
                entry("primitiveBoolean", SqlType.BOOLEAN), entry("boxedBoolean", SqlType.BOOLEAN),
                entry("primitiveDouble", SqlType.DOUBLE), entry("boxedDouble", SqlType.DOUBLE),
                entry("decimal", SqlType.DECIMAL), entry("text", SqlType.VARCHAR), entry("date", SqlType.DATE),
                entry("localTimestamp", SqlType.TIMESTAMP), entry("offsetTimestamp", SqlType.TIMESTAMP_TZ),
                entry("instant", SqlType.TIMESTAMP_TZ), entry("uuid", SqlType.UUID), entry("bytes", SqlType.BINARY),
                entry("mood", SqlType.VARCHAR));
    }

    @Test
    void sizesComeFromTheColumnAnnotation() {
        assertThat(everyType.column("text").length()).isEqualTo(40);
        assertThat(everyType.column("decimal").precision()).isEqualTo(10);
        assertThat(everyType.column("decimal").scale()).isEqualTo(3);
    }

    @Test
    void primitiveAndKeyColumnsAreNotNullableAndWrappersAre() {
        assertThat(everyType.column("primitiveInt").nullable()).isFalse();
        assertThat(everyType.column("primitiveBoolean").nullable()).isFalse();
        assertThat(everyType.column("id").nullable()).isFalse();
        assertThat(everyType.column("boxedInt").nullable()).isTrue();
        assertThat(everyType.column("text").nullable()).isTrue();
    }

    @Test
    void fieldsWithoutColumnOrIdAreNotPersisted() {
        assertThat(everyType.column("notMapped")).isNull();
        assertThat(everyType.columns()).hasSize(20);
    }

    @Test
    void anEnumTravelsByItsName() {
        ColumnModel mood = everyType.column("mood");

        assertThat(mood.type().toJdbc(Mood.GRUMPY)).isEqualTo("GRUMPY");
    }

    @Test
    void aSingleIntegralKeyIsAnIdentityByDefault() {
        assertThat(everyType.column("id").identity()).isTrue();
        assertThat(Metadata.of(Dept.class, Emp.class).table("scott.dept").column("deptno").identity()).isTrue();
    }

    @Table(name = "code")
    static class Code {
        @Id(generation = Generation.ASSIGNED) Integer id;
        @Column(nullable = false, length = 5) String value;
    }

    @Table(name = "country")
    static class Country {
        @Id String iso;
    }

    @Table(name = "pair")
    static class Pair {
        @Id Integer left;
        @Id Integer right;
    }

    @Test
    void assignedStringAndCompositeKeysAreNotIdentities() {
        assertThat(Metadata.of(Code.class).table("code").column("id").identity()).isFalse();
        assertThat(Metadata.of(Country.class).table("country").column("iso").identity()).isFalse();
        assertThat(Metadata.of(Pair.class).table("pair").primaryKey()).noneMatch(ColumnModel::identity);
    }

    @Test
    void nullableFalseMakesANotNullColumn() {
        assertThat(Metadata.of(Code.class).table("code").column("value").nullable()).isFalse();
    }

    @Table(name = "badge")
    static class Badge {
        @Id(generation = Generation.IDENTITY) String name;
    }

    @Test
    void anIdentityOnANonIntegralKeyIsRejected() {
        assertThatThrownBy(() -> Metadata.of(Badge.class)).isInstanceOf(MappingException.class)
                .hasMessage("Badge.name: IDENTITY needs a single integral key (int, long, short); use Generation.ASSIGNED");
    }

    @Table(name = "defaults")
    static class Defaults {
        @Id Integer id;
        @Column(serverDefault = "now") Instant created;
        @Column(serverDefault = "CURRENT_TIMESTAMP") Instant touched;
        @Column(serverDefault = "'draft'") String status;
        @Column(serverDefault = "42") Integer answer;
        @Column(serverDefault = "lower('ABC')") String lowered;
        @Column String none;
    }

    @Test
    void serverDefaultsAreParsedIntoNowLiteralOrExpression() {
        TableModel defaults = Metadata.of(Defaults.class).table("defaults");

        assertThat(defaults.column("created").serverDefault()).isEqualTo(new ServerDefault(ServerDefault.Kind.NOW, "now"));
        assertThat(defaults.column("touched").serverDefault().kind()).isEqualTo(ServerDefault.Kind.NOW);
        assertThat(defaults.column("status").serverDefault()).isEqualTo(new ServerDefault(ServerDefault.Kind.LITERAL, "'draft'"));
        assertThat(defaults.column("answer").serverDefault()).isEqualTo(new ServerDefault(ServerDefault.Kind.LITERAL, "42"));
        assertThat(defaults.column("lowered").serverDefault())
                .isEqualTo(new ServerDefault(ServerDefault.Kind.EXPRESSION, "lower('ABC')"));
        assertThat(defaults.column("none").serverDefault()).isNull();
    }

    @Test
    void aServerDefaultIsReadBackAfterInsertAndAPlainColumnIsNot() {
        TableModel defaults = Metadata.of(Defaults.class).table("defaults");

        assertThat(defaults.column("created").generatedOnInsert()).isTrue();
        assertThat(defaults.column("none").generatedOnInsert()).isFalse();
    }

    @Table(name = "on_update")
    static class OnUpdate {
        @Id Integer id;
        @Column(serverOnUpdate = "now") Instant updated;
        @Column(serverOnUpdate = "'edited'") String phase;
        @Column(serverOnUpdate = Column.FETCHED) String byTrigger;
        @Column String none;
    }

    @Test
    void serverOnUpdateIsParsedLikeAServerDefaultAndFetchedHasNoValue() {
        TableModel table = Metadata.of(OnUpdate.class).table("on_update");

        assertThat(table.column("updated").serverOnUpdate()).isEqualTo(new ServerDefault(ServerDefault.Kind.NOW, "now"));
        assertThat(table.column("phase").serverOnUpdate()).isEqualTo(new ServerDefault(ServerDefault.Kind.LITERAL, "'edited'"));
        assertThat(table.column("byTrigger").serverOnUpdate()).isNull();
        assertThat(table.columns()).filteredOn(ColumnModel::generatedOnUpdate).extracting(ColumnModel::name)
                .containsExactly("updated", "phase", "byTrigger");
    }

    @Table(name = "moving_key")
    static class MovingKey {
        @Id @Column(serverOnUpdate = "now") Instant id;
    }

    @Test
    void aKeyCannotChangeOnUpdate() {
        assertThatThrownBy(() -> Metadata.of(MovingKey.class)).isInstanceOf(MappingException.class)
                .hasMessage("MovingKey.id: a primary key cannot change on update; remove serverOnUpdate");
    }

    @Test
    void accessorsReadAndWriteThePreparedField() {
        Metadata metadata = Metadata.of(Dept.class, Emp.class);
        ColumnModel dname = metadata.entity(Dept.class).column("dname");
        Dept dept = (Dept) metadata.entity(Dept.class).newInstance();

        dname.set(dept, "RESEARCH");

        assertThat(dept.dname).isEqualTo("RESEARCH");
        assertThat(dname.get(dept)).isEqualTo("RESEARCH");
    }
}
