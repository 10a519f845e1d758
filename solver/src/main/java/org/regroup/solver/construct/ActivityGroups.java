package org.regroup.solver.construct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.regroup.domain.FocusKind;
import org.regroup.solver.construct.DayConstructor.BlockBuilder;
import org.regroup.solver.construct.DayConstructor.Group;
import org.regroup.solver.model.Ask;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * An activity block: repeatedly opens the activity the most waiting students are interested in, with an adult who
 * may run it, until everyone has a group.
 */
final class ActivityGroups {

    private final BlockBuilder block;

    /** Each student's activities asked for in this block (by a teacher, say, for a field trip). */
    private final java.util.Map<org.regroup.solver.model.Learner, java.util.Set<Focus>> asked =
            new java.util.IdentityHashMap<>();
    /** Appeal per activity and student: it does not change while the block is built, and every round reads it. */
    private final java.util.Map<Focus, java.util.Map<Placement, Integer>> appeals = new java.util.IdentityHashMap<>();

    ActivityGroups(BlockBuilder block) {
        this.block = block;
        for (Ask ask : block.state().plan.getAsks()) {
            if (ask.period() == null || ask.period() == block.period()) {
                asked.computeIfAbsent(ask.learner(), l -> new java.util.HashSet<>()).add(ask.focus());
            }
        }
    }

    void run() {
        while (!block.waiting().isEmpty()) {
            Choice choice = bestChoice();
            if (choice == null) {
                break;
            }
            List<Placement> takers = block.waiting().stream()
                    .filter(p -> p.isCandidate(choice.slot) && allowed(p, choice.mode))
                    // Students who need quiet first: the first groups take the quiet rooms with them.
                    .sorted(Comparator.comparingInt((Placement p) -> p.getLearner().isQuietSpace() ? 0 : 1)
                            .thenComparingInt(p -> -appeal(p, choice.activity))
                            .thenComparingInt(p -> p.getLearner().getIndex()))
                    .toList();
            boolean quiet = takers.stream().limit(choice.mode.getMaxSize()).anyMatch(p -> p.getLearner().isQuietSpace());
            int size = Math.min(takers.size(), choice.mode.getMaxSize());
            Room room = null;
            for (int seats = size; room == null && seats >= Math.min(size, choice.mode.getMinSize()); seats -= 4) {
                room = block.rooms().pick(choice.slot, choice.mode, Math.max(seats, 1), quiet,
                        block.state().lastRoom.get(choice.slot.getAdult()), choice.activity::canHappenIn);
            }
            if (room == null) {
                room = block.rooms().pick(choice.slot, choice.mode, Math.min(size, 8), false, null,
                        choice.activity::canHappenIn);
            }
            if (room == null) {
                closed.add(choice.slot);
                continue;
            }
            Group g = block.openGroup(choice.slot, choice.mode, room);
            g.focus = choice.activity;
            for (Placement p : takers) {
                if (!p.getLearner().isQuietSpace() || room.isQuiet()) {
                    block.join(g, p);
                }
            }
        }
    }

    private final List<Session> closed = new ArrayList<>();

    private record Choice(Session slot, Mode mode, Focus activity) {
    }

    /**
     * The activity the most waiting students are interested in (ties: smallest id), run by the first free adult who
     * may run it. Interest does not depend on the adult, so this costs activities × students, not more.
     */
    private Choice bestChoice() {
        List<Focus> ranked = new ArrayList<>(activities());
        java.util.Map<Focus, Integer> interested = new java.util.HashMap<>();
        for (Focus activity : ranked) {
            int n = 0;
            for (Placement p : block.waiting()) {
                n += appeal(p, activity) > 0 ? 1 + (requested(p, activity) ? 2 : 0) : 0;
            }
            interested.put(activity, n);
        }
        ranked.sort(Comparator.comparingInt((Focus a) -> -interested.get(a)).thenComparing(Focus::getId));
        List<Session> slots = block.closedSlots();
        for (Focus activity : ranked) {
            for (Session slot : slots) {
                if (closed.contains(slot)) {
                    continue;
                }
                for (Mode mode : slot.getAllowedModes()) {
                    if (mode.isSharedFocus() && activity.runsIn(mode)) {
                        return new Choice(slot, mode, activity);
                    }
                }
            }
        }
        return null;
    }

    private List<Focus> activities() {
        List<Focus> activities = new ArrayList<>();
        Placement any = block.waiting().iterator().next();
        for (Option o : any.getLearner().options(block.period())) {
            if (o.focus().getKind() == FocusKind.ACTIVITY) {
                activities.add(o.focus());
            }
        }
        activities.sort(Comparator.comparing(Focus::getId));
        return activities;
    }

    /** A request for the activity (by a teacher, say, for a field trip) counts more than an interest. */
    private int appeal(Placement p, Focus activity) {
        return appeals.computeIfAbsent(activity, a -> new java.util.IdentityHashMap<>())
                .computeIfAbsent(p, x -> (requested(x, activity) ? 10 : 0) + interest(x, activity));
    }

    private boolean requested(Placement p, Focus activity) {
        return asked.getOrDefault(p.getLearner(), java.util.Set.of()).contains(activity);
    }

    private int interest(Placement p, Focus activity) {
        Option o = p.getLearner().option(block.period(), activity);
        return o == null ? 0 : o.interest();
    }

    private static boolean allowed(Placement p, Mode mode) {
        return !mode.isOffSite() || !p.getLearner().isNoOffSite();
    }
}
