package org.regroup.solver.replan;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.StudentDay;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;
import org.regroup.solver.output.PlanImporter;

/**
 * Re-planning with as little disruption as possible (minimal perturbation): the new day starts from the plan it
 * replaces — what still fits is carried over, so the solver begins near it (warm start) — and each student whose
 * readiness did not change keeps their session to start with and remembers the adult they had and what they worked
 * on, so that moving them costs the rule "Student moved from their
 * previous group". Students whose readiness changed, or whose adult is gone, may move freely: those moves are forced.
 */
public final class Continuity {

    /** What was carried over. */
    public record CarriedOver(int placements, int remembered) {
    }

    /**
     * Above this share of students with a changed ready set, a warm start preserves little and was measured to strand
     * the search (medium, simulated days with 80 % changed: 9–12 hard rules still broken after 10 s, while a fresh
     * plan was feasible): plan from scratch instead.
     */
    public static final double MAX_CHANGED_SHARE = 0.3;

    private Continuity() {
    }

    /** Whether starting from the previous plan is worth it when {@code changed} of {@code students} changed. */
    public static boolean worthIt(int changed, int students) {
        return students > 0 && (double) changed / students <= MAX_CHANGED_SHARE;
    }

    /**
     * @param previous         the plan being replaced (yesterday's published plan, or this morning's)
     * @param day              the new day, freshly built
     * @param readinessChanged students whose ready set changed since {@code previous}
     */
    public static CarriedOver from(Plan previous, DayPlan day, Set<String> readinessChanged) {
        PlanImporter.applyWhatFits(previous, day);
        // Students whose readiness changed start unplaced: their old group may no longer suit them, and placing them
        // afresh is quicker than repairing a plan that breaks hard rules.
        for (Placement p : day.getPlacements()) {
            if (!p.isPinned() && readinessChanged.contains(p.getLearner().getId())) {
                p.setSession(null);
            }
        }
        int placed = (int) day.getPlacements().stream().filter(p -> p.getSession() != null).count();
        Map<String, StudentDay.Entry> before = new HashMap<>();
        for (StudentDay s : previous.students()) {
            for (StudentDay.Entry e : s.blocks()) {
                if (e.staffId() != null && e.status() == StudentDay.Status.PLACED) {
                    before.put(s.studentId() + "@" + e.blockId(), e);
                }
            }
        }
        int remembered = 0;
        for (Placement p : day.getPlacements()) {
            StudentDay.Entry was = before.get(p.getLearner().getId() + "@" + p.getPeriod().getId());
            boolean stillPossible = was != null && p.getCandidates().stream()
                    .map(Session::getAdult).anyMatch(a -> a != null && a.getId().equals(was.staffId()));
            if (stillPossible && !readinessChanged.contains(p.getLearner().getId())) {
                p.setPrevious(was.staffId(), was.focus() == null ? null : was.focus().id(), was.modality(),
                        was.spaceId());
                remembered++;
            } else {
                p.setPrevious(null, null);
            }
        }
        return new CarriedOver(placed, remembered);
    }
}
