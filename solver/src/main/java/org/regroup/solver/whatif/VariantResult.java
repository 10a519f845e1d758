package org.regroup.solver.whatif;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.regroup.domain.DayProblem;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.Violation;
import org.regroup.solver.constraints.Feasibility;
import org.regroup.solver.kpi.KpiCalculator.StudentOutcome;

/**
 * One solved variant (or the base), measured by the same KPI code as a single plan.
 *
 * @param name           the variant's name ("base" for the base day)
 * @param feasible       no hard rule broken ({@link Feasibility#feasible})
 * @param workable       feasible and no medium rule broken either: every present student placed, every group at its
 *                       minimum size, a plan a school can run as is ({@link Feasibility#workable})
 * @param staffCount     adults in the day
 * @param staffCostPerDay sum of the adults' costPerDay (those without one count 0)
 * @param adultLoads     blocks each adult leads or supervises a group, by id
 * @param solvedFor      wall time of its solve
 * @param brokenRules    hard and medium rules the plan breaks, by name, with how many times: why it is not workable
 * @param violations     each of those but the unplaced student-blocks, with the blocks, sessions, adults, spaces and
 *                       students involved (as in the plan)
 */
public record VariantResult(String name, String description, boolean feasible, boolean workable, String score, Kpis kpis,
        int staffCount, double staffCostPerDay, Map<String, Integer> adultLoads, Duration solvedFor,
        Map<String, Integer> brokenRules, List<Violation> violations,
        @JsonIgnore Map<String, StudentOutcome> students, @JsonIgnore Plan plan, @JsonIgnore DayProblem problem) {

    /** The hard rules broken: what makes the plan unfit to run (each with the people involved). */
    public List<Violation> hardViolations() {
        return violations.stream().filter(v -> v.level() == Violation.Level.HARD).toList();
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
