package dev.tenon.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tenon.annotation.Cascade;
import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.exception.MappingException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Relationships that write the same foreign-key column without knowing of each other draw a warning at scan, as in
 * SQLAlchemy, unless they are linked by backPopulates, one of them is viewOnly, or one names the other in overlaps.
 */
class OverlappingRelationshipsTest {
    final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    final Logger log = (Logger) LoggerFactory.getLogger("tenon.mapping");

    @BeforeEach
    void listen() {
        warnings.start();
        log.addAppender(warnings);
        log.setAdditive(false); // the warnings are expected here: keep them off the console
    }

    @AfterEach
    void stopListening() {
        log.detachAppender(warnings);
        log.setAdditive(true);
    }

    private List<String> warningsOf(Class<?>... classes) {
        Metadata.of(classes);
        assertThat(warnings.list).allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.WARN));
        return warnings.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Table(name = "box")
    static class Box {
        @Id Integer id;
        @Relationship List<Item> items;
    }

    @Table(name = "item")
    static class Item {
        @Id Integer id;
        @Column @ForeignKey("box.id") Integer boxId;
        @Relationship Box box;
    }

    @Test
    void theTwoSidesOfAKeyWithoutBackPopulatesDrawOneWarningWithTheFixes() {
        assertThat(warningsOf(Box.class, Item.class)).containsExactly(
                "Relationship Box.items writes column item.boxId, which Item.box writes too, with no backPopulates between them: "
                        + "a flush would set it from both, and the last write wins. Link them with backPopulates if they are two "
                        + "sides of one relationship, mark the one that is only read with @Relationship(viewOnly = true), or, if "
                        + "both must write, add overlaps = \"box\" to Box.items (or overlaps = \"items\" to Item.box)");
    }

    @Table(name = "crate")
    static class Crate {
        @Id Integer id;
        @Relationship(backPopulates = "crate") List<Bottle> bottles;
        @Relationship(orderBy = "id desc") List<Bottle> newestFirst;
        @Relationship(viewOnly = true, orderBy = "volume") List<Bottle> smallestFirst;
    }

    @Table(name = "bottle")
    static class Bottle {
        @Id Integer id;
        @Column Integer volume;
        @Column @ForeignKey("crate.id") Integer crateId;
        @Relationship(backPopulates = "bottles") Crate crate;
    }

    @Test
    void aSecondCollectionOverTheSameKeyOverlapsBothSidesButAViewOnlyOneDoesNot() {
        assertThat(warningsOf(Crate.class, Bottle.class)).hasSize(2)
                .anySatisfy(w -> assertThat(w).startsWith("Relationship Crate.bottles writes column bottle.crateId, which Crate.newestFirst writes too"))
                .anySatisfy(w -> assertThat(w).startsWith("Relationship Crate.newestFirst writes column bottle.crateId, which Bottle.crate writes too"));
    }

    @Table(name = "shelf")
    static class Shelf {
        @Id Integer id;
        @Relationship(overlaps = "shelf") List<Jar> jars;
    }

    @Table(name = "jar")
    static class Jar {
        @Id Integer id;
        @Column @ForeignKey("shelf.id") Integer shelfId;
        @Relationship Shelf shelf;
    }

    @Table(name = "rack")
    static class Rack {
        @Id Integer id;
        @Relationship List<Can> cans;
    }

    @Table(name = "can")
    static class Can {
        @Id Integer id;
        @Column @ForeignKey("rack.id") Integer rackId;
        @Relationship(overlaps = "Rack.cans") Rack rack;
    }

    @Test
    void overlapsOnEitherSideByNameOrQualifiedNameSilencesThePair() {
        assertThat(warningsOf(Shelf.class, Jar.class, Rack.class, Can.class)).isEmpty();
    }

    @Table(name = "reader")
    static class Reader {
        @Id Integer id;
        @Relationship(secondary = "loan") List<Novel> borrowed;
        @Relationship(secondary = "loan", viewOnly = true) List<Novel> history;
        @Relationship(secondary = "loan") List<Novel> favourites;
    }

    @Table(name = "novel")
    static class Novel {
        @Id Integer id;
    }

    @Table(name = "loan")
    static class Loan {
        @Id @Column(name = "reader_id") @ForeignKey("reader.id") Integer readerId;
        @Id @Column(name = "novel_id") @ForeignKey("novel.id") Integer novelId;
    }

    @Test
    void twoManyToManysOverOneAssociationTableOverlapOnBothItsKeys() {
        assertThat(warningsOf(Reader.class, Novel.class, Loan.class)).singleElement().asString()
                .startsWith("Relationship Reader.borrowed writes column loan.reader_id, loan.novel_id, which Reader.favourites writes too");
    }

    @Test
    void theProjectsOwnModelsScanWithoutWarnings() {
        assertThat(warningsOf(dev.tenon.demo.Dept.class, dev.tenon.demo.Emp.class, dev.tenon.demo.User.class,
                dev.tenon.demo.Post.class, dev.tenon.demo.Profile.class)).isEmpty();
    }

    @Table(name = "bin")
    static class Bin {
        @Id Integer id;
        @Relationship(viewOnly = true, cascade = {Cascade.SAVE_UPDATE, Cascade.DELETE}) List<Lid> lids;
    }

    @Table(name = "lid")
    static class Lid {
        @Id Integer id;
        @Column @ForeignKey("bin.id") Integer binId;
    }

    @Test
    void aViewOnlyRelationshipRefusesACascade() {
        MappingException thrown = catchThrowableOfType(MappingException.class, () -> Metadata.of(Bin.class, Lid.class));

        assertThat(thrown.problems()).containsExactly("Bin.lids: cascade = [SAVE_UPDATE, DELETE] does nothing on a viewOnly "
                + "relationship, which a flush never writes; remove the cascade, or viewOnly");
    }
}
