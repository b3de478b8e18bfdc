package dev.tenon.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Index;
import dev.tenon.annotation.Table;
import dev.tenon.testing.Backend;
import dev.tenon.testing.SchemaSnapshot;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names Tenon makes up ({@code ix_<table>_<column>}, {@code fk_<table>_<column>}, {@code pk_<table>}) outgrow
 * PostgreSQL's 63 bytes with long table and column names. PostgreSQL would cut them silently, and the two index
 * names below, equal in their first 63 bytes, would collide; the DDL shortens them with a hash of the whole name.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class LongNamesDdlTest {
    static final String TABLE = "weather_observations_from_the_regional_network";
    static final String NORTH = "measurement_recorded_at_the_northern_station";
    static final String SOUTH = "measurement_recorded_at_the_southern_station";

    @Table(name = TABLE)
    @Index(columns = NORTH)
    @Index(columns = SOUTH)
    static class Observation {
        @Id Integer id;
        @Column(name = NORTH) Integer north;
        @Column(name = SOUTH) Integer south;
        @Column(name = "station_of_the_regional_network_that_sent_it") @ForeignKey("station.id") Integer stationId;
    }

    @Table(name = "station")
    static class Station {
        @Id Integer id;
    }

    @Parameter
    Backend backend;

    TestDb db;
    List<String> ran;

    @BeforeEach
    void open() {
        db = backend.openEmpty(Observation.class, Station.class);
        ran = db.database().createAll(db.metadata());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void twoIndexNamesEqualInTheirFirst63BytesAreBothCreated() {
        SchemaSnapshot.Table table = db.schema().table(TABLE);

        List<SchemaSnapshot.Index> indexes = table.indexes().stream().filter(index -> !index.unique()).toList();
        assertThat(indexes).extracting(index -> index.columns().get(0).toLowerCase())
                .contains(NORTH, SOUTH);
        assertThat(indexes).extracting(SchemaSnapshot.Index::name).doesNotHaveDuplicates();
    }

    @Test
    void everyGeneratedNameFitsTheDatabasesLimit() {
        SchemaSnapshot.Table table = db.schema().table(TABLE);
        String longest = "ix_" + TABLE + "_" + NORTH;

        List<String> names = new ArrayList<>(table.indexes().stream().map(SchemaSnapshot.Index::name).toList());
        names.add(table.primaryKeyName());
        names.add(table.foreignKeys().get(0).name());
        assertThat(names).allSatisfy(name -> assertThat(db.dialect().identifierSize(name)).isLessThanOrEqualTo(db.dialect().identifierLimit()));
        if (backend == Backend.H2) {
            // H2 keeps 256 characters: the names stay whole.
            assertThat(table.index(longest)).isPresent();
        } else {
            // The first 54 bytes of the name, '_' and 8 hex digits of its hash: 63 bytes.
            assertThat(ran).anySatisfy(sql -> assertThat(sql).matches(
                    "CREATE INDEX " + longest.substring(0, 54) + "_[0-9a-f]{8} ON " + TABLE + " \\(" + NORTH + "\\)"));
        }
    }

    @Test
    void aSecondCreateAllFindsEverythingInPlace() {
        List<String> again = db.database().createAll(db.metadata());

        assertThat(again).isEmpty();
        assertThat(db.schema().table(TABLE).indexes()).extracting(index -> index.columns().get(0).toLowerCase()).contains(NORTH, SOUTH);
    }

    @Test
    void theShortenedNamesAreTheSameInEveryScript() {
        List<String> script = Ddl.of(db.metadata()).createScript(db.dialect());

        assertThat(script).isEqualTo(ran);
    }
}
