package org.regroup.solver.explain;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import org.regroup.solver.constraints.Reason;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.DayPlanCloner;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * Where else a student could be in a block, best first (Timefold's recommendation API), for a teacher choosing an
 * override. Only options that break no hard rule are offered: a teacher picking from the list must not be able to
 * put a group over its cap. Each says what it would change against where the student is now, split into the rules
 * judged on the student's own day and those judged per group.
 */
public final class Alternatives {

    /**
     * One option.
     *
     * @param focus       what the group works on once the student has joined (a group's skill follows its members)
     * @param change      the whole plan's score change against the student's current seat
     * @param studentCost the part of {@code change} in rules judged on the student's own day alone (matches that
     *                    name only them: a seat, owed time, a request)
     * @param groupCost   the part in rules judged per group (the groups they leave and join, their own fit in them
     *                    included: a group's match names all its members, so one student's share is not split out)
     * @param reasons     each rule whose score changes, "rule: change"
     */
    public record Option(int rank, Session session, org.regroup.solver.model.Focus focus, HardMediumSoftScore change,
            HardMediumSoftScore studentCost, HardMediumSoftScore groupCost, List<String> reasons) {
    }

    /** The student and block are not a placement of this day. */
    public static final class NoPlacementException extends RuntimeException {
        NoPlacementException(String message) {
            super(message);
        }
    }

    private Alternatives() {
    }

    /** The student's placement in the block, or {@link NoPlacementException}. */
    public static Placement placement(DayPlan day, String studentId, String blockId) {
        return day.getPlacements().stream()
                .filter(p -> p.getLearner().getId().equals(studentId) && p.getPeriod().getId().equals(blockId))
                .findFirst().orElseThrow(() -> new NoPlacementException("student '" + studentId
                        + "' has no placement in block '" + blockId + "' (unknown, absent or on a commitment)"));
    }

    /**
     * The options for {@code studentId} in {@code blockId} on a copy of {@code solved}, best first, without the
     * current seat; at most {@code limit} (null: all).
     */
    public static List<Option> of(SolutionManager<DayPlan, HardMediumSoftScore> manager, DayPlan solved,
            String studentId, String blockId, Integer limit) {
        DayPlan copy = new DayPlanCloner().cloneSolution(solved);
        Placement placement = placement(copy, studentId, blockId);
        Session current = placement.getSession();
        placement.setSession(null); // recommendations are for an unplaced entity
        List<RecommendedAssignment<Session, HardMediumSoftScore>> recommended = manager.recommendAssignment(copy,
                placement, Placement::getSession, ScoreAnalysisFetchPolicy.FETCH_ALL);
        // Each recommendation's difference is against the student unplaced; report it against where they are now.
        String currentId = current == null ? null : current.getId();
        ScoreAnalysis<HardMediumSoftScore> now = recommended.stream()
                .filter(r -> r.proposition() != null && r.proposition().getId().equals(currentId))
                .map(RecommendedAssignment::scoreAnalysisDiff).findFirst().orElse(null);
        List<Option> options = new ArrayList<>();
        for (RecommendedAssignment<Session, HardMediumSoftScore> r : recommended) {
            Session s = r.proposition();
            if (s == null || s.getId().equals(currentId) || r.scoreAnalysisDiff().score().hardScore() < 0) {
                continue; // the current seat, or an option that itself breaks a hard rule
            }
            ScoreAnalysis<HardMediumSoftScore> change = now == null ? r.scoreAnalysisDiff()
                    : r.scoreAnalysisDiff().diff(now);
            options.add(option(options.size() + 1, s, focusWith(manager, copy, placement, s), change, studentId));
            if (limit != null && options.size() >= limit) {
                break;
            }
        }
        return options;
    }

    /** What the group in {@code s} works on with the student in it (the promise a teacher chooses by). */
    private static org.regroup.solver.model.Focus focusWith(SolutionManager<DayPlan, HardMediumSoftScore> manager,
            DayPlan copy, Placement placement, Session s) {
        // A proposition is the recommendation's own copy of the session: join the one of this day.
        Session mine = placement.getCandidates().stream().filter(c -> c.getId().equals(s.getId())).findFirst()
                .orElse(null);
        if (mine == null) {
            return s.getSummary().getFocus();
        }
        placement.setSession(mine);
        manager.update(copy);
        org.regroup.solver.model.Focus focus = mine.getSummary().getFocus();
        placement.setSession(null);
        manager.update(copy);
        return focus;
    }

    private static Option option(int rank, Session session, org.regroup.solver.model.Focus focus,
            ScoreAnalysis<HardMediumSoftScore> change, String studentId) {
        HardMediumSoftScore student = HardMediumSoftScore.ZERO;
        HardMediumSoftScore group = HardMediumSoftScore.ZERO;
        List<String> reasons = new ArrayList<>();
        for (ConstraintAnalysis<HardMediumSoftScore> c : change.constraintAnalyses()) {
            if (c.score().isZero()) {
                continue;
            }
            reasons.add(c.constraintName() + ": " + c.score());
            HardMediumSoftScore aboutStudent = HardMediumSoftScore.ZERO;
            if (c.matches() != null) {
                for (MatchAnalysis<HardMediumSoftScore> m : c.matches()) {
                    if (m.justification() instanceof Reason reason && reason.studentIds().size() == 1
                            && reason.studentIds().contains(studentId)) {
                        aboutStudent = aboutStudent.add(m.score());
                    }
                }
            }
            student = student.add(aboutStudent);
            group = group.add(c.score().subtract(aboutStudent));
        }
        return new Option(rank, session, focus, change.score(), student, group, List.copyOf(reasons));
    }
}
