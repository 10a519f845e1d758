package org.regroup.rest.plans;

import java.time.Instant;
import java.util.function.Supplier;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.regroup.domain.DayProblem;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.model.DayPlan;

/**
 * A plan people read (rosters, day cards, the analysis, who has no seat, alternatives), wherever it lives: a solve the
 * server is running or has just finished, or a version kept in the store. Readers need not know which, so one piece
 * of code answers both {@code /api/plans/{id}/…} and the lasting {@code /api/schools/{school}/days/{date}/…}.
 */
public interface ReadablePlan {

    /** How answers name the plan: a plan id, or "school/2026-11-23 v3". */
    String label();

    /** The day the plan is for, as it was planned. */
    DayProblem problem();

    /** The plan in the documented format. */
    Plan plan();

    /** The plan as the solver sees it (scored, its derived values up to date); readers must not change it. */
    DayPlan day();

    /** The score analysis with every match (computed once). */
    ScoreAnalysis<HardMediumSoftScore> analysis();

    /** Names this state of the plan for caches and ETags: changes whenever the plan does. */
    String tag();

    /** When this state of the plan was made. */
    Instant at();

    /** What was made from this state for readers (a rendered roster…), made once by the first reader. */
    <T> T rendered(Object key, Supplier<T> render);
}
