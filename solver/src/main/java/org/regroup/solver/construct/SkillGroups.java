package org.regroup.solver.construct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.regroup.domain.SkillState;
import org.regroup.domain.StaffRole;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.solver.construct.DayConstructor.BlockBuilder;
import org.regroup.solver.construct.DayConstructor.Group;
import org.regroup.solver.construct.DayConstructor.Tally;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/** A skill block: 1:1 time, then small groups on shared ready skills, then supervised practice. */
final class SkillGroups {

    private final BlockBuilder block;
    private final Map<Placement, Double> weights = new IdentityHashMap<>();

    SkillGroups(BlockBuilder block) {
        this.block = block;
    }

    void run() {
        block.waiting().forEach(p -> weights.put(p, weight(p)));
        oneToOne();
        smallGroups();
        supervisedPractice();
        topUpOpenGroups();
    }

    /**
     * Who needs an adult most: a staff-led minimum that must be met now or soon, working below grade, a new skill,
     * no online blocks left.
     */
    private double weight(Placement p) {
        Learner l = p.getLearner();
        Tally t = block.state().of(l);
        double w = 1;
        int shortfall = l.getMinStaffLedBlocks() - t.staffLed;
        if (shortfall > 0) {
            w += shortfall >= t.blocksLeft ? 100 : 20;
        }
        if (l.isBehind()) {
            w += 5;
        }
        Option best = l.best(p.getPeriod());
        if (best != null && best.state() == SkillState.NEW) {
            w += 3;
        }
        if (t.online >= l.getMaxOnlineBlocks()) {
            w += 10;
        }
        return w;
    }

    /** Students owed 1:1 minutes get a tutor (or a specialist, or a teacher) now, the fewest blocks left first. */
    private void oneToOne() {
        List<Placement> needing = new ArrayList<>();
        for (Placement p : block.waiting()) {
            Learner l = p.getLearner();
            if (l.getOneToOneMinutes() > block.state().of(l).oneToOneMinutes) {
                needing.add(p);
            }
        }
        needing.sort(Comparator.comparingInt((Placement p) -> block.state().of(p.getLearner()).blocksLeft)
                .thenComparingInt(p -> p.getLearner().getIndex()));
        for (Placement p : needing) {
            Option best = p.getLearner().best(block.period());
            if (best == null) {
                continue;
            }
            // A teacher's block serves a whole group: spend one on 1:1 only when the time would run out otherwise.
            Tally t = block.state().of(p.getLearner());
            int blocksNeeded = (int) Math.ceil((p.getLearner().getOneToOneMinutes() - t.oneToOneMinutes)
                    / (double) block.period().getMinutes());
            boolean urgent = t.skillBlocksLeft <= blocksNeeded;
            Session slot = block.closedSlots().stream()
                    .filter(s -> p.getCandidates().contains(s) && DayConstructor.mode(s, ModalityCatalog.ONE_TO_ONE) != null
                            && s.getAdult().isQualifiedFor(best.focus())
                            && (urgent || s.getAdult().getRole() == StaffRole.TUTOR
                                    || s.getAdult().getRole() == StaffRole.SPECIALIST))
                    .min(Comparator.comparingInt((Session s) -> rolePreference(s.getAdult().getRole()))
                            .thenComparing(Session::getId))
                    .orElse(null);
            if (slot == null) {
                continue;
            }
            Mode mode = DayConstructor.mode(slot, ModalityCatalog.ONE_TO_ONE);
            Room room = block.rooms().pick(slot, mode, 1, p.getLearner().isQuietSpace(),
                    block.state().lastRoom.get(slot.getAdult()));
            if (room != null) {
                Group g = block.openGroup(slot, mode, room);
                g.focus = best.focus();
                block.join(g, p);
            }
        }
    }

    private static int rolePreference(StaffRole role) {
        return switch (role) {
            case TUTOR -> 0;
            case SPECIALIST -> 1;
            default -> 2;
        };
    }

    /**
     * Repeatedly opens the (adult, skill) group that serves the most urgent students: score = the summed weights of
     * the students eligible for the skill, scaled down when more are eligible than one group holds.
     */
    private void smallGroups() {
        Map<Focus, List<Placement>> eligible = new HashMap<>();
        Map<Focus, double[]> tally = new HashMap<>(); // focus -> {count, weight}
        for (Placement p : block.waiting()) {
            for (Option o : p.getLearner().options(block.period())) {
                if (o.eligible()) {
                    eligible.computeIfAbsent(o.focus(), f -> new ArrayList<>()).add(p);
                    double[] t = tally.computeIfAbsent(o.focus(), f -> new double[2]);
                    t[0]++;
                    t[1] += weights.get(p);
                }
            }
        }
        List<Session> slots = new ArrayList<>();
        for (Session s : block.closedSlots()) {
            if (DayConstructor.mode(s, ModalityCatalog.SMALL_GROUP) != null) {
                slots.add(s);
            }
        }
        while (!slots.isEmpty()) {
            Session bestSlot = null;
            Focus bestFocus = null;
            double bestScore = 0;
            for (Session s : slots) {
                Mode mode = DayConstructor.mode(s, ModalityCatalog.SMALL_GROUP);
                int cap = BlockBuilder.capOf(s, mode);
                for (Map.Entry<Focus, double[]> e : tally.entrySet()) {
                    double[] t = e.getValue();
                    if (t[0] < mode.getMinSize() || !e.getKey().runsIn(mode) || !s.getAdult().isQualifiedFor(e.getKey())) {
                        continue;
                    }
                    double score = t[1] * Math.min(1.0, cap / t[0]);
                    if (score > bestScore || score == bestScore && bestSlot != null
                            && e.getKey().getId().compareTo(bestFocus.getId()) < 0) {
                        bestScore = score;
                        bestSlot = s;
                        bestFocus = e.getKey();
                    }
                }
            }
            if (bestSlot == null) {
                return;
            }
            slots.remove(bestSlot);
            Group g = open(bestSlot, bestFocus, eligible.get(bestFocus));
            if (g != null) {
                for (Placement p : g.members) {
                    for (Option o : p.getLearner().options(block.period())) {
                        if (o.eligible()) {
                            double[] t = tally.get(o.focus());
                            t[0]--;
                            t[1] -= weights.get(p);
                        }
                    }
                }
            }
        }
    }

