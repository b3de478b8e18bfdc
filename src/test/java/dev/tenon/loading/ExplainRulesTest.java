package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Lazy;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.demo.Post;
import dev.tenon.demo.Profile;
import dev.tenon.demo.User;
import dev.tenon.exception.MappingException;
import dev.tenon.exception.TenonException;
import dev.tenon.loading.model.Book;
import dev.tenon.loading.model.Seed;
import dev.tenon.loading.model.Shelf;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Load;
import dev.tenon.query.LoadPlan;
import dev.tenon.query.LoadPlan.Growth;
import dev.tenon.query.LoadPlan.Origin;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where each strategy of an explained plan came from (the mapping, an option, a rule of the planner) and the rules the
 * engine applies on the way, each shown with its reason; and the plan's refusals of paths it does not have.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ExplainRulesTest {
    /** A tree of folders whose children the mapping loads by selectin: an eager self-reference. */
    @Table(name = "folder", schema = "plans")
    static class Folder {
        @Id(generation = Generation.ASSIGNED) Integer id;
        @Column(name = "parent_id") @ForeignKey("plans.folder.id") Integer parentId;
        @Relationship(foreignKey = "parent_id", backPopulates = "parent", lazy = Lazy.SELECTIN, orderBy = "id") List<Folder> children;
        @Relationship(foreignKey = "parent_id", backPopulates = "children") Folder parent;

        Folder() {
        }

        Folder(int id, Integer parentId) {
            this.id = id;
            this.parentId = parentId;
        }
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(Folder.class, Dept.class, Emp.class, Shelf.class, Book.class, User.class, Post.class, Profile.class));
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void anEagerMappingIsShownAsTheMappingsAndItsRepetitionAsARule() {
        LoadPlan plan = session.select(Folder.class).explain();

        assertThat(plan.root().origin()).isEqualTo(Origin.QUERY);
        assertThat(plan.node("children").origin()).isEqualTo(Origin.MAPPING);
        assertThat(plan.node("children").strategy()).isEqualTo(Lazy.SELECTIN);
        assertThat(plan.node("children.children").origin()).isEqualTo(Origin.RULE);
        assertThat(plan.node("children.children").strategy()).isEqualTo(Lazy.SELECT);
        assertThat(plan.node("children.parent").origin()).isEqualTo(Origin.MAPPING);
        assertThat(plan.toString()).contains(
                "  children: selectin, by the mapping; ⌈parents / 500⌉ statements\n",
                "    children: lazy, by a rule; parents when touched\n"
                        + "      rule: Folder.children is selectin by the mapping but comes again on its own path: loaded lazily there, "
                        + "or the eager load would never end\n",
                "    parent: lazy, by the mapping; targets not in the session when touched\n",
                "  parent: lazy, by the mapping; targets not in the session when touched");
    }

    @Test
    void anOptionIsShownAsWrittenAndOverridesTheMapping() {
        LoadPlan plan = session.select(Folder.class).options(Load.lazy("children"), Load.selectin("parent").thenJoined("children")).explain();

        assertThat(plan.node("children").origin()).isEqualTo(Origin.OPTION);
        assertThat(plan.node("children").strategy()).isEqualTo(Lazy.SELECT);
        assertThat(plan.node("parent.children").source()).isEqualTo("Load.selectin(\"parent\").thenJoined(\"children\")");
        assertThat(plan.outline()).contains("  children: lazy, by the option Load.lazy(\"children\"); parents when touched\n",
                "    children: joined, by the option Load.selectin(\"parent\").thenJoined(\"children\"); no statement of its own");
    }

    @Test
    void theMappedEagerLoadRunsTheStatementsPredicted() {
        Seed.insert(db, List.of(new Folder(1, null)), List.of(new Folder(2, 1), new Folder(3, 1)), List.of(new Folder(4, 2)));
        try (Session fresh = db.database().openSession(db.metadata())) {
            LoadPlan plan = fresh.select(Folder.class).explain();
            List<Folder> folders = fresh.select(Folder.class).orderBy("id").list();

            assertThat(folders.get(0).children).hasSize(2);
            assertThat(plan.statements(Map.of("children", 4))).hasToString("2");
            assertThat(fresh.statistics().statements()).isEqualTo(2);
        }
    }

    @Test
    void aRelationshipsBatchSizeBatchesItsLazyLoads() {
        LoadPlan.Node books = session.select(Shelf.class).explain().node("books");

        assertThat(books.growth()).isEqualTo(Growth.PER_BATCH_TOUCHED);
        assertThat(books.statements()).isEqualTo("⌈siblings / 2⌉ when touched");
        assertThat(books.rules()).containsExactly("@Relationship(batchSize = 2): a touch loads it for up to 2 unloaded siblings from the same result");
    }

    @Test
    void aOneToOneFromItsParentsSideRunsAStatementOnEachTouch() {
        LoadPlan.Node profile = session.select(User.class).explain().node("profile");

        assertThat(profile.statements()).isEqualTo("parents when touched");
        assertThat(profile.rules()).containsExactly(
                "a one-to-one seen from its parent: only a query tells whether its row exists, so each touch runs one");
    }

    @Test
    void aSubqueryLoadBelowTheFirstLevelOrUnderALockLoadsByKeys() {
        LoadPlan nested = session.select(Dept.class).options(Load.selectin("employees").thenSubquery("reports")).explain();
        LoadPlan locked = session.select(Dept.class).options(Load.subquery("employees")).forUpdate().explain();

        assertThat(nested.node("employees.reports").rules()).containsExactly(
                "its parents come from another statement's rows, not from a query of their own: loaded by their keys");
        assertThat(nested.node("employees.reports").sql().get(0)).contains("WHERE emp_1.mgr = ANY(?)");
        assertThat(nested.toString()).contains("reports: subquery, by the option Load.selectin(\"employees\").thenSubquery(\"reports\"); "
                + "⌈parents / 500⌉ statements, after each statement of employees");
        assertThat(locked.node("employees").rules()).containsExactly(
                "the query locks its rows, and run again unlocked it would meet other rows: loaded by the parents' keys");
        assertThat(locked.node("employees").growth()).isEqualTo(Growth.PER_BATCH);
    }

    @Test
    void aLimitWithAJoinedCollectionIsAppliedToTheParents() {
        LoadPlan plan = session.select(Dept.class).options(Load.joined("employees")).limit(2).explain();

        assertThat(plan.root().rules()).containsExactly(
                "a joined collection repeats its parent over rows: the limit applies to the parents, in a nested query of them");
        assertThat(plan.root().sql().get(0)).contains("FROM (SELECT");
    }

    @Test
    void anOptionalManyToOneIsOuterJoinedWithoutARule() {
        LoadPlan plan = session.select(Profile.class).options(Load.joined("user")).explain();

        assertThat(plan.node("user").strategy()).isEqualTo(Lazy.JOINED);
        assertThat(plan.node("user").rules()).isEmpty();   // profiles.user_id may be null
        assertThat(plan.root().sql().get(0)).contains("LEFT OUTER JOIN");
    }

    @Test
    void aProjectionIsOneStatement() {
        LoadPlan plan = session.select(Emp.class).columns("ename", "department.dname").explain();

        assertThat(plan.nodes()).containsOnlyKeys("");
        assertThat(plan.predict(100)).isEqualTo(1);
        assertThat(plan.toString()).startsWith("Emp: the query; 1 statement\n  SELECT emp_1.ename, dept_1.dname FROM scott.emp emp_1");
    }

    @Test
    void countsAreRefusedForPathsThePlanDoesNotHaveOrLacks() {
        LoadPlan plan = session.select(Dept.class).options(Load.selectin("employees").thenSelectin("reports")).explain();

        assertThatThrownBy(() -> plan.statements(Map.of("employees", 4, "employee\"; DROP TABLE x", 1)))
                .isInstanceOf(TenonException.class).hasMessageContaining("has no path [employee\"; DROP TABLE x]");
        assertThatThrownBy(() -> plan.statements(Map.of("employees", 4)))
                .isInstanceOf(TenonException.class).hasMessageContaining("[employees.reports] load with the query");
        assertThatThrownBy(() -> plan.predict(4)).isInstanceOf(TenonException.class)
                .hasMessageContaining("counts the first level only, and [employees.reports] load with the query too");
        assertThatThrownBy(() -> plan.statements(Map.of("employees", -1, "employees.reports", 0)))
                .isInstanceOf(TenonException.class).hasMessageContaining("counts are 0 or more");
        assertThatThrownBy(() -> plan.node("nope")).isInstanceOf(TenonException.class).hasMessageContaining("has no path 'nope'");
    }

    @Test
    void aHostileRelationshipNameIsRefusedBeforeAnyPlan() {
        assertThatThrownBy(() -> session.select(Dept.class).options(Load.selectin("employees\" OR 1=1")).explain())
                .isInstanceOf(MappingException.class).hasMessageContaining("has no relationship 'employees\" OR 1=1'");
        assertThat(session.statistics().statements()).isZero();
    }
}
