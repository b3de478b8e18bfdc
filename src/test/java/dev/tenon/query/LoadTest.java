package dev.tenon.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Lazy;
import org.junit.jupiter.api.Test;

/** Loader options are immutable paths of steps, printed the way they are written. */
class LoadTest {
    @Test
    void aChainAddsOneStepPerCallAndLeavesTheStartAsItWas() {
        Load employees = Load.selectin("employees");
        Load deeper = employees.thenJoined("manager").thenNoload("department");

        assertThat(employees.path()).containsExactly(new Load.Step("employees", Lazy.SELECTIN));
        assertThat(deeper.path()).containsExactly(new Load.Step("employees", Lazy.SELECTIN), new Load.Step("manager", Lazy.JOINED),
                new Load.Step("department", Lazy.NOLOAD));
    }

    @Test
    void eachFactoryPicksItsStrategy() {
        assertThat(Load.joined("a").path().get(0).strategy()).isEqualTo(Lazy.JOINED);
        assertThat(Load.subquery("a").path().get(0).strategy()).isEqualTo(Lazy.SUBQUERY);
        assertThat(Load.lazy("a").path().get(0).strategy()).isEqualTo(Lazy.SELECT);
        assertThat(Load.raise("a").path().get(0).strategy()).isEqualTo(Lazy.RAISE);
        assertThat(Load.noload("a").thenSelectin("b").thenSubquery("c").thenLazy("d").thenRaise("e").path())
                .extracting(Load.Step::strategy)
                .containsExactly(Lazy.NOLOAD, Lazy.SELECTIN, Lazy.SUBQUERY, Lazy.SELECT, Lazy.RAISE);
    }

    @Test
    void aBatchSizeSetsTheLastStepsAndTheChainGoesOnFromThere() {
        Load employees = Load.selectin("employees");
        Load batched = employees.batchSize(2).thenSelectin("reports").batchSize(5).thenJoined("manager");

        assertThat(employees.path()).containsExactly(new Load.Step("employees", Lazy.SELECTIN, 0));
        assertThat(batched.path()).containsExactly(new Load.Step("employees", Lazy.SELECTIN, 2), new Load.Step("reports", Lazy.SELECTIN, 5),
                new Load.Step("manager", Lazy.JOINED, 0));
        assertThat(batched).hasToString("Load.selectin(\"employees\").batchSize(2).selectin(\"reports\").batchSize(5).joined(\"manager\")");
    }

    @Test
    void anOptionPrintsAsItIsWritten() {
        assertThat(Load.selectin("employees").thenJoined("manager")).hasToString("Load.selectin(\"employees\").joined(\"manager\")");
    }
}
