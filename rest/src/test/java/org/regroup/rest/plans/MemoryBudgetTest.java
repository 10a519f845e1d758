package org.regroup.rest.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    private final MemoryBudget budget = new MemoryBudget(100);
    private final List<String> dropped = new ArrayList<>();

    @Test
    void aSolveIsRefusedWhenSolvesHoldTheBudgetButAloneItAlwaysRuns() {
        assertThat(budget.hold("solve a", 60)).isTrue();
        assertThat(budget.hold("solve b", 60)).as("over the budget with another solve running").isFalse();
        budget.release("solve a");
        assertThat(budget.hold("solve b", 160)).as("alone, a day larger than the budget still runs").isTrue();
        assertThat(budget.claimed()).isEqualTo(160);
    }

    @Test
    void keptPlansMakeRoomForASolveLeastRecentlyReadFirst() {
        assertThat(budget.keep("plan 1", 40, () -> dropped.add("plan 1"))).isTrue();
        assertThat(budget.keep("plan 2", 40, () -> dropped.add("plan 2"))).isTrue();
        budget.touch("plan 1"); // read just now: plan 2 is the one to go

        assertThat(budget.hold("solve", 50)).isTrue();

        assertThat(dropped).containsExactly("plan 2");
        assertThat(budget.claimed()).isEqualTo(90);
    }

    @Test
    void aPlanIsNotKeptWhenSolvesHoldTheBudget() {
        assertThat(budget.hold("solve", 90)).isTrue();
        assertThat(budget.keep("plan", 20, () -> dropped.add("plan"))).isFalse();
        assertThat(budget.claimed()).isEqualTo(90);
        assertThat(dropped).isEmpty();
    }

    @Test
    void claimingAgainReplacesTheEarlierClaim() {
        assertThat(budget.keep("plan", 30, () -> dropped.add("plan"))).isTrue();
        assertThat(budget.hold("plan", 50)).isTrue();
        assertThat(budget.claimed()).isEqualTo(50);
        assertThat(dropped).isEmpty();
        budget.release("plan");
        assertThat(budget.claimed()).isZero();
    }
}
