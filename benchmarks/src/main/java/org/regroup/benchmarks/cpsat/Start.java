package org.regroup.benchmarks.cpsat;

import java.time.Duration;

import org.regroup.domain.DayProblem;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.SolveOptions;

/** Where CP-SAT's search starts: the seats of its first (hinted) solution. */
enum Start {

    /** Nobody placed but the pins: CP-SAT on its own, the peer as measured. */
    EMPTY_DAY,

    /**
     * Regroup's plan after three seconds (feasible and everyone placed on the bundled days): CP-SAT as an improver of
     * Regroup's plan. Not the peer as measured; for where a good start is needed quickly (tests, bound studies).
     */
    REGROUP_PLAN;

    /** The plan to start from (on the model's entities by index); null for the empty day. */
    DayPlan plan(DayProblem problem) {
        if (this == EMPTY_DAY) {
            return null;
        }
        return DaySolver.solve(DayPlanBuilder.build(problem, "cp-sat start"), SolveOptions.of(Duration.ofSeconds(3)),
                progress -> {
                }).plan();
    }
}
