package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.annotation.Cascade;
import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Lazy;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.api.Status;
import dev.tenon.engine.StatementKind;
import dev.tenon.exception.TenonException;
import dev.tenon.query.Condition;
import dev.tenon.query.DynamicList;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dynamic and write-only collections take {@code add} and {@code remove} without loading anything, as SQLAlchemy's
 * dynamic and write-only relationships do: the next flush writes them (a foreign key, an association row, an
 * orphan's deletion), and a query through the collection sees them, after the autoflush.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class DynamicWritesTest {
    @Table(name = "forum", schema = "dynamic")
    static class Forum {
        @Id @Column Integer id;
        @Column(length = 20) String name;

        @Relationship(backPopulates = "forum", lazy = Lazy.DYNAMIC, orderBy = "id")
        List<Topic> topics;

        /** Owned: a notice taken off the board is deleted. */
        @Relationship(lazy = Lazy.WRITE_ONLY, orderBy = "id", cascade = {Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
        List<Notice> notices;

        @Relationship(secondary = "dynamic.moderation", lazy = Lazy.DYNAMIC, orderBy = "id")
        List<Member> moderators;

        Forum() {
        }

        Forum(int id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Table(name = "topic", schema = "dynamic")
    static class Topic {
        @Id @Column Integer id;
        @Column(length = 20) String title;
        @Column @ForeignKey("dynamic.forum.id") Integer forumId;

        @Relationship(backPopulates = "topics")
        Forum forum;

        Topic() {
        }

        Topic(int id, String title) {
            this.id = id;
            this.title = title;
        }
    }

    @Table(name = "notice", schema = "dynamic")
    static class Notice {
        @Id @Column Integer id;
        @Column(length = 20) String text;
        @Column @ForeignKey("dynamic.forum.id") Integer forumId;

        Notice() {
        }

        Notice(int id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    @Table(name = "member", schema = "dynamic")
    static class Member {
        @Id @Column Integer id;
        @Column(length = 20) String name;

        Member() {
        }

        Member(int id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Table(name = "moderation", schema = "dynamic")
    static class Moderation {
        @Id @Column(name = "forum_id") @ForeignKey("dynamic.forum.id") Integer forumId;
        @Id @Column(name = "member_id") @ForeignKey("dynamic.member.id") Integer memberId;
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Forum.class, Topic.class, Notice.class, Member.class, Moderation.class);
        db.execute("INSERT INTO dynamic.forum (id, name) VALUES (1, 'java'), (2, 'sql')");
        db.execute("INSERT INTO dynamic.topic (id, title, \"forumId\") VALUES (1, 'streams', 1), (2, 'records', 1), (3, 'joins', 2)");
        db.execute("INSERT INTO dynamic.notice (id, text, \"forumId\") VALUES (1, 'welcome', 1)");
        db.execute("INSERT INTO dynamic.member (id, name) VALUES (1, 'ann'), (2, 'ben')");
        db.execute("INSERT INTO dynamic.moderation (forum_id, member_id) VALUES (1, 1)");
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private List<List<Object>> topics() {
        return db.rows("SELECT id, \"forumId\" FROM dynamic.topic ORDER BY id");
    }

    @Test
    void aNewChildAddedToADynamicCollectionIsInsertedAtFlushWithoutLoadingTheCollection() {
        Forum java = session.get(Forum.class, 1);
        Topic generics = new Topic(4, "generics");

        java.topics.add(generics);
        assertThat(session.statistics().statements()).isEqualTo(1);
        session.commit();

        assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(Map.of(StatementKind.SELECT, 1L, StatementKind.INSERT, 1L));
        assertThat(session.status(generics)).isEqualTo(Status.PERSISTENT);
        assertThat(generics.forumId).isEqualTo(1);
        assertThat(generics.forum).isSameAs(java);
        assertThat(topics()).contains(List.of(4, 1));
    }

    @Test
    void aPersistentChildAddedOrRemovedIsOneUpdateEach() {
        Forum java = session.get(Forum.class, 1);
        Topic joins = session.get(Topic.class, 3);
        Topic streams = session.get(Topic.class, 1);

        java.topics.add(joins);
        java.topics.remove(streams);
        session.commit();

        // Three gets, and the two keys written in one batch: no SELECT of the collection.
        assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(Map.of(StatementKind.SELECT, 3L, StatementKind.UPDATE, 1L));
        assertThat(streams.forumId).isNull();
        assertThat(topics()).containsExactly(Arrays.asList(1, null), List.of(2, 1), List.of(3, 1));
    }

    @Test
    void removingAnObjectThatIsNotAMemberWritesNothing() {
        Forum java = session.get(Forum.class, 1);
        Topic joins = session.get(Topic.class, 3);

        java.topics.remove(joins);
        session.commit();

        assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(Map.of(StatementKind.SELECT, 2L));
        assertThat(topics()).contains(List.of(3, 2));
    }

    @Test
    void aQueryThroughTheCollectionSeesThePendingChangesAfterTheAutoflush() {
        Forum java = session.get(Forum.class, 1);
        Topic streams = session.get(Topic.class, 1);
        java.topics.add(new Topic(4, "generics"));
        java.topics.remove(streams);

        List<String> titles = java.topics.stream().map(topic -> topic.title).toList();
        long generics = DynamicList.query(java.topics).where(Condition.like("title", "gen%")).count();

        assertThat(titles).containsExactly("records", "generics");
        assertThat(generics).isEqualTo(1);
        // Two gets; the autoflush's INSERT and UPDATE; the list and the count.
        assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(
                Map.of(StatementKind.SELECT, 4L, StatementKind.INSERT, 1L, StatementKind.UPDATE, 1L));
    }

    @Test
    void addingThenRemovingBeforeTheFlushWritesNothing() {
        Forum java = session.get(Forum.class, 1);
        Topic draft = new Topic(4, "draft");

        java.topics.add(draft);
        java.topics.remove(draft);
        session.commit();

        assertThat(session.status(draft)).isEqualTo(Status.TRANSIENT);
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void aNewObjectHasItsDynamicCollectionsOnceAdded() {
        Forum kotlin = new Forum(3, "kotlin");
        Topic coroutines = new Topic(4, "coroutines");
        kotlin.topics = new ArrayList<>(List.of(coroutines));

        session.add(kotlin);
        kotlin.topics.add(new Topic(5, "flows"));
        kotlin.notices.add(new Notice(2, "hello"));

        assertThat(kotlin.topics).isInstanceOf(DynamicList.class);
        assertThat(kotlin.moderators).isInstanceOf(DynamicList.class);
        assertThat(session.status(coroutines)).isEqualTo(Status.PENDING);
        assertThat(kotlin.topics).extracting(topic -> topic.title).containsExactly("coroutines", "flows");
        // The autoflush inserts the forum, then its topics and notice (one batch per table); then the SELECT.
        assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(Map.of(StatementKind.INSERT, 3L, StatementKind.SELECT, 1L));
        session.commit();
        assertThat(db.rows("SELECT id, \"forumId\" FROM dynamic.notice ORDER BY id")).containsExactly(List.of(1, 1), List.of(2, 3));
    }

    @Test
    void aWriteOnlyCollectionTakesChangesButIsReadOnlyThroughItsQuery() {
        Forum java = session.get(Forum.class, 1);
        Notice welcome = session.get(Notice.class, 1);

        java.notices.add(new Notice(2, "rules"));
        java.notices.remove(welcome);
        session.commit();

        // Two gets, the new notice inserted, the orphan deleted (delete-orphan).
        assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(
                Map.of(StatementKind.SELECT, 2L, StatementKind.INSERT, 1L, StatementKind.DELETE, 1L));
        assertThat(DynamicList.query(java.notices).list()).extracting(notice -> notice.text).containsExactly("rules");
        assertThatThrownBy(() -> java.notices.size()).isInstanceOf(TenonException.class)
                .hasMessageContaining("Forum.notices is write-only").hasMessageContaining("DynamicList.query(parent.notices)");
        assertThatThrownBy(() -> java.notices.iterator()).isInstanceOf(TenonException.class);
    }

    @Test
    void aManyToManyDynamicCollectionWritesAssociationRows() {
        Forum java = session.get(Forum.class, 1);
        Member ann = session.get(Member.class, 1);
        Member ben = session.get(Member.class, 2);

        java.moderators.add(ben);
        java.moderators.remove(ann);
        session.commit();

        assertThat(session.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(
                Map.of(StatementKind.SELECT, 3L, StatementKind.INSERT, 1L, StatementKind.DELETE, 1L));
        assertThat(db.rows("SELECT forum_id, member_id FROM dynamic.moderation")).containsExactly(List.of(1, 2));
    }

    @Test
    void changesWrittenByARolledBackFlushArePendingAgain() {
        Forum java = session.get(Forum.class, 1);
        java.topics.add(new Topic(4, "generics"));
        session.flush();

        session.rollback();
        assertThat(((DynamicList<Topic>) java.topics).hasPendingChanges()).isTrue();
        try (Session next = db.database().openSession(db.metadata())) {
            next.add(java);
            next.commit();
            assertThat(next.statistics().byKind()).containsExactlyInAnyOrderEntriesOf(Map.of(StatementKind.INSERT, 1L));
        }

        assertThat(topics()).contains(List.of(4, 1));
    }

    @Test
    void positionalChangesFailWithWhatToDo() {
        Forum java = session.get(Forum.class, 1);

        assertThatThrownBy(() -> java.topics.set(0, new Topic(9, "x"))).isInstanceOf(TenonException.class)
                .hasMessageContaining("set(index, element) is not supported on Forum.topics").hasMessageContaining("add(child) and remove(child)");
        assertThatThrownBy(() -> java.topics.clear()).isInstanceOf(TenonException.class);
        assertThatThrownBy(() -> java.topics.add(null)).isInstanceOf(TenonException.class).hasMessageContaining("Cannot add null to Forum.topics");
        assertThat(session.statistics().statements()).isEqualTo(1);
    }
}
