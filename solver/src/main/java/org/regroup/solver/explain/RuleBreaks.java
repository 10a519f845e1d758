package org.regroup.solver.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import org.regroup.domain.plan.Violation;
import org.regroup.solver.constraints.Feasibility;
import org.regroup.solver.constraints.Reason;
import org.regroup.solver.constraints.RegroupConstraintProvider;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.constraints.StudentDay;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.DayPlanCloner;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * The hard and medium rules a plan breaks, read from Timefold's score analysis (each rule's justification says which
 * sessions and students it concerns), and the student-blocks they put <em>in breach</em>: a student in a session that
 * breaks a hard rule (an over-cap group, an unqualified adult, a space over capacity, a 1:1 session of five…), or
 * the student themself breaking one there (a skill they are not ready for, a space that is not quiet…). Time in
 * breach is not delivered: the KPIs, the plan and the explanations count no accommodation met by it. The one place
 * that decides it.
 */
public final class RuleBreaks {

    private static final RuleBreaks NONE = new RuleBreaks(List.of(), Map.of(), Map.of(), Map.of());

    private final List<Violation> violations;
    private final Map<String, Integer> counts;
    /** {@code student@block} → the hard rules broken there. */
    private final Map<String, Set<String>> hardRulesBySeat;
    /** Rule → the students its matches name. */
    private final Map<String, Set<String>> studentsByRule;

    private RuleBreaks(List<Violation> violations, Map<String, Integer> counts,
            Map<String, Set<String>> hardRulesBySeat, Map<String, Set<String>> studentsByRule) {
        this.violations = List.copyOf(violations);
        this.counts = Collections.unmodifiableMap(counts);
        this.hardRulesBySeat = hardRulesBySeat;
        this.studentsByRule = studentsByRule;
    }

    /**
     * What {@code plan} breaks. The score analysis (on a copy) runs only when the score says a rule other than
     * "Student not placed" is broken, which the plan lists under {@code unplaced} instead: a feasible plan whose only
     * medium penalty is its unplaced students costs nothing here. A plan never scored (null score) says nothing yet.
     */
    public static RuleBreaks of(DayPlan plan) {
        HardMediumSoftScore score = plan.getScore();
        if (score == null || Feasibility.workable(score)) {
            return NONE;
        }
        if (Feasibility.feasible(score)) {
            int unplaced = unplacedBlocks(plan);
            if (score.mediumScore() == -unplaced * RegroupConstraintProvider.MEDIUM_WEIGHTS.get(Rules.UNPLACED)) {
                return new RuleBreaks(List.of(), Map.of(Rules.UNPLACED, unplaced), Map.of(), Map.of());
            }
        }
        DayPlan copy = new DayPlanCloner().cloneSolution(plan); // analysing recomputes derived values in place
        return from(Explainer.solutionManager().analyze(copy, ScoreAnalysisFetchPolicy.FETCH_ALL), copy);
    }

    /** What an analysis with every match ({@link ScoreAnalysisFetchPolicy#FETCH_ALL}) of {@code plan} shows. */
    public static RuleBreaks from(ScoreAnalysis<HardMediumSoftScore> analysis, DayPlan plan) {
        Map<String, Session> sessions = new HashMap<>();
        plan.getSessions().forEach(s -> sessions.put(s.getId(), s));
        Map<String, Integer> blockOrder = new HashMap<>();
        plan.getPeriods().forEach(p -> blockOrder.put(p.getId(), p.getIndex()));
        Map<String, Integer> studentOrder = new HashMap<>();
        plan.getLearners().forEach(l -> studentOrder.put(l.getId(), studentOrder.size()));
        // within a rule: in day order, then in the plan's order of students
        Comparator<Violation> inDayOrder = Comparator
                .comparing((Violation v) -> v.blocks().isEmpty() ? -1 : blockOrder.getOrDefault(v.blocks().get(0), -1))
                .thenComparing(v -> v.students().isEmpty() ? -1 : studentOrder.getOrDefault(v.students().get(0), -1))
                .thenComparing(Violation::message);

        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Set<String>> hardRulesBySeat = new HashMap<>();
        Map<String, Set<String>> studentsByRule = new HashMap<>();
        List<ConstraintAnalysis<HardMediumSoftScore>> broken = analysis.constraintAnalyses().stream()
                .filter(c -> c.score().hardScore() < 0 || c.score().mediumScore() < 0)
                .sorted(Comparator.comparing(ConstraintAnalysis::score)).toList();
        for (ConstraintAnalysis<HardMediumSoftScore> c : broken) {
            String rule = c.constraintName();
            counts.put(rule, c.matchCount());
            List<Violation> ofRule = new ArrayList<>();
            for (MatchAnalysis<HardMediumSoftScore> m : c.matches() == null ? List.<MatchAnalysis<HardMediumSoftScore>>of()
                    : c.matches()) {
                if (!(m.justification() instanceof Reason reason)) {
                    continue;
                }
                boolean hard = m.score().hardScore() < 0;
                studentsByRule.computeIfAbsent(rule, k -> new TreeSet<>()).addAll(reason.studentIds());
                if (hard) {
                    seats(reason, sessions).forEach(seat -> hardRulesBySeat
                            .computeIfAbsent(seat, k -> new TreeSet<>()).add(rule));
                }
                if (!rule.equals(Rules.UNPLACED)) { // the plan lists those under unplaced, with reasons
                    ofRule.add(violation(rule, hard, reason, sessions, blockOrder));
                }
            }
            ofRule.sort(inDayOrder);
            violations.addAll(ofRule);
        }
        return new RuleBreaks(violations, counts, hardRulesBySeat, studentsByRule);
    }