    /** Opens a small group on {@code focus}: the most urgent waiting students, then a room that fits them. */
    private Group open(Session slot, Focus focus, List<Placement> candidates) {
        Mode mode = DayConstructor.mode(slot, ModalityCatalog.SMALL_GROUP);
        int cap = BlockBuilder.capOf(slot, mode);
        List<Placement> chosen = new ArrayList<>();
        candidates.stream()
                .filter(p -> block.waiting().contains(p) && p.getCandidates().contains(slot))
                .sorted(Comparator.comparingDouble((Placement p) -> -weights.get(p) - variety(p, focus))
                        .thenComparingInt(p -> p.getLearner().getIndex()))
                .forEach(p -> {
                    if (chosen.size() < cap) {
                        chosen.add(p);
                    }
                });
        if (chosen.size() < mode.getMinSize()) {
            return null;
        }
        boolean quiet = chosen.stream().anyMatch(p -> p.getLearner().isQuietSpace());
        Room room = block.rooms().pick(slot, mode, chosen.size(), quiet, block.state().lastRoom.get(slot.getAdult()));
        if (room == null && quiet) {
            chosen.removeIf(p -> p.getLearner().isQuietSpace());
            room = block.rooms().pick(slot, mode, chosen.size(), false, block.state().lastRoom.get(slot.getAdult()));
        }
        if (room == null || chosen.size() < mode.getMinSize()) {
            return null;
        }
        Group g = block.openGroup(slot, mode, room);
        g.focus = focus;
        chosen.forEach(p -> block.join(g, p));
        return g;
    }

    /** Not the same skill as the block before. */
    private double variety(Placement p, Focus focus) {
        return block.state().of(p.getLearner()).lastFocus == focus ? -2 : 0;
    }

    /**
     * The rest practise on their own: online in labs while their screen time allows, else independently. Students
     * who need quiet go first, into quiet rooms.
     */
    private void supervisedPractice() {
        supervisedPractice(true);
        supervisedPractice(false);
    }

    private void supervisedPractice(boolean quietOnly) {
        List<Session> slots = block.closedSlots();
        slots.sort(Comparator.comparingInt((Session s) -> supervisorPreference(s.getAdult().getRole()))
                .thenComparing(Session::getId));
        for (Session slot : slots) {
            if (block.waiting().isEmpty()) {
                return;
            }
            for (String modeId : List.of(ModalityCatalog.ONLINE_PRACTICE, ModalityCatalog.INDEPENDENT_PRACTICE)) {
                Mode mode = DayConstructor.mode(slot, modeId);
                if (mode == null) {
                    continue;
                }
                List<Placement> takers = block.waiting().stream()
                        .filter(p -> p.getCandidates().contains(slot) && mayUse(p, mode)
                                && (!quietOnly || p.getLearner().isQuietSpace()))
                        .toList();
                if (takers.isEmpty()) {
                    continue;
                }
                int size = Math.min(takers.size(), BlockBuilder.capOf(slot, mode));
                boolean quiet = quietOnly || takers.stream().limit(size).anyMatch(p -> p.getLearner().isQuietSpace());
                Room room = block.rooms().pick(slot, mode, Math.min(size, 8), quiet, null);
                if (room == null && !quietOnly) {
                    room = block.rooms().pick(slot, mode, Math.min(size, 8), false, null);
                }
                if (room == null) {
                    continue;
                }
                Group g = block.openGroup(slot, mode, room);
                for (Placement p : block.waiting().stream().filter(p -> p.getCandidates().contains(slot)
                        && mayUse(p, mode)).sorted(Comparator.comparingInt(
                                (Placement p) -> p.getLearner().isQuietSpace() ? 0 : 1)).toList()) {
                    if (!p.getLearner().isQuietSpace() || room.isQuiet()) {
                        block.join(g, p);
                    }
                }
                break;
            }
        }
    }

    private boolean mayUse(Placement p, Mode mode) {
        Learner l = p.getLearner();
        return !mode.isOnline() || block.state().of(l).online < l.getMaxOnlineBlocks();
    }

    private static int supervisorPreference(StaffRole role) {
        return switch (role) {
            case AIDE -> 0;
            case COUNSELOR -> 1;
            case TUTOR -> 2;
            default -> 3;
        };
    }

    /** Anyone still waiting joins an open group with room for them, if the group's focus or modality suits them. */
    private void topUpOpenGroups() {
        for (Placement p : List.copyOf(block.waiting())) {
            for (Group g : block.openGroups()) {
                if (g.session.isCatchAll() || !p.getCandidates().contains(g.session)) {
                    continue;
                }
                boolean suits = g.mode.isSharedFocus()
                        ? g.focus != null && p.getLearner().option(block.period(), g.focus) != null
                                && p.getLearner().option(block.period(), g.focus).eligible()
                        : mayUse(p, g.mode);
                if (suits && (!p.getLearner().isQuietSpace() || g.room.isQuiet()) && block.rooms().freeSeats(g.room) > 0
                        && block.join(g, p)) {
                    break;
                }
            }
        }
    }
}
