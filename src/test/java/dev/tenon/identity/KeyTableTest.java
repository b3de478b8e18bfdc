package dev.tenon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.api.Status;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.Metadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The identity map's index: one state per (entity, key), through growth, collisions and removals. */
class KeyTableTest {
    @Table(name = "a")
    static class A {
        @Id @Column Integer id;
    }

    @Table(name = "b")
    static class B {
        @Id @Column Integer id;
    }

    private final Metadata metadata = Metadata.of(A.class, B.class);
    private final EntityModel a = metadata.entity(A.class);
    private final EntityModel b = metadata.entity(B.class);

    @Test
    void theSameKeyOfTwoEntitiesIsTwoIdentities() {
        KeyTable table = new KeyTable();
        InstanceState first = state(a, 7);
        InstanceState second = state(b, 7);

        table.put(first);
        table.put(second);

        assertThat(table.get(a, 7)).isSameAs(first);
        assertThat(table.get(b, 7)).isSameAs(second);
        assertThat(table.get(a, 8)).isNull();
    }

    @Test
    void puttingAStateForAMappedIdentityReplacesAndReturnsTheOldOne() {
        KeyTable table = new KeyTable();
        InstanceState old = state(a, 1);
        InstanceState replacement = state(a, 1);
        table.put(old);

        assertThat(table.put(replacement)).isSameAs(old);
        assertThat(table.get(a, 1)).isSameAs(replacement);
        assertThat(table.remove(old)).isFalse();
        assertThat(table.get(a, 1)).isSameAs(replacement);
    }

    @Test
    void compositeKeysAreComparedByValue() {
        KeyTable table = new KeyTable();
        InstanceState state = state(a, List.of(1, "x"));
        table.put(state);

        assertThat(table.get(a, List.of(1, "x"))).isSameAs(state);
        assertThat(table.get(a, List.of(1, "y"))).isNull();
    }

    /** Random puts and removes, checked against a HashMap: removal must keep every run of probes reachable. */
    @Test
    void agreesWithAHashMapThroughGrowthAndRemovals() {
        KeyTable table = new KeyTable();
        Map<List<Object>, InstanceState> model = new HashMap<>();
        Random random = new Random(42);
        for (int step = 0; step < 50_000; step++) {
            EntityModel entity = random.nextBoolean() ? a : b;
            int id = random.nextInt(2_000);
            List<Object> key = List.of(entity, id);
            if (random.nextInt(3) == 0) {
                InstanceState present = model.remove(key);
                assertThat(present == null || table.remove(present)).isTrue();
            } else {
                InstanceState state = state(entity, id);
                assertThat(table.put(state)).isSameAs(model.put(key, state));
            }
        }
        for (EntityModel entity : List.of(a, b)) {
            for (int id = 0; id < 2_000; id++) {
                assertThat(table.get(entity, id)).isSameAs(model.get(List.of(entity, id)));
            }
        }
    }

    /** Past its limit the table splits into segments: every identity stays reachable, before and after removals. */
    @Test
    void aLargeTableSplitsIntoSegmentsAndLosesNothing() {
        KeyTable table = new KeyTable();
        List<InstanceState> states = new java.util.ArrayList<>();
        for (int id = 0; id < 100_000; id++) {
            InstanceState state = state(id % 2 == 0 ? a : b, id);
            states.add(state);
            table.put(state);
        }
        for (int id = 0; id < 100_000; id += 3) {
            assertThat(table.remove(states.get(id))).isTrue();
        }

        for (int id = 0; id < 100_000; id++) {
            assertThat(table.get(id % 2 == 0 ? a : b, id)).isSameAs(id % 3 == 0 ? null : states.get(id));
            assertThat(table.get(id % 2 == 0 ? b : a, id)).isNull();
        }
    }

    private static InstanceState state(EntityModel entity, Object id) {
        InstanceState state = new InstanceState(entity, new Object(), Status.PERSISTENT);
        state.id(id);
        return state;
    }
}
