package org.regroup.benchmarks.suite;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.regroup.domain.DayProblem;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.kpi.KpiCalculator;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.output.PlanImporter;

/**
 * The one yardstick: a plan from any solver is put onto a freshly built day and scored by Regroup's Timefold rules
 * and KPI code. A plan that cannot be put onto the day (a session that does not exist, a student where they cannot
 * be) fails with every mismatch listed.
 */
public final class PlanScorer {

    /** A plan's score and KPIs. */
    public record Scored(HardMediumSoftScore score, Kpis kpis) {
    }

    private PlanScorer() {
    }

    public static Scored score(DayProblem problem, Plan plan, String source) {
        DayPlan day = PlanImporter.apply(plan, DayPlanBuilder.build(problem, source), source);
        return score(day);
    }

    /** Scores a day already holding its plan (Regroup's own best plans). */
    public static Scored score(DayPlan day) {
        Explainer.solutionManager().update(day);
        return new Scored(day.getScore(), KpiCalculator.compute(day));
    }

    static RunRecord.Checkpoint checkpoint(double atSeconds, Scored scored) {
        HardMediumSoftScore s = scored.score();
        Kpis k = scored.kpis();
        Double staffLed = k.staffLedRequired() == 0 ? null : (double) k.staffLedDelivered() / k.staffLedRequired();
        return new RunRecord.Checkpoint(atSeconds, s.toString(), s.hardScore(), s.mediumScore(), s.softScore(),
                k.placedShare(), k.goalSkillShare(), staffLed, k.staffLedDelivered(), k.staffLedRequired(),
                k.studentsWithUnmetAccommodation(), k.catchAllStudentBlocks(), k.meanDistinctModalities());
    }
}
