package org.regroup.benchmarks.cpsat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regroup.solver.constraints.Rules;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Option;

/**
 * Which of Regroup's rules the model prices exactly on a given day, which approximately (with why), and which not at
 * all. Every rule is modelled; the one approximation is mastery read in hundredths, exact when every mastery has at
 * most two decimals (as in every bundled dataset).
 */
record RuleCoverage(List<String> exact, Map<String, String> approximated, Map<String, String> notModelled) {

    static final List<String> ALL = List.of(Rules.SKILL_NOT_READY, Rules.SKILL_TOO_ADVANCED,
            Rules.GROUP_OVER_SIZE_CAP, Rules.STAFF_OVER_STUDENT_CAP, Rules.STAFF_OVER_TEACHING_BLOCKS,
            Rules.STAFF_NOT_QUALIFIED, Rules.MODALITY_NOT_ALLOWED, Rules.MODALITY_WRONG_FOR_BLOCK, Rules.NO_SPACE,
            Rules.SPACE_OVER_CAPACITY, Rules.SPACE_OVERBOOKED, Rules.SPACE_UNSUITABLE, Rules.SPACE_CLOSED,
            Rules.ACTIVITY_AWAY, Rules.OFF_SITE_UNSUPERVISED, Rules.OFF_SITE_FORBIDDEN, Rules.STUDENT_TRAVEL,
            Rules.STAFF_TRAVEL, Rules.KEEP_APART, Rules.ADMIN_REQUEST, Rules.STAFF_LED_MINIMUM,
            Rules.ONE_TO_ONE_MINUTES, Rules.QUIET_SPACE, Rules.ONLINE_MAXIMUM, Rules.UNPLACED,
            Rules.GROUP_UNDER_MINIMUM, Rules.GOAL_MISSED, Rules.LESS_URGENT, Rules.STATE_MISFIT,
            Rules.MODALITY_AVOIDED, Rules.MODALITY_NOT_PREFERRED, Rules.SAME_MODALITY_ALL_DAY, Rules.SAME_SKILL_TWICE,
            Rules.MIXED_MASTERY, Rules.ADVISOR_NOT_SEEN, Rules.PEERS_APART, Rules.REQUEST_IGNORED,
            Rules.INTEREST_MISSED, Rules.BEHIND_UNSUPERVISED, Rules.PRACTISING_ALONE, Rules.STAFF_LOAD,
            Rules.STAFF_ROOM_CHANGE, Rules.CATCH_ALL_USED, Rules.OPEN_SESSION, Rules.MOVED_FROM_PREVIOUS,
            Rules.THREE_DAYS_RUNNING);

    static RuleCoverage of(DayPlan day) {
        Map<String, String> approximated = new LinkedHashMap<>();
        if (!masteriesInHundredths(day)) {
            approximated.put(Rules.MIXED_MASTERY, "masteries with more than two decimals are rounded to hundredths "
                    + "before the spread is taken (Regroup rounds the spread itself)");
        }
        List<String> exact = new ArrayList<>(ALL);
        exact.removeAll(approximated.keySet());
        return new RuleCoverage(exact, approximated, Map.of());
    }

    private static boolean masteriesInHundredths(DayPlan day) {
        for (Learner l : day.getLearners()) {
            for (var period : day.getPeriods()) {
                for (Option o : l.options(period)) {
                    double hundredths = o.mastery() * 100;
                    if (Math.abs(hundredths - Math.rint(hundredths)) > 1e-6) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
