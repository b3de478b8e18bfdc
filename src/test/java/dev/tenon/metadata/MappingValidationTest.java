package dev.tenon.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Lazy;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.exception.MappingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A bad mapping fails at scan time with a {@link MappingException} whose message names the class, the field
 * and the fix. Each test maps one mistake next to otherwise valid classes and expects exactly that problem.
 */
class MappingValidationTest {

    @Table(name = "parent")
    static class Parent {
        @Id Integer id;
        @Relationship(backPopulates = "parent") List<Child> children;
    }

    @Table(name = "child")
    static class Child {
        @Id Integer id;
        @Column @ForeignKey("parent.id") Integer parentId;
        @Relationship(backPopulates = "children") Parent parent;
    }

    @Test
    void theValidPairScans() {
        assertThat(Metadata.of(Parent.class, Child.class).entities()).hasSize(2);
    }

    @Table(name = "keyless")
    static class Keyless {
        @Column String name;
    }

    @Test
    void anEntityWithoutIdIsRejected() {
        assertThat(onlyProblem(Keyless.class)).isEqualTo("Keyless: no primary key; mark the key field(s) with @Id");
    }

    @Table(name = "orphan")
    static class Orphan {
        @Id Integer id;
        @Column @ForeignKey("ghost.id") Integer ghostId;
    }

    @Test
    void aForeignKeyToAnUnknownTableIsRejected() {
        assertThat(onlyProblem(Orphan.class, Parent.class, Child.class))
                .startsWith("Orphan.ghostId: @ForeignKey(\"ghost.id\") names unknown table 'ghost'")
                .contains("mapped tables are [orphan, parent, child]")
                .contains("is its class in the Metadata?");
    }

    @Table(name = "stray")
    static class Stray {
        @Id Integer id;
        @Column @ForeignKey("parent.parent_no") Integer parentNo;
    }

    @Test
    void aForeignKeyToAnUnknownColumnIsRejected() {
        assertThat(onlyProblem(Stray.class, Parent.class, Child.class))
                .isEqualTo("Stray.parentNo: @ForeignKey(\"parent.parent_no\") names unknown column 'parent_no' of parent;"
                        + " its columns are [id]");
    }

    @Table(name = "mother")
    static class Mother {
        @Id Integer id;
        @Relationship(backPopulates = "mom") List<Daughter> daughters;
    }

    @Table(name = "daughter")
    static class Daughter {
        @Id Integer id;
        @Column @ForeignKey("mother.id") Integer motherId;
        @Relationship Mother mother;
    }

    @Test
    void backPopulatesNamingAMissingRelationshipIsRejected() {
        assertThat(onlyProblem(Mother.class, Daughter.class))
                .isEqualTo("Mother.daughters: backPopulates = \"mom\" is not a relationship of Daughter;"
                        + " its relationships are [mother]");
    }

    @Table(name = "team")
    static class Team {
        @Id Integer id;
        @Relationship(backPopulates = "captain") List<Player> players;
    }

    @Table(name = "player")
    static class Player {
        @Id Integer id;
        @Column @ForeignKey("team.id") Integer teamId;
        @Column @ForeignKey("player.id") Integer captainId;
        @Relationship Team team;
        @Relationship Player captain;
    }

    @Test
    void backPopulatesNamingARelationshipThatDoesNotPointBackIsRejected() {
        assertThat(onlyProblem(Team.class, Player.class))
                .isEqualTo("Team.players: backPopulates = \"captain\" names Player.captain, which does not point back"
                        + " to Team through the same foreign key; name the mirror relationship");
    }

    @Table(name = "author")
    static class Author {
        @Id Integer id;
        @Relationship(backPopulates = "author") List<Book> books;
    }

    @Table(name = "book")
    static class Book {
        @Id Integer id;
        @Column @ForeignKey("author.id") Integer authorId;
        @Relationship(backPopulates = "writings") Author author;
    }

    @Test
    void backPopulatesThatIsNotMutualIsRejected() {
        assertThat(problems(Author.class, Book.class)).contains(
                "Author.books: backPopulates = \"author\" but Book.author back-populates \"writings\";"
                        + " make the two name each other");
    }

    @Table(name = "island")
    static class Island {
        @Id Integer id;
        @Relationship List<Lighthouse> lighthouses;
    }

    @Table(name = "lighthouse")
    static class Lighthouse {
        @Id Integer id;
        @Column Integer islandId;
    }

    @Test
    void aRelationshipWithoutAForeignKeyBetweenTheTablesIsRejected() {
        assertThat(onlyProblem(Island.class, Lighthouse.class))
                .isEqualTo("Island.lighthouses: no foreign key joins island and lighthouse;"
                        + " add @ForeignKey(\"island.id\") to a column of Lighthouse (or the reverse)");
    }

    @Table(name = "city")
    static class City {
        @Id Integer id;
    }

    @Table(name = "flight")
    static class Flight {
        @Id Integer id;
        @Column @ForeignKey("city.id") Integer fromId;
        @Column @ForeignKey("city.id") Integer toId;
        @Relationship City destination;
    }

    @Test
    void aRelationshipOverTwoForeignKeysWithNoneNamedIsRejected() {
        assertThat(onlyProblem(City.class, Flight.class))
                .isEqualTo("Flight.destination: 2 foreign keys join flight and city ([flight[fromId], flight[toId]]);"
                        + " name one with @Relationship(foreignKey = \"fromId\")");
    }

