package org.regroup.solver.kpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.regroup.domain.BlockKind;
import org.regroup.domain.plan.Kpis;
import org.regroup.solver.constraints.DayEntry;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.constraints.StudentDay;
import org.regroup.solver.explain.RuleBreaks;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.MemberFit;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * The KPIs of a plan, computed from the solved planning solution. The one definition every report uses: single plans,
 * benchmarks and what-if comparisons. Time in a session that breaks a hard rule ({@link RuleBreaks#inBreach}) is not
 * delivered: it meets no accommodation, whatever the accommodation's own rule counted.
 */
public final class KpiCalculator {

    private KpiCalculator() {
    }

    /** Each learner's placed day, in the same form the whole-day rules use. */
    public static Map<Learner, StudentDay> studentDays(DayPlan plan) {
        return StudentDay.of(plan);
    }

    /** An unplaced block spent travelling to or from an off-site session is not a missed placement. */
    public static boolean isTravelling(Placement p, Map<Learner, StudentDay> days) {
        return p.getSession() == null && days.get(p.getLearner()).travelsDuring(p.getPeriod().getIndex());
    }

    public static Kpis compute(DayPlan plan) {
        return compute(plan, RuleBreaks.of(plan));
    }

    /** The KPIs, with the rules the plan breaks already read ({@link RuleBreaks#of}). */
    public static Kpis compute(DayPlan plan, RuleBreaks breaks) {
        Map<Learner, StudentDay> days = studentDays(plan);
        int toPlace = 0;
        int placed = 0;
        int catchAll = 0;
        int skillWork = 0;
        int goalWork = 0;
        for (Placement p : plan.getPlacements()) {
            if (isTravelling(p, days)) {
                continue;
            }
            toPlace++;
            Session s = p.getSession();
            if (s == null) {
                continue;
            }
            placed++;
            if (s.isCatchAll()) {
                catchAll++;
            }
            if (p.getPeriod().getKind() == BlockKind.SKILLS && p.getLearner().hasGoals()) {
                MemberFit fit = s.getSummary().fitOf(p.getLearner());
                skillWork++;
                if (fit != null && fit.option() != null && fit.option().goalValue() > 0) {
                    goalWork++;
                }
            }
        }

        int withNeed = 0;
        int required = 0;
        int delivered = 0;
        double distinctModes = 0;
        Map<String, StudentOutcome> outcomes = studentOutcomes(days, breaks);
        for (StudentDay day : days.values()) {
            Learner l = day.learner();
            if (l.getMinStaffLedBlocks() > 0) {
                withNeed++;
                required += l.getMinStaffLedBlocks();
                delivered += Math.min(l.getMinStaffLedBlocks(), outcomes.get(l.getId()).staffLedBlocks());
            }
            distinctModes += day.entries().stream().map(DayEntry::mode).distinct().count();
        }
        int unmet = (int) outcomes.values().stream().filter(o -> !o.unmet().isEmpty()).count();

        Map<String, int[]> sizes = new TreeMap<>(); // modality -> {sessions, students, max}
        int open = 0;
        int openAdultSessions = 0;
        int adultSessions = 0;
        for (Session s : plan.getSessions()) {
            if (!s.isCatchAll()) {
                adultSessions++;
            }
            if (!s.isOpen()) {
                continue;
            }
            open++;
            if (!s.isCatchAll()) {
                openAdultSessions++;
            }
            int[] t = sizes.computeIfAbsent(s.getMode().getId(), k -> new int[3]);
            t[0]++;
            t[1] += s.size();
            t[2] = Math.max(t[2], s.size());
        }
        Map<String, Kpis.GroupSizes> groupSizes = new LinkedHashMap<>();
        sizes.forEach((mode, t) -> groupSizes.put(mode, new Kpis.GroupSizes(t[0], round((double) t[1] / t[0]), t[2])));

        return new Kpis(toPlace, share(placed, toPlace), catchAll, share(goalWork, skillWork), withNeed, required,
                delivered, unmet, days.isEmpty() ? 0 : round(distinctModes / days.size()),
                share(openAdultSessions, adultSessions), groupSizes, open,
                plan.getScore() == null ? null : plan.getScore().toString());
    }

    /**
     * What the plan gives one student: staff-led blocks delivered (in sessions that break no hard rule) against their
     * need, and each accommodation it leaves unmet, in words ("staff-led time", "1:1 minutes", "online limit",
     * "quiet space", "stay on site").
     */
    public record StudentOutcome(String studentId, int staffLedBlocks, int staffLedNeed, List<String> unmet) {
        public StudentOutcome {
            unmet = List.copyOf(unmet);
        }
    }

    /** Every present student's outcome, by id, in the plan's order. */
    public static Map<String, StudentOutcome> studentOutcomes(DayPlan plan) {
        return studentOutcomes(plan, RuleBreaks.of(plan));
    }

    /** Every present student's outcome, with the rules the plan breaks already read. */
    public static Map<String, StudentOutcome> studentOutcomes(DayPlan plan, RuleBreaks breaks) {
        return studentOutcomes(studentDays(plan), breaks);
    }

    /**
     * Minimums (staff-led blocks, 1:1 minutes) count only delivered time; the limits and places (online blocks, a
     * quiet space, staying on site) are unmet where their own rule is broken.
     */
    private static Map<String, StudentOutcome> studentOutcomes(Map<Learner, StudentDay> days, RuleBreaks breaks) {
        Map<String, StudentOutcome> outcomes = new LinkedHashMap<>();
        for (StudentDay day : days.values()) {
            Learner l = day.learner();
            int staffLed = 0;
            int oneToOneMinutes = 0;
            for (DayEntry e : day.entries()) {
                if (breaks.inBreach(l.getId(), e.period().getId())) {
                    continue;
                }
                if (e.staffLed()) {
                    staffLed++;
                }
                if (e.mode().isOneToOne()) {
                    oneToOneMinutes += e.period().getMinutes();
                }
            }
            List<String> unmet = new ArrayList<>();
            if (staffLed < l.getMinStaffLedBlocks()) {
                unmet.add("staff-led time");
            }
            if (oneToOneMinutes < l.getOneToOneMinutes()) {
                unmet.add("1:1 minutes");
            }
            if (breaks.breaksFor(Rules.ONLINE_MAXIMUM, l)) {
                unmet.add("online limit");
            }
            if (breaks.breaksFor(Rules.QUIET_SPACE, l)) {
                unmet.add("quiet space");
            }
            if (breaks.breaksFor(Rules.OFF_SITE_FORBIDDEN, l)) {
                unmet.add("stay on site");
            }
            outcomes.put(l.getId(), new StudentOutcome(l.getId(), staffLed, l.getMinStaffLedBlocks(), unmet));
        }
        return outcomes;
    }

    /** Blocks each adult leads or supervises a group with students in, by adult id (0 for those without one). */
    public static Map<String, Integer> adultLoads(DayPlan plan) {
        Map<String, Integer> loads = new TreeMap<>();
        plan.getAdults().forEach(a -> loads.put(a.getId(), 0));
        Map<String, Set<Integer>> blocks = new HashMap<>();
        for (Session s : plan.getSessions()) {
            if (s.isOpen() && s.getAdult() != null) {
                blocks.computeIfAbsent(s.getAdult().getId(), k -> new HashSet<>()).add(s.getPeriod().getIndex());
            }
        }
        blocks.forEach((adult, b) -> loads.put(adult, b.size()));
        return loads;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 1.0 : round((double) part / whole);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
