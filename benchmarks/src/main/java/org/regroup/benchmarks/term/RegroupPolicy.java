package org.regroup.benchmarks.term;

import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.regroup.domain.DayProblem;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.output.PlanAssembler;
import org.regroup.solver.replan.Continuity;
import org.regroup.solver.replan.History;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.SolveOptions;

/**
 * Regroup as a school runs it every morning (SchoolDays.buildDay on the server): the day starts from yesterday's
 * plan for the students whose readiness did not change (minimal perturbation), no third day running on the same
 * skill in the same modality, a short solve; when the warm start leaves the day not workable, the day is planned from
 * scratch too and the better plan kept.
 */
final class RegroupPolicy implements Policy {

    private final SolveOptions options;

    /** @param options how long each day is solved (a time limit; tests end by steps, never by the clock) */
    RegroupPolicy(SolveOptions options) {
        this.options = options;
    }

    @Override
    public Plan plan(DayProblem today, List<Plan> lastTwo, Set<String> readyChanged, long seed) {
        Plan previous = lastTwo.isEmpty() ? null : lastTwo.get(0);
        Plan plan = solve(today, lastTwo, previous, readyChanged, seed);
        if (previous != null && !Boolean.TRUE.equals(plan.workable())) {
            Plan fresh = solve(today, lastTwo, null, readyChanged, seed);
            if (HardMediumSoftScore.parseScore(fresh.score()).compareTo(HardMediumSoftScore.parseScore(plan.score()))
                    > 0) {
                plan = fresh;
            }
        }
        return plan;
    }

    private Plan solve(DayProblem today, List<Plan> lastTwo, Plan from, Set<String> readyChanged, long seed) {
        DayPlan day = DayPlanBuilder.build(today, today.id());
        if (from != null) {
            Continuity.from(from, day, readyChanged);
        }
        History.apply(day, lastTwo);
        DaySolver.Result result = DaySolver.solve(day, options.withSeed(seed), p -> {
        });
        return PlanAssembler.assemble(result.plan());
    }
}
