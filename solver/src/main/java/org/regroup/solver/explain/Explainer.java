package org.regroup.solver.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import org.regroup.solver.constraints.Reason;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.MemberFit;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;
import org.regroup.solver.solve.RegroupSolverConfig;

/**
 * Explains a plan for one student, in one block or all day, in plain words: where they are and why, and every rule
 * the plan touches for them (from Timefold's score analysis and each rule's justification).
 */
public final class Explainer {

    /** One line per rule match that concerns the student-block. */
    public record RuleNote(String rule, String impact, String text) {
    }

    public record Explanation(String studentId, String blockId, List<String> placement, List<RuleNote> rules) {

        public String text() {
            StringBuilder b = new StringBuilder("Explanation for " + studentId
                    + (blockId == null ? " (whole day)" : " in block " + blockId) + "\n");
            placement.forEach(line -> b.append("  ").append(line).append('\n'));
            if (rules.isEmpty()) {
                b.append("  No rule is broken or costs anything for this student here.\n");
            } else {
                b.append("  Rules that touch it:\n");
                rules.forEach(r -> b.append("    [").append(r.rule()).append(", ").append(r.impact()).append("] ")
                        .append(r.text()).append('\n'));
            }
            return b.toString();
        }
    }

    private static volatile SolutionManager<DayPlan, HardMediumSoftScore> manager;

    private Explainer() {
    }

    /** The analysis service, built once (building it compiles the constraints). */
    public static SolutionManager<DayPlan, HardMediumSoftScore> solutionManager() {
        if (manager == null) {
            synchronized (Explainer.class) {
                if (manager == null) {
                    manager = SolutionManager.create(SolverFactory.create(RegroupSolverConfig.forAnalysis()));
                }
            }
        }
        return manager;
    }

    /** The hard and medium rules a plan breaks, worst first, with their match counts ({@link RuleBreaks#counts()}). */
    public static Map<String, Integer> brokenRules(DayPlan plan) {
        return RuleBreaks.of(plan).counts();
    }

    /** {@code query} is a student id, or {@code student@block}. */
    public static Explanation explain(DayPlan plan, String query) {
        int at = query.indexOf('@');
        String studentId = at < 0 ? query : query.substring(0, at);
        String blockId = at < 0 ? null : query.substring(at + 1);
        ScoreAnalysis<HardMediumSoftScore> analysis = solutionManager().analyze(plan,
                ScoreAnalysisFetchPolicy.FETCH_ALL);
        return explain(plan, analysis, studentId, blockId);
    }

    public static Explanation explain(DayPlan plan, ScoreAnalysis<HardMediumSoftScore> analysis, String studentId,
            String blockId) {
        RuleBreaks breaks = RuleBreaks.from(analysis, plan);
        List<String> placement = new ArrayList<>();
        for (Placement p : plan.getPlacements()) {
            if (p.getLearner().getId().equals(studentId) && (blockId == null || p.getPeriod().getId().equals(blockId))) {
                placement.add(describe(p) + inBreach(p, breaks));
            }
        }
        if (placement.isEmpty()) {
            placement.add("not in school" + (blockId == null ? " today" : " in block " + blockId)
                    + " (absent, or on a fixed commitment)");
        }
        List<RuleNote> rules = new ArrayList<>();
        for (ConstraintAnalysis<HardMediumSoftScore> constraint : analysis.constraintAnalyses()) {
            if (constraint.matches() == null) {
                continue;
            }
            for (MatchAnalysis<HardMediumSoftScore> match : constraint.matches()) {
                if (match.justification() instanceof Reason reason && reason.studentIds().contains(studentId)
                        && (blockId == null || reason.blockId() == null || reason.blockId().equals(blockId))) {
                    rules.add(new RuleNote(constraint.constraintName(), match.score().toString(), reason.describe()));
                }
            }
        }
        return new Explanation(studentId, blockId, placement, rules);
    }

    /** Time in a session that breaks a hard rule is not delivered: say so where the student is. */
    private static String inBreach(Placement p, RuleBreaks breaks) {
        var rules = breaks.hardRulesAt(p.getLearner().getId(), p.getPeriod().getId());
        return rules.isEmpty() ? "" : "; NOT DELIVERED: this session breaks " + String.join(", ", rules)
                + ", so it counts toward none of their accommodations";
    }

    private static String describe(Placement p) {
        Period period = p.getPeriod();
        String when = "Block " + period.getId() + " (" + period.getStart() + "-" + period.getEnd() + "): ";
        Session s = p.getSession();
        if (s == null) {
            return when + "no session";
        }
        MemberFit fit = s.getSummary().fitOf(p.getLearner());
        String focus = fit == null || fit.focus() == null ? "(no focus)" : fit.focus().getName();
        StringBuilder b = new StringBuilder(when).append(s.getMode().getName().toLowerCase()).append(" on ")
                .append(focus);
        if (s.getAdult() != null) {
            b.append(" with ").append(s.getAdult().getId());
        }
        if (s.getRoom() != null) {
            b.append(" in ").append(s.getRoom().getId());
        }
        b.append(" (").append(s.getId()).append(", ").append(s.size()).append(s.size() == 1 ? " student)" : " students)");
        if (s.isCatchAll()) {
            b.append("; the catch-all, because nothing better fitted");
        }
        if (fit != null && fit.option() != null && fit.focus().isSkill()) {
            Option o = fit.option();
            b.append("; why: ").append(fit.fit() == org.regroup.solver.model.Fit.READY ? "in their ready set"
                    : fit.fit().name().toLowerCase().replace('_', ' '));
            b.append(String.format(", mastery %.2f (%s)", o.mastery(), o.state() == null ? "-"
                    : o.state().name().toLowerCase().replace('_', ' ')));
            if (o.goalValue() > 0) {
                b.append(", one of their goals");
            }
            b.append(", unlocks ").append(fit.focus().getUnlocks()).append(" later skills");
        } else if (fit != null && fit.option() != null && fit.option().interest() > 0) {
            b.append("; matches ").append(fit.option().interest()).append(" of their interests");
        }
        return b.toString();
    }
}