    /** Every hard and medium rule broken, worst rule first, but the unplaced student-blocks (see the plan's unplaced). */
    public List<Violation> violations() {
        return violations;
    }

    /** Broken hard and medium rules by name, worst first, with how many times each is broken. */
    public Map<String, Integer> counts() {
        return counts;
    }

    /** True when the student's session in the block breaks a hard rule for them: that time is not delivered. */
    public boolean inBreach(String studentId, String blockId) {
        return hardRulesBySeat.containsKey(seat(studentId, blockId));
    }

    public boolean inBreach(Placement p) {
        return inBreach(p.getLearner().getId(), p.getPeriod().getId());
    }

    /** The hard rules the student's session in the block breaks for them, by name (empty when none). */
    public Set<String> hardRulesAt(String studentId, String blockId) {
        return hardRulesBySeat.getOrDefault(seat(studentId, blockId), Set.of());
    }

    /** True when a match of {@code rule} names the student. */
    public boolean breaksFor(String rule, Learner learner) {
        return studentsByRule.getOrDefault(rule, Set.of()).contains(learner.getId());
    }

    /** The student-blocks a match puts in breach: its students in its sessions. */
    private static Set<String> seats(Reason reason, Map<String, Session> sessions) {
        Set<String> seats = new LinkedHashSet<>();
        for (String id : reason.sessionIds()) {
            Session s = sessions.get(id);
            if (s == null) {
                continue;
            }
            for (Placement p : s.getPlacements()) {
                if (reason.studentIds().contains(p.getLearner().getId())) {
                    seats.add(seat(p.getLearner().getId(), s.getPeriod().getId()));
                }
            }
        }
        return seats;
    }

    /** The match in the plan format: its sessions' blocks, adults and spaces are involved too. */
    private static Violation violation(String rule, boolean hard, Reason reason, Map<String, Session> sessions,
            Map<String, Integer> blockOrder) {
        Set<String> blocks = new TreeSet<>(Comparator.comparing((String b) -> blockOrder.getOrDefault(b, -1))
                .thenComparing(Comparator.naturalOrder()));
        Set<String> staff = new LinkedHashSet<>();
        Set<String> spaces = new LinkedHashSet<>();
        if (reason.blockId() != null) {
            blocks.add(reason.blockId());
        }
        for (String id : reason.sessionIds()) {
            Session s = sessions.get(id);
            if (s == null) {
                continue;
            }
            blocks.add(s.getPeriod().getId());
            if (s.getAdult() != null) {
                staff.add(s.getAdult().getId());
            }
            if (s.getRoom() != null) {
                spaces.add(s.getRoom().getId());
            }
        }
        return new Violation(rule, hard ? Violation.Level.HARD : Violation.Level.MEDIUM, reason.describe(),
                List.copyOf(blocks), reason.sessionIds(), List.copyOf(staff), List.copyOf(spaces),
                List.copyOf(new LinkedHashSet<>(reason.studentIds())));
    }

    private static int unplacedBlocks(DayPlan plan) {
        Map<Learner, StudentDay> days = StudentDay.of(plan);
        return (int) plan.getPlacements().stream().filter(p -> StudentDay.isUnplaced(p, days)).count();
    }

    private static String seat(String studentId, String blockId) {
        return studentId + "@" + blockId;
    }
}
