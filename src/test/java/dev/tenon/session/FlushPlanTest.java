package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.api.Status;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.identity.EntityKey;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.identity.Ownership;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.Metadata;
import dev.tenon.sql.Dialect;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The flush planned without a database: the planner is a pure function of the changed objects, the foreign keys
 * their relationships set, and the settings. What a flush then sends is checked against the plan in
 * {@link FlushPlanStatementsTest}.
 */
class FlushPlanTest {
    private final Metadata metadata = Metadata.of(Dept.class, Emp.class);
    private final EntityModel dept = metadata.entity(Dept.class);
    private final EntityModel emp = metadata.entity(Emp.class);
    private final IdentityMap identityMap = new IdentityMap(new Ownership());
    private final List<InstanceState> states = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();

    private FlushPlan plan(int rowsPerStatement) {
        FlushPlanner planner = new FlushPlanner(metadata.tableOrder().tables(), Dialect.forProduct("H2"), identityMap, rowsPerStatement);
        return planner.plan(states, links, List.of(), List.of(), List.of());
    }

    private InstanceState pending(Object object) {
        InstanceState state = new InstanceState(metadata.entity(object.getClass()), object, Status.PENDING);
        identityMap.track(state);
        states.add(state);
        return state;
    }

    private InstanceState persistent(Object object, Object id) {
        EntityModel entity = metadata.entity(object.getClass());
        InstanceState state = new InstanceState(entity, object, Status.PERSISTENT);
        state.key(new EntityKey(entity, id));
        state.valuesLoaded();
        identityMap.put(state);
        states.add(state);
        return state;
    }

    private static Emp emp(int empno, String ename) {
        return new Emp(empno, ename, "CLERK", null, "2026-12-01", "1000", null, 10);
    }

    @Test
    void parentsAreInsertedBeforeTheirChildrenAndEachTableInOneStepPerShape() {
        Dept research = new Dept(50, "RESEARCH", "OSLO");
        Emp ada = emp(9001, "ADA");
        Emp bob = emp(9002, "BOB");
        // Added children first: the plan orders by foreign keys, not by the order of add().
        pending(ada);
        pending(bob);
        pending(research);
        links.add(new Link(ada, emp.relationship("department").foreignKey(), research));
        links.add(new Link(bob, emp.relationship("department").foreignKey(), research));

        FlushPlan plan = plan(1000);

        assertThat(plan.steps()).hasSize(2);
        assertThat(plan.steps().get(0)).isInstanceOfSatisfying(FlushPlan.Insert.class, insert -> {
            assertThat(insert.table()).isSameAs(dept.table());
            assertThat(insert.states()).extracting(InstanceState::object).containsExactly(research);
        });
        assertThat(plan.steps().get(1)).isInstanceOfSatisfying(FlushPlan.Insert.class, insert -> {
            assertThat(insert.table()).isSameAs(emp.table());
            assertThat(insert.states()).extracting(InstanceState::object).containsExactly(ada, bob);
            assertThat(insert.readBack()).extracting(column -> column.name()).containsExactly("created");
        });
        assertThat(plan.statements()).isEqualTo(2);
        // Planning changes nothing: the foreign keys are set when the step runs, once the parent's key is known.
        assertThat(ada.deptno).isEqualTo(10);
    }

    @Test
    void aTableThatReferencesItselfIsInsertedLevelByLevelAndDeletedInReverse() {
        Emp king = emp(9100, "KING");
        Emp jones = emp(9101, "JONES");
        Emp scott = emp(9102, "SCOTT");
        pending(scott);
        pending(jones);
        pending(king);
        links.add(new Link(jones, emp.relationship("manager").foreignKey(), king));
        links.add(new Link(scott, emp.relationship("manager").foreignKey(), jones));

        FlushPlan plan = plan(1000);

        assertThat(plan.steps()).extracting(step -> ((FlushPlan.Insert) step).level()).containsExactly(0, 1, 2);
        assertThat(plan.steps()).extracting(step -> ((FlushPlan.Insert) step).states().get(0).object()).containsExactly(king, jones, scott);
    }

    @Test
    void updatesSetOnlyTheChangedColumnsAndTheKeysLinksChangeThenDeletesComeLast() {
        Emp smith = emp(7369, "SMITH");
        Emp allen = emp(7499, "ALLEN");
        Emp ward = emp(7521, "WARD");
        Dept gone = new Dept(40, "OPERATIONS", "BOSTON");
        InstanceState goneState = persistent(gone, 40);
        persistent(smith, 7369);
        persistent(allen, 7499);
        persistent(ward, 7521);
        smith.sal = new BigDecimal("1200");                       // a column changed
        allen.sal = new BigDecimal("1700");
        Dept fresh = new Dept(60, "NEW", "ROME");
        pending(fresh);
        links.add(new Link(ward, emp.relationship("department").foreignKey(), fresh));  // a key a link changes
        goneState.status(Status.DELETED);

        FlushPlan plan = plan(1000);

        assertThat(plan.steps()).extracting(step -> step.getClass().getSimpleName() + " " + step.table().name() + " " + step.rows())
                .containsExactly("Insert dept 1", "Update emp 2", "Update emp 1", "Delete dept 1");
        assertThat(((FlushPlan.Update) plan.steps().get(1)).columns()).extracting(column -> column.name()).containsExactly("sal");
        assertThat(((FlushPlan.Update) plan.steps().get(2)).columns()).extracting(column -> column.name()).containsExactly("deptno");
        assertThat(ward.deptno).as("not set by planning").isEqualTo(10);
    }

    @Test
    void rowsBeyondTheSettingGoInMoreStatementsAndThePlanPrintsEachStep() {
        for (int i = 0; i < 5; i++) {
            pending(new Dept(70 + i, "D" + i, "X"));
        }

        FlushPlan plan = plan(2);

        assertThat(plan.statements()).isEqualTo(3);
        assertThat(plan).hasToString("1. INSERT INTO scott.dept (deptno, dname, loc) VALUES (?, ?, ?)   -- 5 rows in 3 statements\n"
                + "= 3 statements");
    }

    @Test
    void nothingChangedIsAnEmptyPlan() {
        persistent(emp(7369, "SMITH"), 7369);

        FlushPlan plan = plan(1000);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan).hasToString("(nothing to flush)");
    }
}
