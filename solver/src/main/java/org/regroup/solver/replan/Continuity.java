package org.regroup.solver.replan;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.StudentDay;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;
import org.regroup.solver.output.PlanImporter;

/**
 * Re-planning with as little disruption as possible (minimal perturbation): the new day starts from the plan it
 * replaces — what still fits is carried over, so the solver begins near it (warm start) — and each student whose
 * readiness did not change keeps their session to start with and remembers the adult they had and what they worked
 * on, so that moving them costs the rule "Student moved from their
 * previous group". Students whose readiness changed, or whose adult is gone, may move freely: those moves are forced.
 *
 * <p>A day is started this way however many students' readiness changed: with the day builder repairing what no
 * longer fits, the warm start was feasible within 0.35 s on large with 10, 50 and 80 % changed (docs/benchmarks.md).
 * What it costs is soft score — the continuity rule holds the unchanged students in place — and a school that
 * prefers a fresh fit to stable groups lowers that rule's weight.
 */
public final class Continuity {

    /** What was carried over. */
    public record CarriedOver(int placements, int remembered) {
    }

    private Continuity() {
    }

    /**
     * @param previous         the plan being replaced (yesterday's published plan, or this morning's)
     * @param day              the new day, freshly built
     * @param readinessChanged students whose ready set changed since {@code previous}
     */
    public static CarriedOver from(Plan previous, DayPlan day, Set<String> readinessChanged) {
        PlanImporter.applyWhatFits(previous, day);
        Map<String, StudentDay.Entry> before = new HashMap<>();
        for (StudentDay s : previous.students()) {
            for (StudentDay.Entry e : s.blocks()) {
                if (e.status() == StudentDay.Status.PLACED) {
                    before.put(s.studentId() + "@" + e.blockId(), e);
                }
            }
        }
        // A student whose readiness changed leaves a group whose skill they may no longer work on (mastered, say):
        // the day builder seats them again. Elsewhere they stay: a group they still fit, a modality where each
        // works on their own best skill. (Unseating them everywhere left 1:1 students without their tutor when half
        // the school changed, and local search took 9-15 s on large to repair it.)
        for (Placement p : day.getPlacements()) {
            if (!p.isPinned() && readinessChanged.contains(p.getLearner().getId())
                    && !stillFits(p, before.get(p.getLearner().getId() + "@" + p.getPeriod().getId()))) {
                p.setSession(null);
            }
        }
        int placed = (int) day.getPlacements().stream().filter(p -> p.getSession() != null).count();
        int remembered = 0;
        for (Placement p : day.getPlacements()) {
            StudentDay.Entry entry = before.get(p.getLearner().getId() + "@" + p.getPeriod().getId());
            // A catch-all or an unsupervised space has no adult to stay with.
            StudentDay.Entry was = entry == null || entry.staffId() == null ? null : entry;
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

    /** Whether the session the previous plan gave this student still suits them now that their readiness changed. */
    private static boolean stillFits(Placement p, StudentDay.Entry was) {
        Session session = p.getSession();
        if (session == null || was == null) {
            return false;
        }
        if (session.isCatchAll() || !session.getMode().isSharedFocus()) {
            return true; // each member works on their own best skill
        }
        if (was.focus() == null) {
            return false;
        }
        for (Option o : p.getLearner().options(p.getPeriod())) {
            if (o.focus().getId().equals(was.focus().id())) {
                return o.eligible();
            }
        }
        return false;
    }
}
