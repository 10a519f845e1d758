package org.regroup.benchmarks.term;

import java.util.List;
import java.util.Set;

import org.regroup.domain.DayProblem;
import org.regroup.domain.plan.Plan;

/**
 * How a school plans each day of the term: Regroup's solver re-planning from the day before, or a peer (greedy
 * regrouping, static tracking). Every policy hands back a plan scored by Regroup's rules, so the days compare.
 */
interface Policy {

    /**
     * Plans one day.
     *
     * @param today          the day: the standing data with the school's current estimates, goals and absences
     * @param lastTwo        the plans of the last two school days, newest first (empty on the first day)
     * @param readyChanged   students whose ready set, as the school estimates it, changed since the day before
     * @param seed           the term's seed
     */
    Plan plan(DayProblem today, List<Plan> lastTwo, Set<String> readyChanged, long seed);
}
