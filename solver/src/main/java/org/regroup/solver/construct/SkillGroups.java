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
import org.regroup.solver.constraints.Rules;
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
    private final SeatBudget seats;

    SkillGroups(BlockBuilder block) {
        this.block = block;
        this.seats = new SeatBudget(block);
    }

    /**
     * Groups where they serve their members' goals best ({@link #goalGroups()}), the rest in supervised practice. When
     * practice is full, the adults still free open groups on any shared ready skill ({@link #smallGroups()}); if
     * students are still without a seat, the block is built again the way it was before goals led (as many groups as
     * can be filled), and whichever way seats more students is kept.
     */
    void run() {
        block.waiting().forEach(p -> weights.put(p, weight(p)));
        DayConstructor.Snapshot start = block.save();
        buildAroundGoals();
        int leftByGoals = block.waiting().size();
        if (leftByGoals == 0) {
            return;
        }
        block.restore(start);
        buildWith(false);
        if (block.waiting().size() >= leftByGoals) {
            block.restore(start);
            buildAroundGoals();
        }
        if (!block.waiting().isEmpty()) {
            new OpenGroupSeats(block).seatAnywhere();
        }
    }

    /**
     * Seats the students a revised plan left without a seat: 1:1 time first for those owed it (no running group can
     * give it), then the running groups ({@link OpenGroupSeats}), then new groups as in {@link #run()}.
     */
    void repair() {
        block.waiting().forEach(p -> weights.put(p, weight(p)));
        oneToOne();
        new OpenGroupSeats(block).seat();
        if (!block.waiting().isEmpty()) {
            run();
        }
    }

    private void buildAroundGoals() {
        buildWith(true);
        if (!block.waiting().isEmpty()) {
            smallGroups();
            supervisedPractice();
            topUpOpenGroups();
        }
    }

    private void buildWith(boolean goals) {
        oneToOne();
        if (goals) {
            goalGroups();
        } else {
            smallGroups();
        }
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

    /**
     * Students owed 1:1 minutes get a tutor (or a specialist, or a teacher) now, the fewest blocks left first. A
     * teacher's block serves a whole group, so teachers give 1:1 time only as fast as the day needs it: when a
     * student's time would run out otherwise, or while this block has given fewer 1:1 sessions than its share of
     * what everyone is still owed (each student's blocks owed over their skill blocks left). Waiting for the last
     * block piled every need into one block, where seats allowed one.
     */
    private void oneToOne() {
        List<Placement> needing = new ArrayList<>();
        double share = 0;
        for (Placement p : block.waiting()) {
            Learner l = p.getLearner();
            if (l.getOneToOneMinutes() > block.state().of(l).oneToOneMinutes) {
                needing.add(p);
                Tally t = block.state().of(l);
                share += Math.min(1.0, blocksNeeded(p) / (double) Math.max(1, t.skillBlocksLeft));
            }
        }
        int due = (int) Math.ceil(share - 1e-9);
        int given = 0;
        needing.sort(Comparator.comparingInt((Placement p) -> block.state().of(p.getLearner()).blocksLeft)
                .thenComparingInt(p -> p.getLearner().getIndex()));
        for (Placement p : needing) {
            Option best = p.getLearner().best(block.period());
            if (best == null) {
                continue;
            }
            boolean teachersToo = block.state().of(p.getLearner()).skillBlocksLeft <= blocksNeeded(p) || given < due;
            Session slot = block.closedSlots().stream()
                    .filter(s -> p.isCandidate(s) && DayConstructor.mode(s, ModalityCatalog.ONE_TO_ONE) != null
                            && s.getAdult().isQualifiedFor(best.focus())
                            && (teachersToo || s.getAdult().getRole() == StaffRole.TUTOR
                                    || s.getAdult().getRole() == StaffRole.SPECIALIST))
                    .min(Comparator.comparingInt((Session s) -> rolePreference(s.getAdult().getRole()))
                            .thenComparing(Session::getId))
                    .orElse(null);
            if (slot == null) {
                continue;
            }
            Mode mode = DayConstructor.mode(slot, ModalityCatalog.ONE_TO_ONE);
            Room room = seats.pick(slot, mode, List.of(p), p.getLearner().isQuietSpace(),
                    block.state().lastRoom.get(slot.getAdult()));
            if (room != null) {
                Group g = block.openGroup(slot, mode, room);
                g.focus = best.focus();
                block.join(g, p);
                given++;
            }
        }
    }

    /** Blocks of 1:1 time the student is still owed, counted in this block's length. */
    private int blocksNeeded(Placement p) {
        Tally t = block.state().of(p.getLearner());
        return (int) Math.ceil((p.getLearner().getOneToOneMinutes() - t.oneToOneMinutes)
                / (double) block.period().getMinutes());
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
                    t[1] += urgencyFor(p, o);
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
                int cap = s.capIn(mode);
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
                            t[1] -= urgencyFor(p, o);
                        }
                    }
                }
            }
        }
    }

    /**
     * Taught groups (small groups, seminars) where a group is worth more to its members than practising alone (the
     * choice the soft rules price): each student counts what the group saves them — practising alone, behind grade
     * without an adult, a new skill in practice, the same skill as the block before — against what it costs them: a
     * goal they could work on instead, a less urgent skill, a modality that does not suit their state, the same skill
     * again. Staff-led needs count first. Repeatedly opens the (skill, modality, adult) group whose members gain most,
     * and stops when no group gains: the rest practise on their own, each on their own best (goal) skill. A group the
     * seat budget refuses is tried once more filled to its cap (a fuller group gives up fewer seats), then left.
     */
    private void goalGroups() {
        Costs costs = Costs.of(block.state().plan);
        List<Session> slots = new ArrayList<>();
        List<Mode> modes = new ArrayList<>();
        for (Session s : block.closedSlots()) {
            boolean teaches = false;
            for (String id : TAUGHT_GROUPS) {
                Mode m = DayConstructor.mode(s, id);
                if (m != null) {
                    teaches = true;
                    if (!modes.contains(m)) {
                        modes.add(m);
                    }
                }
            }
            if (teaches) {
                slots.add(s);
            }
        }
        if (slots.isEmpty()) {
            return;
        }
        modes.sort(Comparator.comparingInt(m -> TAUGHT_GROUPS.indexOf(m.getId())));
        // A waiting student's gain from a group does not change while the block is built: rank once per modality.
        Map<Mode, Map<Focus, Ranking>> ranked = new HashMap<>();
        Map<Mode, List<Focus>> fociOf = new HashMap<>();
        for (Mode mode : modes) {
            // A student's gain depends on them, the skill and the modality only (not on which option named it).
            Map<Focus, Ranking.Builder> byFocus = new HashMap<>();
            for (Placement p : block.waiting()) {
                for (Option o : p.getLearner().options(block.period())) {
                    if (o.eligibleIn(mode)) {
                        byFocus.computeIfAbsent(o.focus(), f -> new Ranking.Builder())
                                .add(p, gain(costs, p, o.focus(), mode));
                    }
                }
            }
            Map<Focus, Ranking> byFocusRanked = new HashMap<>();
            byFocus.forEach((focus, list) -> byFocusRanked.put(focus, list.build(mode, focus, slots)));
            ranked.put(mode, byFocusRanked);
            List<Focus> foci = new ArrayList<>(byFocus.keySet());
            foci.sort(Comparator.comparing(Focus::getId));
            fociOf.put(mode, foci);
        }
        java.util.Set<Session> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        open.addAll(slots);
        Map<Mode, java.util.Set<Focus>> refused = new HashMap<>();
        // Each modality and skill's best group, kept across rounds: it changes only when its slot opens or one of its
        // members joins a group (members only leave the waiting list here), so a round re-ranks only those.
        Map<Mode, Map<Focus, Offer>> offers = new HashMap<>();
        Map<Object, List<Runnable>> forgetWhenGone = new IdentityHashMap<>(); // slot or member -> offers it is in
        int refusedInARow = 0;
        while (!slots.isEmpty() && refusedInARow < MAX_REFUSALS && seats.mayAffordAGroup(slots, modes)) {
            Session bestSlot = null;
            Mode bestMode = null;
            Focus bestFocus = null;
            List<Placement> bestMembers = null;
            double bestGain = 0;
            for (Mode mode : modes) {
                Map<Focus, Offer> known = offers.computeIfAbsent(mode, m -> new HashMap<>());
                java.util.Set<Focus> refusedHere = refused.getOrDefault(mode, java.util.Set.of());
                Map<Focus, Ranking> rankings = ranked.get(mode);
                for (Focus focus : fociOf.get(mode)) {
                    if (refusedHere.contains(focus)) {
                        continue;
                    }
                    Offer offer = known.get(focus);
                    if (offer == null) {
                        offer = offer(mode, rankings.get(focus), open, costs);
                        known.put(focus, offer);
                        Runnable forget = () -> known.remove(focus); // harmless when already found again: same offer
                        if (offer.slot() != null) {
                            forgetWhenGone.computeIfAbsent(offer.slot(), x -> new ArrayList<>()).add(forget);
                        }
                        if (offer.members() != null) {
                            offer.members().forEach(p -> forgetWhenGone.computeIfAbsent(p, x -> new ArrayList<>())
                                    .add(forget));
                        }
                    }
                    if (offer.members() == null) {
                        continue;
                    }
                    if (offer.total() > bestGain) { // modalities in order, foci in id order: ties keep the first
                        bestGain = offer.total();
                        bestSlot = offer.slot();
                        bestMode = mode;
                        bestFocus = focus;
                        bestMembers = offer.members();
                    }
                }
            }
            if (bestSlot == null) {
                return;
            }
            Mode mode = DayConstructor.mode(bestSlot, bestMode.getId());
            Group g = openWith(bestSlot, mode, bestFocus, bestMembers);
            if (g == null) {
                List<Placement> fuller = new ArrayList<>(bestMembers);
                int cap = bestSlot.capIn(mode);
                for (Placement p : ranked.get(bestMode).get(bestFocus).students) {
                    if (fuller.size() >= cap) {
                        break;
                    }
                    if (!fuller.contains(p) && block.waiting().contains(p) && p.isCandidate(bestSlot)) {
                        fuller.add(p);
                    }
                }
                g = fuller.size() > bestMembers.size() ? openWith(bestSlot, mode, bestFocus, fuller) : null;
            }
            if (g != null) {
                slots.remove(bestSlot);
                open.remove(bestSlot);
                forgetWhenGone.getOrDefault(bestSlot, List.of()).forEach(Runnable::run);
                g.members.forEach(p -> forgetWhenGone.getOrDefault(p, List.of()).forEach(Runnable::run));
                refusedInARow = 0;
            } else {
                refused.computeIfAbsent(bestMode, m -> new java.util.HashSet<>()).add(bestFocus);
                refusedInARow++;
            }
        }
    }

    /** A modality and skill's best group this round: its slot, members and summed gain (members null: none). */
    private record Offer(Session slot, List<Placement> members, double total) {
    }

    /**
     * The waiting students a group on one skill in one modality would serve, most gain first (then by learner
     * index), and the block's slots that may run it, largest cap first (then in slot order). Both are ranked once per
     * block; a round skips what has gone since (students seated, slots opened), which only ever goes.
     */
    private static final class Ranking {
        final Placement[] students;
        final double[] gains;
        int firstWaiting;
        final Session[] slots;
        final int[] caps;
        int firstOpen;

        private Ranking(Placement[] students, double[] gains, Session[] slots, int[] caps) {
            this.students = students;
            this.gains = gains;
            this.slots = slots;
            this.caps = caps;
        }

        /** The students in the order they were added, with their gains; ranked by {@link #build}. */
        static final class Builder {
            private final List<Placement> students = new ArrayList<>();
            private double[] gains = new double[8];

            void add(Placement p, double gain) {
                if (students.size() == gains.length) {
                    gains = java.util.Arrays.copyOf(gains, gains.length * 2);
                }
                gains[students.size()] = gain;
                students.add(p);
            }

            Ranking build(Mode mode, Focus focus, List<Session> blockSlots) {
                return Ranking.of(mode, focus, students, gains, blockSlots);
            }
        }

        private static Ranking of(Mode mode, Focus focus, List<Placement> waiting, double[] gainOf,
                List<Session> blockSlots) {
            Integer[] order = new Integer[waiting.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -gainOf[i])
                    .thenComparingInt(i -> waiting.get(i).getLearner().getIndex()));
            Placement[] students = new Placement[order.length];
            double[] sorted = new double[order.length];
            for (int i = 0; i < order.length; i++) {
                students[i] = waiting.get(order[i]);
                sorted[i] = gainOf[order[i]];
            }
            List<Session> qualified = new ArrayList<>();
            Map<Session, Integer> capOf = new IdentityHashMap<>();
            for (Session s : blockSlots) {
                Mode m = DayConstructor.mode(s, mode.getId());
                int c = m == null ? 0 : s.capIn(m);
                if (c > 0 && focus.runsIn(m) && s.getAdult().isQualifiedFor(focus)) {
                    qualified.add(s);
                    capOf.put(s, c);
                }
            }
            qualified.sort(Comparator.comparingInt((Session s) -> -capOf.get(s))); // stable: slot order on ties
            return new Ranking(students, sorted, qualified.toArray(Session[]::new),
                    qualified.stream().mapToInt(capOf::get).toArray());
        }
    }

    /**
     * The open slot with the largest cap (first in slot order on ties) that may run a group on the ranking's skill,
     * and the waiting students who gain most from it there, in rank order, up to the cap (or, past the minimum size,
     * while they gain).
     */
    private Offer offer(Mode mode, Ranking r, java.util.Set<Session> open, Costs costs) {
        while (r.firstOpen < r.slots.length && !open.contains(r.slots[r.firstOpen])) {
            r.firstOpen++;
        }
        if (r.firstOpen == r.slots.length) {
            return new Offer(null, null, 0);
        }
        Session slot = r.slots[r.firstOpen];
        int cap = r.caps[r.firstOpen];
        java.util.Collection<Placement> waiting = block.waiting();
        while (r.firstWaiting < r.students.length && !waiting.contains(r.students[r.firstWaiting])) {
            r.firstWaiting++;
        }
        List<Placement> members = new ArrayList<>();
        double total = -costs.openSession;
        for (int i = r.firstWaiting; i < r.students.length; i++) {
            Placement p = r.students[i];
            if (!waiting.contains(p) || !p.isCandidate(slot)) {
                continue;
            }
            double g = r.gains[i];
            if (members.size() >= cap || g <= 0 && members.size() >= mode.getMinSize()) {
                break;
            }
            members.add(p);
            total += g;
        }
        return members.size() < mode.getMinSize() ? new Offer(slot, null, 0) : new Offer(slot, members, total);
    }

    /**
     * Groups the seat budget refused one after another before the block stops looking for more: each refusal means
     * the block's seats are nearly spent, and trying every skill of a large day costs seconds.
     */
    private static final int MAX_REFUSALS = 40;

    /** Taught groups on one shared skill the day builder opens, in order of preference on ties. */
    private static final List<String> TAUGHT_GROUPS = List.of(ModalityCatalog.SMALL_GROUP, ModalityCatalog.SEMINAR);

    /** What joining a small group on {@code focus} saves this student against practising alone on their best skill. */
    private double gain(Costs costs, Placement p, Focus focus, Mode mode) {
        Learner l = p.getLearner();
        Tally t = block.state().of(l);
        Option best = l.best(block.period());
        Option o = l.option(block.period(), focus);
        double need = 0;
        int shortfall = l.getMinStaffLedBlocks() - t.staffLed;
        if (shortfall > 0) {
            need += shortfall >= t.blocksLeft ? 1000 : 100;
        }
        double alone = costs.alone + (l.isBehind() ? costs.behind : 0)
                + (best.state() == SkillState.NEW ? costs.state : 0)
                + (t.lastFocus == best.focus() ? costs.sameSkill : 0);
        double inGroup = costs.goal * Math.max(0, best.goalValue() - o.goalValue())
                + costs.urgency * Math.min(org.regroup.solver.model.GroupSummary.MAX_URGENCY_GAP,
                        Math.max(0, best.focus().getUnlocks() - focus.getUnlocks()))
                + (o.state() != null && !mode.suits(o.state()) ? costs.state : 0)
                + (t.lastFocus == focus ? costs.sameSkill : 0);
        return need + alone - inGroup;
    }

    /** The soft prices the grouping choices weigh, from the day's weights (a school's overrides included). */
    private record Costs(int goal, int urgency, int state, int sameSkill, int behind, int alone, int openSession) {
        static Costs of(org.regroup.solver.model.DayPlan plan) {
            java.util.function.ToIntFunction<String> w =
                    rule -> org.regroup.solver.constraints.RegroupConstraintProvider.softWeight(plan, rule);
            return new Costs(w.applyAsInt(Rules.GOAL_MISSED), w.applyAsInt(Rules.LESS_URGENT),
                    w.applyAsInt(Rules.STATE_MISFIT), w.applyAsInt(Rules.SAME_SKILL_TWICE),
                    w.applyAsInt(Rules.BEHIND_UNSUPERVISED), w.applyAsInt(Rules.PRACTISING_ALONE),
                    w.applyAsInt(Rules.OPEN_SESSION));
        }
    }

    /** Opens a small group on {@code focus}: the most urgent waiting students, then a room that fits them. */
    private Group open(Session slot, Focus focus, List<Placement> candidates) {
        Mode mode = DayConstructor.mode(slot, ModalityCatalog.SMALL_GROUP);
        int cap = slot.capIn(mode);
        List<Placement> chosen = new ArrayList<>();
        candidates.stream()
                .filter(p -> block.waiting().contains(p) && p.isCandidate(slot))
                .sorted(Comparator.comparingDouble((Placement p) -> -urgencyFor(p,
                                p.getLearner().option(block.period(), focus)) - variety(p, focus))
                        .thenComparingInt(p -> p.getLearner().getIndex()))
                .forEach(p -> {
                    if (chosen.size() < cap) {
                        chosen.add(p);
                    }
                });
        return openWith(slot, mode, focus, chosen);
    }

    /**
     * Opens a taught group on {@code focus} with these members (fewer if a quiet room is not free), or null when it
     * is too small or no room keeps the seat budget.
     */
    private Group openWith(Session slot, Mode mode, Focus focus, List<Placement> members) {
        List<Placement> chosen = new ArrayList<>(members);
        if (chosen.size() < mode.getMinSize()) {
            return null;
        }
        boolean quiet = chosen.stream().anyMatch(p -> p.getLearner().isQuietSpace());
        Room room = seats.pick(slot, mode, chosen, quiet, block.state().lastRoom.get(slot.getAdult()));
        if (room == null && quiet) {
            chosen.removeIf(p -> p.getLearner().isQuietSpace());
            room = seats.pick(slot, mode, chosen, false, block.state().lastRoom.get(slot.getAdult()));
        }
        if (room == null && chosen.size() > mode.getMinSize()) {
            room = smallerRoom(slot, mode, chosen);
        }
        if (room == null || chosen.size() < mode.getMinSize()) {
            return null;
        }
        Group g = block.openGroup(slot, mode, room);
        g.focus = focus;
        chosen.forEach(p -> block.join(g, p));
        return g;
    }

    /**
     * Where seats are tight, a taught group cut to a small room may keep the budget where the whole group would not
     * (a studio's group of ten takes seats the open studio needs; eight in the small room do not). Tries the free
     * rooms that hold at least the modality's minimum, smallest first, keeping the first members of {@code chosen}
     * (the highest gains) up to the room's seats; trims {@code chosen} to the group that fits.
     */
    private Room smallerRoom(Session slot, Mode mode, List<Placement> chosen) {
        List<Room> rooms = new ArrayList<>(block.rooms().fitting(slot, mode, mode.getMinSize(), false));
        rooms.sort(Comparator.comparingInt((Room r) -> block.rooms().freeSeats(r)).thenComparing(Room::getId));
        for (Room r : rooms) {
            int seatsThere = block.rooms().freeSeats(r);
            if (seatsThere >= chosen.size() || r.isQuiet()) {
                continue; // the usual pick has weighed rooms that hold them all; quiet rooms stay for quiet needs
            }
            List<Placement> cut = chosen.subList(0, seatsThere);
            if (seats.allows(slot, mode, r, cut)) {
                chosen.retainAll(List.copyOf(cut));
                return r;
            }
        }
        return null;
    }

    /**
     * How much a student counts toward a group on this option when groups are opened to seat everyone: their need
     * for an adult ({@link #weight}), less 2 per point of goal value they would give up (a priority-1 goal skill
     * missed counts like a new skill plus working below grade), never below a small share.
     */
    private double urgencyFor(Placement p, Option o) {
        Option best = p.getLearner().best(block.period());
        int goalGiven = best == null || o == null ? 0 : Math.max(0, best.goalValue() - o.goalValue());
        return Math.max(0.25, weights.get(p) - 2.0 * goalGiven);
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
            Practice chosen = null;
            for (String modeId : List.of(ModalityCatalog.ONLINE_PRACTICE, ModalityCatalog.INDEPENDENT_PRACTICE)) {
                Practice option = practice(slot, DayConstructor.mode(slot, modeId), quietOnly);
                if (option == null) {
                    continue;
                }
                if (seats.affords(option.slack)) {
                    chosen = option; // online first while seats allow: screens suit practice, and labs are for it
                    break;
                }
                if (chosen == null || option.slack > chosen.slack) {
                    chosen = option; // seats short: the modality that seats most
                }
            }
            if (chosen == null) {
                continue;
            }
            Group g = block.openGroup(slot, chosen.mode, chosen.room);
            chosen.joiners.forEach(p -> block.join(g, p));
        }
    }

    /** Supervised practice one adult could run: where, and who would join (quiet-needing students first). */
    private record Practice(Mode mode, Room room, List<Placement> joiners, int slack) {
    }

    private Practice practice(Session slot, Mode mode, boolean quietOnly) {
        if (mode == null) {
            return null;
        }
        List<Placement> takers = block.waiting().stream()
                .filter(p -> p.isCandidate(slot) && mayUse(p, mode))
                .toList();
        // The quiet pass opens a group for the students who need quiet, then fills it like any other: its room is
        // chosen for the whole group (an aide who can take 35 is not spent on a quiet room of 7 when the library is
        // quiet too).
        if (takers.isEmpty() || quietOnly && takers.stream().noneMatch(p -> p.getLearner().isQuietSpace())) {
            return null;
        }
        int size = Math.min(takers.size(), slot.capIn(mode));
        boolean quiet = quietOnly || takers.stream().limit(size).anyMatch(p -> p.getLearner().isQuietSpace());
        // A room for the whole group if there is one; else the roomiest left (the group is cut to the room).
        Room room = null;
        for (boolean q : quietOnly ? List.of(true) : List.of(quiet, false)) {
            room = block.rooms().pick(slot, mode, size, q, null);
            if (room == null) {
                room = block.rooms().roomiest(slot, mode, q);
            }
            if (room != null) {
                break;
            }
        }
        if (room == null) {
            return null;
        }
        int cap = Math.min(slot.capIn(mode), block.rooms().freeSeats(room));
        List<Placement> joiners = new ArrayList<>();
        for (Placement p : block.waiting().stream().filter(p -> p.isCandidate(slot) && mayUse(p, mode))
                .sorted(Comparator.comparingInt((Placement p) -> p.getLearner().isQuietSpace() ? 0 : 1)).toList()) {
            if (joiners.size() >= cap) {
                break;
            }
            if ((!p.getLearner().isQuietSpace() || room.isQuiet()) && acceptsKeepApart(joiners, p)) {
                joiners.add(p);
            }
        }
        return new Practice(mode, room, joiners, seats.slack(slot, mode, room, joiners));
    }

    private static boolean acceptsKeepApart(List<Placement> members, Placement p) {
        for (Placement m : members) {
            if (p.getLearner().getKeepApart().contains(m.getLearner())) {
                return false;
            }
        }
        return true;
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
                if (g.session.isCatchAll() || !p.isCandidate(g.session)) {
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
