package org.regroup.solver.constraints;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/**
 * The two words every report uses about a plan, defined once (docs/format.md, "Feasible and workable"): the command
 * line, the HTTP answers, the plan file, the what-if report and the KPIs all ask here.
 */
public final class Feasibility {

    private Feasibility() {
    }

    /** No hard rule broken: nothing in the plan harms a student or asks an adult or a space for the impossible. */
    public static boolean feasible(HardMediumSoftScore score) {
        return score != null && score.isFeasible();
    }

    /**
     * Feasible, and no medium rule broken either: every present student placed, every group at least its modality's
     * minimum size. A plan a school can run as it is.
     */
    public static boolean workable(HardMediumSoftScore score) {
        return feasible(score) && score.mediumScore() == 0;
    }
}
