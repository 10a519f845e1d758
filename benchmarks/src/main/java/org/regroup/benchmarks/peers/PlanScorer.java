package org.regroup.benchmarks.peers;

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

    /** The plan on a freshly built day, its score set (for analyses and rule-by-rule checks). */
    public static DayPlan imported(DayProblem problem, Plan plan, String source) {
        DayPlan day = PlanImporter.apply(plan, DayPlanBuilder.build(problem, source), source);
        Explainer.solutionManager().update(day);
        return day;
    }

    public static Scored score(DayProblem problem, Plan plan, String source) {
        return kpisOf(imported(problem, plan, source));
    }

    /** Scores a day already holding its plan (Regroup's own best plans). */
    public static Scored score(DayPlan day) {
        Explainer.solutionManager().update(day);
        return kpisOf(day);
    }

    private static Scored kpisOf(DayPlan scored) {
        return new Scored(scored.getScore(), KpiCalculator.compute(scored));
    }
}
