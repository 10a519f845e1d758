package org.regroup.benchmarks.cpsat;

import org.regroup.benchmarks.bound.ScoreBound;
import org.regroup.benchmarks.cpsat.ScoreTerms.Level;
import org.regroup.domain.DayProblem;
import org.regroup.solver.build.DayPlanBuilder;

/**
 * A redundant lower bound on the soft penalty of a {@link Scope#WORKABLE} model, from {@link ScoreBound}: docs/bound.md
 * proves its {@code soft} an upper bound on the soft score of every plan with 0 hard and 0 medium, i.e. the penalty
 * of every plan the workable model admits is at least {@code −soft}. The cut removes no solution; it gives CP-SAT's
 * search the bound its own LP relaxation does not find (issue 17).
 */
final class SoftCut {

    private SoftCut() {
    }

    /** Adds the cut and returns the bound on the soft penalty; null when it does not apply (not a workable model). */
    static Long addTo(DayModel m, DayProblem problem, ScoreBound.Level level) {
        if (m.scope != Scope.WORKABLE || level == null) {
            return null;
        }
        // The bound builds its own day: it must not touch the model's entities.
        ScoreBound.Result bound = ScoreBound.of(DayPlanBuilder.build(problem, "cp-sat bound"), level);
        if (!bound.workable()) {
            return null; // it says no plan is workable; the start plan says otherwise: trust neither, cut nothing
        }
        long penalty = -bound.soft();
        m.model.addGreaterOrEqual(m.score.level(Level.SOFT), penalty);
        return penalty;
    }
}
