package org.regroup.cli;

import java.io.PrintWriter;

import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.solve.DaySolver;

/** The KPI summary printed after solving. */
final class Summary {

    private Summary() {
    }

    static void print(PrintWriter out, Plan plan, DaySolver.Result result) {
        Kpis k = plan.kpis();
        out.println("Score            " + plan.score() + (plan.feasible() ? "  (feasible)" : "  (BREAKS HARD RULES)"));
        out.println("Solved in        " + DurationConverter.format(result.elapsed()) + ", first feasible at "
                + (result.firstFeasible() == null ? "never" : DurationConverter.format(result.firstFeasible()))
                + ", " + result.scoreCalculationSpeed() + " score calculations/s");
        out.printf("Placed           %.1f%% of %d student-blocks (%d unplaced, %d in catch-all)%n",
                100 * k.placedShare(), k.presentStudentBlocks(), plan.unplaced().size(), k.catchAllStudentBlocks());
        out.printf("Goal skills      %.1f%% of skill work for students with goals%n", 100 * k.goalSkillShare());
        out.printf("Staff-led time   %d of %d required blocks for %d students with that accommodation%n",
                k.staffLedDelivered(), k.staffLedRequired(), k.studentsWithStaffLedNeed());
        out.printf("Accommodations   %d students with an accommodation not met%n", k.studentsWithUnmetAccommodation());
        out.printf("Variety          %.2f distinct modalities per student%n", k.meanDistinctModalities());
        out.printf("Staff            %.1f%% of available adult-blocks leading or supervising a group%n",
                100 * k.staffUtilization());
        out.printf("Sessions         %d open%n", k.openSessions());
        k.groupSizes().forEach((mode, g) -> out.printf("  %-22s %4d sessions, mean size %5.1f, max %d%n", mode,
                g.sessions(), g.mean(), g.max()));
    }
}
