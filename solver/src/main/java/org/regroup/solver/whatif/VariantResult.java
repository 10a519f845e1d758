package org.regroup.solver.whatif;

import java.time.Duration;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.regroup.domain.DayProblem;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.kpi.KpiCalculator.StudentOutcome;

/**
 * One solved variant (or the base), measured by the same KPI code as a single plan.
 *
 * @param name           the variant's name ("base" for the base day)
 * @param feasible       no hard rule broken
 * @param workable       feasible and no medium rule broken either: every present student placed, every group at its
 *                       minimum size (a plan a school can run as is)
 * @param staffCount     adults in the day
 * @param staffCostPerDay sum of the adults' costPerDay (those without one count 0)
 * @param adultLoads     blocks each adult leads or supervises a group, by id
 * @param solvedFor      wall time of its solve
 * @param brokenRules    hard and medium rules the plan breaks, by name, with how many times: why it is not workable
 */
public record VariantResult(String name, String description, boolean feasible, boolean workable, String score, Kpis kpis,
        int staffCount, double staffCostPerDay, Map<String, Integer> adultLoads, Duration solvedFor,
        Map<String, Integer> brokenRules,
        @JsonIgnore Map<String, StudentOutcome> students, @JsonIgnore Plan plan, @JsonIgnore DayProblem problem) {

    /** No hard or medium rule broken. */
    public static boolean isWorkable(HardMediumSoftScore score) {
        return score != null && score.hardScore() == 0 && score.mediumScore() == 0;
    }

    /** Students with at least one accommodation left unmet. */
    public int unmetStudents() {
        return kpis.studentsWithUnmetAccommodation();
    }

    /** Workable and every accommodation honoured: the bar the fewest-resources search holds a variant to. */
    public boolean honoursEveryAccommodation() {
        return workable && kpis.studentsWithUnmetAccommodation() == 0;
    }
}
