package org.regroup.solver.replan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.FocusKind;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.StudentDay;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Learner;

/**
 * What students did on the last school days, for the rule "Same skill in the same modality three days running": each
 * student's skill-and-modality pairs that appear on both of the last two days.
 */
public final class History {

    private History() {
    }

    /**
     * Marks on {@code day}'s learners the pairs they had on both {@code lastTwoDays} (published plans, any order).
     * Returns how many students have at least one; with fewer than two days nothing is marked.
     */
    public static int apply(DayPlan day, List<Plan> lastTwoDays) {
        if (lastTwoDays.size() < 2) {
            return 0;
        }
        Map<String, Set<String>> both = pairs(lastTwoDays.get(0));
        Map<String, Set<String>> other = pairs(lastTwoDays.get(1));
        both.forEach((student, p) -> p.retainAll(other.getOrDefault(student, Set.of())));
        int marked = 0;
        for (Learner l : day.getLearners()) {
            Set<String> repeated = both.getOrDefault(l.getId(), Set.of());
            l.setTwoDaysRunning(repeated);
            if (!repeated.isEmpty()) {
                marked++;
            }
        }
        return marked;
    }

    private static Map<String, Set<String>> pairs(Plan plan) {
        Map<String, Set<String>> pairs = new HashMap<>();
        for (StudentDay s : plan.students()) {
            Set<String> p = new HashSet<>();
            for (StudentDay.Entry e : s.blocks()) {
                if (e.status() == StudentDay.Status.PLACED && e.focus() != null && e.focus().kind() == FocusKind.SKILL
                        && e.modality() != null) {
                    p.add(e.focus().id() + "|" + e.modality());
                }
            }
            pairs.put(s.studentId(), p);
        }
        return pairs;
    }
}
