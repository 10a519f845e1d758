package org.regroup.solver.replan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.DayPlanCloner;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * Re-planning a day around hand-made placements (a teacher's override) with as little disruption as a teacher
 * expects from a flex-scheduling tool: the day starts from the plan it revises, nobody moves in a block before the
 * override's (those blocks are kept as they are), the pinned students sit where they were put, and while the re-plan
 * searches, every other move costs {@link #MOVE_WEIGHT} at the <em>medium</em> level: more than an owed staff-led
 * block or a group one short of its minimum, less than a student left without a seat. So the re-plan moves someone
 * else to mend a hard rule the override broke or to seat a student, and never reshuffles a dozen students to win
 * back a medium break the teacher's choice made (measured: docs/benchmarks.md, overrides). The student overridden is
 * free to move in their later blocks (to get back time the override took from them). The plan is then scored for
 * readers by the school's own weights ({@link #rescored}): moves are soft there, as in every other plan.
 */
public final class OverrideReplan {

    /**
     * A move of another student while an override is re-planned, at the medium level: above an owed staff-led block
     * or 1:1 session (5) and a group one short of its minimum (1), below an unseated student-block (10).
     */
    public static final int MOVE_WEIGHT = 6;

    /** A pin that could not hold on the day as it now is, and why. */
    public record Dropped(Pin pin, String why) {
    }

    private OverrideReplan() {
    }

    /**
     * Prepares {@code built} (the same day, freshly built) to be solved: starts from {@code base}, keeps the blocks
     * before {@code fromBlock} as they are, applies {@code pins}, frees the students pinned in {@code fromBlock} to
     * move in their later blocks, and prices other moves for the search ({@link #MOVE_WEIGHT}).
     *
     * @return the pins that could not hold (their adult is away now, the student has gone home…)
     */
    public static List<Dropped> prepare(Plan base, DayPlan built, List<Pin> pins, String fromBlock) {
        Continuity.from(base, built, Set.of());
        List<String> before = blocksBefore(built, fromBlock);
        keepBlocksBefore(built, before);
        List<Dropped> dropped = apply(built, pins);
        Set<String> overridden = new HashSet<>();
        pins.stream().filter(p -> p.blockId().equals(fromBlock)).forEach(p -> overridden.add(p.studentId()));
        built.getPlacements().stream().filter(p -> !p.isPinned() && overridden.contains(p.getLearner().getId()))
                .forEach(p -> p.setPrevious(null, null));
        // A student in a catch-all has no adult to stay with; an override's re-plan holds their seat all the same.
        built.getPlacements().stream().filter(p -> !p.isPinned() && !overridden.contains(p.getLearner().getId())
                && p.getSession() != null && p.getSession().isCatchAll() && p.getPreviousAdultId() == null)
                .forEach(p -> p.setPreviousSeat(p.getSession().getId()));
        built.setConstraintWeightOverrides(searchWeights(built.getConstraintWeightOverrides()));
        return dropped;
    }

    /** The school's weights with moves priced for an override's search. */
    static ConstraintWeightOverrides<HardMediumSoftScore> searchWeights(
            ConstraintWeightOverrides<HardMediumSoftScore> school) {
        Map<String, HardMediumSoftScore> weights = new LinkedHashMap<>();
        if (school != null) {
            school.getKnownConstraintNames().forEach(n -> weights.put(n, school.getConstraintWeight(n)));
        }
        weights.put(Rules.MOVED_FROM_PREVIOUS, HardMediumSoftScore.ofMedium(MOVE_WEIGHT));
        return ConstraintWeightOverrides.of(weights);
    }

    /**
     * A copy of an override's plan scored by {@code school}'s weights (those the day was built with), for readers:
     * the search priced moves at the medium level; a plan handed out prices them as every plan does.
     */
    public static DayPlan rescored(DayPlan solved, ConstraintWeightOverrides<HardMediumSoftScore> school,
            SolutionManager<DayPlan, HardMediumSoftScore> manager) {
        DayPlan copy = new DayPlanCloner().cloneSolution(solved);
        copy.setConstraintWeightOverrides(school);
        manager.update(copy);
        return copy;
    }

    /** The ids of the blocks before {@code fromBlock} in the day's order (all of them for an unknown block). */
    public static List<String> blocksBefore(DayPlan day, String fromBlock) {
        List<String> blocks = day.getPeriods().stream().map(p -> p.getId()).toList();
        int from = blocks.indexOf(fromBlock);
        return from < 0 ? blocks : blocks.subList(0, from);
    }

    /**
     * What happened, happened: the blocks given keep their groups, modalities and rooms (their placements pinned,
     * their sessions frozen).
     */
    public static void keepBlocksBefore(DayPlan day, Collection<String> blocks) {
        Set<String> before = new HashSet<>(blocks);
        day.getPlacements().stream().filter(p -> before.contains(p.getPeriod().getId()))
                .forEach(p -> p.setPinned(true));
        day.getSessions().stream().filter(s -> before.contains(s.getPeriod().getId()) && !s.isFixed()
                && s.getMode() != null).forEach(Session::freeze);
    }

    /** Puts each pinned student in their session and pins them there; returns the pins that cannot hold. */
    public static List<Dropped> apply(DayPlan day, List<Pin> pins) {
        List<Dropped> dropped = new ArrayList<>();
        for (Pin pin : pins) {
            Optional<Placement> placement = day.getPlacements().stream().filter(p -> p.getLearner().getId()
                    .equals(pin.studentId()) && p.getPeriod().getId().equals(pin.blockId())).findFirst();
            if (placement.isEmpty()) {
                dropped.add(new Dropped(pin, "the student is not in school in block " + pin.blockId()));
                continue;
            }
            Optional<Session> session = placement.get().getCandidates().stream()
                    .filter(s -> s.getId().equals(pin.sessionId())).findFirst();
            if (session.isEmpty()) {
                dropped.add(new Dropped(pin, "session " + pin.sessionId() + " no longer runs or no longer suits "
                        + "the student"));
                continue;
            }
            placement.get().setSession(session.get());
            placement.get().setPinned(true);
        }
        return dropped;
    }

    /** {@code pins} with {@code added} replacing any pin of the same student-block. */
    public static List<Pin> with(List<Pin> pins, Pin added) {
        List<Pin> all = new ArrayList<>(pins.stream().filter(p -> !p.sameSeat(added)).toList());
        all.add(added);
        return List.copyOf(all);
    }
}
