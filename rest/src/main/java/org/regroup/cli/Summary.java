package org.regroup.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.Violation;
import org.regroup.solver.solve.DaySolver;

/** The KPI summary printed after solving, and every rule the plan breaks. */
final class Summary {

    /** Students listed per broken rule before "and N more" (the plan file has them all). */
    private static final int STUDENTS_SHOWN = 12;

    private Summary() {
    }

    static void print(PrintWriter out, Plan plan, DaySolver.Result result) {
        Kpis k = plan.kpis();
        out.println("Score            " + plan.score() + "  (" + verdict(plan) + ")");
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
        printViolations(out, plan);
    }

    /** "feasible and workable", "feasible, not workable", "NOT feasible" (docs/format.md, feasible and workable). */
    static String verdict(Plan plan) {
        if (!plan.feasible()) {
            return "NOT feasible: it breaks hard rules, listed below";
        }
        return Boolean.TRUE.equals(plan.workable()) ? "feasible and workable"
                : "feasible, not workable: not every student gets their seat and time in a properly sized group";
    }

    /**
     * Every hard and medium rule the plan breaks (unplaced student-blocks are counted under Placed), with the ids
     * involved; never names. Staff-led and 1:1 time in these sessions meets no accommodation in the figures above.
     */
    private static void printViolations(PrintWriter out, Plan plan) {
        if (plan.violations().isEmpty()) {
            return;
        }
        long hard = plan.violations().stream().filter(v -> v.level() == Violation.Level.HARD).count();
        out.printf("Broken rules     %d hard, %d medium%s%n", hard, plan.violations().size() - hard,
                hard > 0 ? "; time in these sessions meets no accommodation above" : "");
        for (Violation v : plan.violations()) {
            out.printf("  %-6s %s: %s%n", v.level() == Violation.Level.HARD ? "hard" : "medium", v.rule(),
                    v.message());
            out.println("         " + involved(v));
        }
    }

    /** "blocks B2; sessions T1@B2; staff T1; spaces R1; students S01, S02, … and 3 more". */
    static String involved(Violation v) {
        List<String> parts = new ArrayList<>();
        add(parts, "blocks", v.blocks());
        add(parts, "sessions", v.sessions());
        add(parts, "staff", v.staff());
        add(parts, "spaces", v.spaces());
        List<String> students = v.students();
        if (students.size() > STUDENTS_SHOWN) {
            parts.add("students " + String.join(", ", students.subList(0, STUDENTS_SHOWN)) + " and "
                    + (students.size() - STUDENTS_SHOWN) + " more");
        } else {
            add(parts, "students", students);
        }
        return String.join("; ", parts);
    }

    private static void add(List<String> parts, String what, List<String> ids) {
        if (!ids.isEmpty()) {
            parts.add(what + " " + String.join(", ", ids));
        }
    }
}