    @Table(name = "shelf")
    static class Shelf {
        @Id Integer id;
        @Relationship Collection<Volume> volumes;
    }

    @Table(name = "volume")
    static class Volume {
        @Id Integer id;
        @Column @ForeignKey("shelf.id") Integer shelfId;
    }

    @Test
    void aCollectionFieldDeclaredAsCollectionIsRejected() {
        assertThat(onlyProblem(Shelf.class, Volume.class)).isEqualTo(
                "Shelf.volumes: collection type Collection is not supported; declare it as List<...> or Set<...>");
    }

    @Table(name = "rack")
    static class Rack {
        @Id Integer id;
        @Relationship ArrayList<Bottle> bottles;
    }

    @Table(name = "bottle")
    static class Bottle {
        @Id Integer id;
        @Column @ForeignKey("rack.id") Integer rackId;
    }

    @Test
    void aCollectionFieldDeclaredAsArrayListIsRejected() {
        assertThat(onlyProblem(Rack.class, Bottle.class)).isEqualTo(
                "Rack.bottles: collection type ArrayList is not supported; declare it as List<...> or Set<...>");
    }

    @Table(name = "diary")
    static class Diary {
        @Id Integer id;
        @Column Date written;
    }

    @Test
    void anUnsupportedJavaTypeIsRejected() {
        assertThat(onlyProblem(Diary.class))
                .startsWith("Diary.written: type Date is not supported; use int/Integer, long/Long")
                .contains("LocalDateTime, OffsetDateTime, Instant, UUID, byte[], an enum, a List or array of strings or numbers, "
                        + "or any type through @Convert(converter = ...) or @Json");
    }

    @Table(name = "twin")
    static class FirstTwin {
        @Id Integer id;
    }

    @Table(name = "twin")
    static class SecondTwin {
        @Id Integer id;
    }

    @Test
    void twoClassesMappingTheSameTableAreRejected() {
        assertThat(onlyProblem(FirstTwin.class, SecondTwin.class))
                .isEqualTo("SecondTwin: table twin is already mapped by FirstTwin; give one of them another name or schema");
    }

    @Table(name = "inner_thing")
    class InnerThing {
        @Id Integer id;
    }

    @Test
    void aNonStaticInnerClassIsRejected() {
        assertThat(onlyProblem(InnerThing.class))
                .isEqualTo("InnerThing: a non-static inner class cannot be instantiated from a row; declare it 'static'");
    }

    @Table(name = "sealed_box")
    static class SealedBox {
        @Id Integer id;

        SealedBox(Integer id) {
            this.id = id;
        }
    }

    @Test
    void aClassWithoutNoArgumentConstructorIsRejected() {
        assertThat(onlyProblem(SealedBox.class))
                .isEqualTo("SealedBox: no no-argument constructor; add one (it may be private)");
    }

    @Test
    void everyProblemOfOneScanIsReportedAtOnce() {
        MappingException thrown = catchThrowableOfType(MappingException.class,
                () -> Metadata.of(Keyless.class, Diary.class, Orphan.class, SealedBox.class));

        assertThat(thrown.problems()).hasSize(4);
        assertThat(thrown.getMessage()).startsWith("4 mapping problems:\n  - ")
                .contains("Keyless: no primary key", "Diary.written: type Date", "Orphan.ghostId: @ForeignKey",
                        "SealedBox: no no-argument constructor");
    }

    @Table(name = "lonely_keyless")
    static class LonelyKeyless {
        @Column String name;
        @Relationship List<Lighthouse> lighthouses;
    }

    @Test
    void aRelationshipOfAnEntityWithoutIdIsReportedWithoutCrashing() {
        assertThat(problems(LonelyKeyless.class, Lighthouse.class)).containsExactly(
                "LonelyKeyless: no primary key; mark the key field(s) with @Id",
                "LonelyKeyless.lighthouses: no foreign key joins lonely_keyless and lighthouse;"
                        + " add @ForeignKey(\"lonely_keyless.<key column>\") to a column of Lighthouse (or the reverse)");
    }

    @Table(name = "set_parent")
    static class SetParent {
        @Id Integer id;
        @Relationship(lazy = Lazy.WRITE_ONLY) Set<SetChild> children;
    }

    @Table(name = "set_child")
    static class SetChild {
        @Id Integer id;
        @Column @ForeignKey("set_parent.id") Integer parentId;
    }

    @Test
    void aDynamicRelationshipNeedsAListField() {
        assertThat(onlyProblem(SetParent.class, SetChild.class)).isEqualTo(
                "SetParent.children: lazy = WRITE_ONLY holds a query-backed list; declare the field as List<SetChild>, not Set");
    }

    private static String onlyProblem(Class<?>... classes) {
        List<String> problems = problems(classes);
        assertThat(problems).as("problems of %s", List.of(classes)).hasSize(1);
        return problems.get(0);
    }

    private static List<String> problems(Class<?>... classes) {
        MappingException thrown = catchThrowableOfType(MappingException.class, () -> Metadata.of(classes));
        assertThat(thrown).as("a MappingException for %s", List.of(classes)).isNotNull();
        return thrown.problems();
    }
}
