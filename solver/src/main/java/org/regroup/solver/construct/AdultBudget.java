package org.regroup.solver.construct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.BlockKind;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * Plans ahead which blocks each adult with a teaching-block limit keeps free: where the school has the most adults
 * to spare per student, never in advisory for an advisor whose advisees are in. Filling blocks in day order without
 * this would spend everyone's limit by lunch.
 */
final class AdultBudget {

    private AdultBudget() {
    }

    /**
     * @param reserved blocks already kept free (travel to and from a trip): they count toward each adult's free
     *                 blocks first
     */
    static Map<Adult, Set<Period>> plan(DayPlan plan, Map<Adult, Set<Period>> reserved) {
        Map<Period, Integer> adults = new HashMap<>();
        Map<Period, Integer> students = new HashMap<>();
        Map<Adult, List<Period>> working = new IdentityHashMap<>();
        for (Session s : plan.getSessions()) {
            if (s.getAdult() != null && !s.isCatchAll()) {
                adults.merge(s.getPeriod(), 1, Integer::sum);
                working.computeIfAbsent(s.getAdult(), a -> new ArrayList<>()).add(s.getPeriod());
            }
        }
        for (Placement p : plan.getPlacements()) {
            students.merge(p.getPeriod(), 1, Integer::sum);
        }
        Set<Adult> advisorsWithAdvisees = new HashSet<>();
        for (Learner l : plan.getLearners()) {
            if (l.getAdvisor() != null) {
                advisorsWithAdvisees.add(l.getAdvisor());
            }
        }
        Map<Adult, Set<Period>> off = new IdentityHashMap<>();
        reserved.forEach((adult, periods) -> {
            off.put(adult, new HashSet<>(periods));
            periods.forEach(p -> adults.merge(p, -1, Integer::sum));
        });
        List<Adult> ordered = new ArrayList<>(working.keySet());
        ordered.sort(Comparator.comparing(Adult::getId));
        for (Adult adult : ordered) {
            List<Period> periods = working.get(adult);
            int spare = periods.size() - adult.getMaxTeachingBlocks()
                    - (int) periods.stream().filter(off.getOrDefault(adult, Set.of())::contains).count();
            for (int k = 0; k < spare; k++) {
                Period best = null;
                double bestSlack = Double.NEGATIVE_INFINITY;
                for (Period p : periods) {
                    if (off.getOrDefault(adult, Set.of()).contains(p)
                            || (p.getKind() == BlockKind.ADVISORY && advisorsWithAdvisees.contains(adult))) {
                        continue;
                    }
                    double slack = adults.getOrDefault(p, 0) / Math.max(1.0, students.getOrDefault(p, 0));
                    if (slack > bestSlack) {
                        bestSlack = slack;
                        best = p;
                    }
                }
                if (best == null) {
                    break;
                }
                off.computeIfAbsent(adult, a -> new HashSet<>()).add(best);
                adults.merge(best, -1, Integer::sum);
            }
        }
        return off;
    }
}
