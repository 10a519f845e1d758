package org.regroup.solver.search;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.impl.domain.solution.descriptor.SolutionDescriptor;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.ChangeMove;
import org.junit.jupiter.api.Test;
import org.regroup.solver.TestDays;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/** Local search moves students between sessions and seats the unseated, but never unseats anyone. */
class KeepsSeatsTest {

    private final KeepsSeats filter = new KeepsSeats();
    private final SolutionDescriptor<DayPlan> descriptor = SolutionDescriptor.buildSolutionDescriptor(DayPlan.class,
            DayPlan.ENTITY_CLASSES);
    private final DayPlan day = DayPlanBuilder.build(TestDays.tiny(), "tiny");

    private ChangeMove<DayPlan> move(Placement p, Session to) {
        var variable = descriptor.findEntityDescriptorOrFail(Placement.class).getGenuineVariableDescriptor("session");
        return new ChangeMove<>(variable, p, to);
    }

    @Test
    void aSeatedStudentMovedToAnotherSessionIsAccepted() {
        Placement p = day.getPlacements().get(0);
        p.setSession(p.getCandidates().get(0));
        assertThat(filter.accept(null, move(p, p.getCandidates().get(1)))).isTrue();
    }

    @Test
    void anUnseatedStudentGivenASeatIsAccepted() {
        Placement p = day.getPlacements().get(0);
        assertThat(filter.accept(null, move(p, p.getCandidates().get(0)))).isTrue();
    }

    @Test
    void aSeatedStudentUnseatedIsRefused() {
        Placement p = day.getPlacements().get(0);
        p.setSession(p.getCandidates().get(0));
        assertThat(filter.accept(null, move(p, null))).isFalse();
    }
}
