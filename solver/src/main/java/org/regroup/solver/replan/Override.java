package org.regroup.solver.replan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.regroup.domain.DayProblem;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * Re-planning a day around hand-made placements (a teacher's override) with as little disruption as a teacher
 * expects from a flex-scheduling tool: the day starts from the plan it revises, nobody moves in a block before the
 * override's (those blocks are kept as they are), the pinned students sit where they were put, and every other move
 * costs {@link #MOVE_WEIGHT} — more than any soft gain a move could bring, so the solver moves someone else only to
 * mend a hard or medium rule the override broke (a group over its cap, one left below its minimum).
 */
public final class Override {

    /** A move of another student after an override: dearer than any soft gain (a student-block's best is ~100). */
    public static final int MOVE_WEIGHT = 1_000;

    /** A pin that could not hold on the day as it now is, and why. */
    public record Dropped(Pin pin, String why) {
    }

    private Override() {
    }

    /** The day problem with moves priced for an override re-plan. */
    public static DayProblem weighted(DayProblem problem) {
        Map<String, Integer> weights = new LinkedHashMap<>(problem.weights());
        weights.put(Rules.MOVED_FROM_PREVIOUS, MOVE_WEIGHT);
        return problem.with(problem.id(), problem.date(), problem.staff(), problem.spaces(), problem.students(),
                weights);
    }

    /**
     * Prepares {@code built} (the same day, freshly built from {@link #weighted}) to be solved: starts from
     * {@code base}, keeps the blocks before {@code fromBlock} as they are, and applies {@code pins}.
     *
     * @return the pins that could not hold (their adult is away now, the student has gone home…)
     */
    public static List<Dropped> prepare(Plan base, DayPlan built, List<Pin> pins, String fromBlock) {
        Continuity.from(base, built, Set.of());
        keepBlocksBefore(built, blocksBefore(built, fromBlock));
        return apply(built, pins);
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
