package org.regroup.solver.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * Random {@link GroupMove}s for local search, four kinds, each within one block:
 *
 * <ul>
 *   <li><b>open</b>: a slot nobody is in gets a modality, a free room and members — for a taught group, students
 *       ready for one skill its adult may teach (students without a seat first, then those owed staff-led time who
 *       practise alone); for practice, students without a seat or in the catch-all first;</li>
 *   <li><b>dissolve</b>: a group's members move to other groups of the block that have a seat and suit them (or
 *       wait unseated), so its adult is free — for a trip's travel block, a teaching-block limit, a better group;</li>
 *   <li><b>convert</b>: a group takes another modality (a taught group becomes practice to seat more, practice
 *       becomes a seminar), keeping the members who fit and reseating the rest;</li>
 *   <li><b>trade</b>: two adults trade their groups (modality, room and members), so the one who may teach takes
 *       the group that needs it, sometimes in another modality (<b>take over</b>: a practice group becomes a 1:1 or a
 *       small group, the members who do not fit going with the other adult) — no sequence of single moves gets there
 *       without breaking a rule on the way.</li>
 * </ul>
 *
 * Moves only ever use values from the entities' own ranges (a student's candidate sessions, a slot's modalities and
 * rooms), so every step is a legal plan; the score decides whether it is a better one.
 */
public final class GroupMoves implements MoveIteratorFactory<DayPlan, GroupMove> {

    private Map<Period, List<Session>> sessionsByPeriod;
    private Map<Period, List<Placement>> placementsByPeriod;
    /** For each session, the placements that may be in it (the inverse of the candidate lists). */
    private Map<Session, List<Placement>> mayJoin;
    /** For each block and skill, the placements (not pinned) ready for it, in the day's placement order. */
    private Map<Period, Map<Focus, List<Placement>>> readyFor;
    private List<Period> periods;

    @Override
    public void phaseStarted(ScoreDirector<DayPlan> director) {
        DayPlan plan = director.getWorkingSolution();
        periods = List.copyOf(plan.getPeriods());
        sessionsByPeriod = new IdentityHashMap<>();
        placementsByPeriod = new IdentityHashMap<>();
        mayJoin = new IdentityHashMap<>();
        readyFor = new IdentityHashMap<>();
        for (Session s : plan.getSessions()) {
            sessionsByPeriod.computeIfAbsent(s.getPeriod(), p -> new ArrayList<>()).add(s);
        }
        for (Placement p : plan.getPlacements()) {
            placementsByPeriod.computeIfAbsent(p.getPeriod(), x -> new ArrayList<>()).add(p);
            if (!p.isPinned()) {
                for (Session s : p.getCandidates()) {
                    mayJoin.computeIfAbsent(s, x -> new ArrayList<>()).add(p);
                }
                Learner l = p.getLearner();
                for (Option o : l.options(p.getPeriod())) {
                    if (o.eligible() && l.option(p.getPeriod(), o.focus()) == o) {
                        readyFor.computeIfAbsent(p.getPeriod(), x -> new IdentityHashMap<>())
                                .computeIfAbsent(o.focus(), f -> new ArrayList<>()).add(p);
                    }
                }
            }
        }
    }

    @Override
    public void phaseEnded(ScoreDirector<DayPlan> director) {
        sessionsByPeriod = null;
        placementsByPeriod = null;
        mayJoin = null;
        readyFor = null;
    }

    @Override
    public long getSize(ScoreDirector<DayPlan> director) {
        return director.getWorkingSolution().getSessions().size();
    }

    @Override
    public Iterator<GroupMove> createOriginalMoveIterator(ScoreDirector<DayPlan> director) {
        throw new UnsupportedOperationException("group moves are random only");
    }

    @Override
    public Iterator<GroupMove> createRandomMoveIterator(ScoreDirector<DayPlan> director, Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public GroupMove next() {
                for (int attempt = 0; attempt < 20; attempt++) {
                    GroupMove move = create(random);
                    if (move != null) {
                        return move;
                    }
                }
                return noChange();
            }
        };
    }

    /** A move that changes nothing (Timefold skips it as not doable) when no group move could be made. */
    private GroupMove noChange() {
        for (Period p : periods) {
            for (Session s : sessionsByPeriod.getOrDefault(p, List.of())) {
                if (s.getMode() != null) {
                    return new GroupMove("none", s, s.getMode(), s.getRoom(), List.of(), List.of());
                }
            }
        }
        throw new IllegalStateException("a day without sessions has nothing to search");
    }

    private GroupMove create(Random random) {
        if (periods.isEmpty()) {
            return null;
        }
        Period period = periods.get(random.nextInt(periods.size()));
        Block block = new Block(period);
        return switch (random.nextInt(4)) {
            case 0 -> open(block, random);
            case 1 -> dissolve(block, random);
            case 2 -> trade(block, random);
            default -> convert(block, random);
        };
    }

    // ---------------------------------------------------------------------------------------------------------------

    private GroupMove open(Block block, Random random) {
        List<Session> closed = new ArrayList<>();
        for (Session s : block.sessions) {
            if (!s.isFixed() && !s.isCatchAll() && s.getAdult() != null && s.getPlacements().isEmpty()) {
                closed.add(s);
            }
        }
        if (closed.isEmpty()) {
            return null;
        }
        Session slot = closed.get(random.nextInt(closed.size()));
        Mode mode = pickMode(slot, random);
        if (mode == null) {
            return null;
        }
        Room room = block.freeRoom(slot, mode, mode.getMinSize(), false, random);
        if (room == null) {
            return null;
        }
        int cap = Math.min(slot.capIn(mode), block.freeSeats(room));
        if (cap < mode.getMinSize()) {
            return null;
        }
        List<Placement> pool = mayJoin.getOrDefault(slot, List.of());
        if (pool.isEmpty()) {
            return null;
        }
        Focus focus = null;
        if (mode.isSharedFocus()) {
            focus = focusFor(pool.get(random.nextInt(pool.size())), slot, mode);
            if (focus == null || !focus.canHappenIn(room)) {
                return null;
            }
        }
        List<Placement> takers = new ArrayList<>();
        if (focus == null) {
            for (Placement p : pool) {
                if (p.getSession() != slot && fits(p, slot, mode, room, null)) {
                    takers.add(p);
                }
            }
        } else { // the same students in the same order, found among those ready for the skill (fewer than the pool)
            for (Placement p : readyFor.getOrDefault(slot.getPeriod(), Map.of()).getOrDefault(focus, List.of())) {
                if (p.isCandidate(slot) && p.getSession() != slot && fitsRoom(p.getLearner(), room)) {
                    takers.add(p);
                }
            }
        }
        Collections.shuffle(takers, random);
        takers.sort(Comparator.comparingInt(p -> priority(p, mode))); // stable: random within a priority
        int size = mode.getMinSize() + random.nextInt(cap - mode.getMinSize() + 1);
        List<Placement> members = new ArrayList<>();
        for (Placement p : takers) {
            if (members.size() >= size) {
                break;
            }
            if (apartFromAll(p.getLearner(), members)) {
                members.add(p);
            }
        }
        if (members.size() < mode.getMinSize()) {
            return null;
        }
        return new GroupMove("open", slot, mode, room, members, Collections.nCopies(members.size(), slot));
    }

    private GroupMove dissolve(Block block, Random random) {
        List<Session> open = new ArrayList<>();
        for (Session s : block.sessions) {
            if (!s.isFixed() && !s.isCatchAll() && !s.getPlacements().isEmpty()
                    && s.getPlacements().stream().noneMatch(Placement::isPinned)) {
                open.add(s);
            }
        }
        if (open.isEmpty()) {
            return null;
        }
        Session group = open.get(random.nextInt(open.size()));
        List<Placement> leaving = new ArrayList<>(group.getPlacements());
        List<Session> targets = block.reseat(leaving, group, random);
        if (targets == null) {
            return null;
        }
        return new GroupMove("dissolve", group, group.getMode(), group.getRoom(), leaving, targets);
    }

    /**
     * Two adults of the block trade their groups: modality, room and members change slots, so the teacher can take the
     * group that needs teaching while the aide supervises the one that practises. Now and then the adult who takes
     * over runs the group in another modality of theirs (a practice group becomes a 1:1 or a small group), keeping the
     * members who fit; the rest go with the other adult. Each slot must be able to run the modality in the room it
     * takes, and every member may sit in the slot they go to.
     */
    private GroupMove trade(Block block, Random random) {
        List<Session> slots = new ArrayList<>();
        for (Session s : block.sessions) {
            if (!s.isFixed() && !s.isCatchAll() && s.getAdult() != null && s.getMode() != null
                    && s.getPlacements().stream().noneMatch(Placement::isPinned)) {
                slots.add(s);
            }
        }
        if (slots.size() < 2) {
            return null;
        }
        Session a = slots.get(random.nextInt(slots.size()));
        Session b = slots.get(random.nextInt(slots.size()));
        if (a == b || b.getPlacements().isEmpty() || !mayRun(a, b.getMode(), b.getRoom())
                || !mayRun(b, a.getMode(), a.getRoom())) {
            return null;
        }
        Mode mode = b.getMode();
        if (random.nextInt(3) == 0 && b.getRoom() != null) {
            Mode other = pickMode(a, random);
            if (other != null && suits(b.getRoom(), other)) {
                mode = other;
            }
        }
        boolean sameMode = mode == b.getMode();
        Focus focus = !sameMode && mode.isSharedFocus() ? commonFocus(b.getPlacements(), a, mode) : null;
        if (!sameMode && mode.isSharedFocus() && focus == null) {
            return null;
        }
        List<Placement> current = new ArrayList<>(b.getPlacements());
        Collections.shuffle(current, random);
        final Mode taken = mode;
        current.sort(Comparator.comparingInt(p -> priority(p, taken)));
        List<Placement> stay = new ArrayList<>();
        List<Placement> leave = new ArrayList<>(a.getPlacements());
        for (Placement p : current) {
            if (stay.size() < a.capIn(mode) && p.isCandidate(a)
                    && (sameMode || fits(p, a, mode, b.getRoom(), focus))) {
                stay.add(p);
            } else if (sameMode) {
                return null; // a plain trade moves everyone
            } else {
                leave.add(p);
            }
        }
        if (stay.size() < Math.max(1, mode.getMinSize()) || leave.size() > b.capIn(a.getMode())
                || leave.stream().anyMatch(p -> !p.isCandidate(b))) {
            return null;
        }
        List<Placement> moved = new ArrayList<>(stay);
        moved.addAll(leave);
        List<Session> to = new ArrayList<>(Collections.nCopies(stay.size(), a));
        to.addAll(Collections.nCopies(leave.size(), b));
        return new GroupMove(sameMode ? "trade" : "take over", List.of(new GroupMove.Slot(a, mode, b.getRoom()),
                new GroupMove.Slot(b, a.getMode(), a.getRoom())), moved, to);
    }

    /** May {@code slot} run {@code mode} in {@code room} (both within its ranges)? */
    private static boolean mayRun(Session slot, Mode mode, Room room) {
        return slot.getAllowedModes().contains(mode) && (room == null || slot.getAllowedRooms().contains(room));
    }

    private GroupMove convert(Block block, Random random) {
        List<Session> open = new ArrayList<>();
        for (Session s : block.sessions) {
            if (!s.isFixed() && !s.isCatchAll() && !s.getPlacements().isEmpty() && s.getAllowedModes().size() > 1
                    && s.getPlacements().stream().noneMatch(Placement::isPinned)) {
                open.add(s);
            }
        }
        if (open.isEmpty()) {
            return null;
        }
        Session group = open.get(random.nextInt(open.size()));
        Mode mode = pickMode(group, random);
        if (mode == null || mode == group.getMode()) {
            return null;
        }
        Room room = group.getRoom();
        int members = group.getPlacements().size();
        if (room == null || !suits(room, mode) || block.freeSeats(room) + members < Math.min(members, group.capIn(mode))) {
            room = block.freeRoom(group, mode, Math.min(members, group.capIn(mode)), anyQuiet(group), random);
            if (room == null) {
                return null;
            }
        }
        int seats = room == group.getRoom() ? block.freeSeats(room) + members : block.freeSeats(room);
        int cap = Math.min(group.capIn(mode), seats);
        Focus focus = mode.isSharedFocus() ? commonFocus(group, mode) : null;
        if (mode.isSharedFocus() && focus == null) {
            return null;
        }
        List<Placement> stay = new ArrayList<>();
        List<Placement> leave = new ArrayList<>();
        List<Placement> current = new ArrayList<>(group.getPlacements());
        Collections.shuffle(current, random);
        current.sort(Comparator.comparingInt(p -> priority(p, mode)));
        for (Placement p : current) {
            if (stay.size() < cap && fits(p, group, mode, room, focus)) {
                stay.add(p);
            } else {
                leave.add(p);
            }
        }
        if (stay.size() < mode.getMinSize()) {
            return null;
        }
        List<Session> targets = block.reseat(leave, group, random);
        if (targets == null) {
            return null;
        }
        List<Placement> moved = new ArrayList<>(stay);
        moved.addAll(leave);
        List<Session> to = new ArrayList<>(Collections.nCopies(stay.size(), group));
        to.addAll(targets);
        return new GroupMove("convert", group, mode, room, moved, to);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A modality of the slot that serves the block, taught ones more often (they are what the day is short of). */
    private static Mode pickMode(Session slot, Random random) {
        List<Mode> modes = new ArrayList<>();
        for (Mode m : slot.getAllowedModes()) {
            if (m.serves(slot.getPeriod().getKind().focusKind())) {
                modes.add(m);
            }
        }
        if (modes.isEmpty()) {
            return null;
        }
        return modes.get(random.nextInt(modes.size()));
    }

    /** A focus the seed student may work on that the adult may run in the modality: their best such, usually. */
    private static Focus focusFor(Placement seed, Session slot, Mode mode) {
        Option best = null;
        for (Option o : seed.getLearner().options(slot.getPeriod())) {
            if (o.eligibleIn(mode)
                    && (!mode.needsQualifiedAdult() || slot.getAdult().isQualifiedFor(o.focus()))
                    && (best == null || o.rank() > best.rank())) {
                best = o;
            }
        }
        return best == null ? null : best.focus();
    }

    /** The focus most of the group's members may work on in the modality (and the adult may run). */
    private static Focus commonFocus(Session group, Mode mode) {
        return commonFocus(group.getPlacements(), group, mode);
    }

    /** The focus most of {@code members} may work on in the modality and {@code slot}'s adult may run. */
    private static Focus commonFocus(List<Placement> members, Session slot, Mode mode) {
        Map<Focus, Integer> count = new HashMap<>();
        for (Placement p : members) {
            for (Option o : p.getLearner().options(slot.getPeriod())) {
                if (o.eligibleIn(mode)
                        && (!mode.needsQualifiedAdult() || slot.getAdult() == null
                                || slot.getAdult().isQualifiedFor(o.focus()))) {
                    count.merge(o.focus(), 1, Integer::sum);
                }
            }
        }
        return count.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<Focus, Integer> e) -> e.getValue())
                        .thenComparing(e -> e.getKey().getId(), Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** Who joins a new group first: the unseated (moving the seated only reshuffles), then (taught groups) students owed an adult, then practice. */
    private static int priority(Placement p, Mode mode) {
        Session now = p.getSession();
        if (now == null) {
            return 0;
        }
        boolean alone = now.isCatchAll() || !now.getMode().isSharedFocus();
        if (mode.isStaffLed() && p.getLearner().getMinStaffLedBlocks() > 0 && !now.isStaffLed()) {
            return 1;
        }
        if (now.isCatchAll()) {
            return 2;
        }
        return alone ? 3 : 4;
    }

    /** May the student be in this group: ready for its focus, a quiet room if they need one, on site if they must. */
    private static boolean fits(Placement p, Session slot, Mode mode, Room room, Focus focus) {
        Learner l = p.getLearner();
        if (!fitsRoom(l, room)) {
            return false;
        }
        if (focus != null) {
            Option o = l.option(slot.getPeriod(), focus);
            return o != null && o.eligible();
        }
        return !l.options(slot.getPeriod()).isEmpty();
    }

    /** A quiet room if they need one, on site if they must. */
    private static boolean fitsRoom(Learner l, Room room) {
        return !(l.isQuietSpace() && !room.isQuiet() || l.isNoOffSite() && room.isOffSite());
    }

    private static boolean apartFromAll(Learner l, List<Placement> members) {
        if (l.getKeepApart().isEmpty()) {
            return true;
        }
        for (Placement m : members) {
            if (l.getKeepApart().contains(m.getLearner())) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyQuiet(Session s) {
        return s.getPlacements().stream().anyMatch(p -> p.getLearner().isQuietSpace());
    }

    private static boolean suits(Room r, Mode mode) {
        return r.hasAll(mode.getRequiredFeatures()) && r.isOffSite() == mode.isOffSite();
    }

    /** One block as it stands: its sessions, and how full its rooms are. */
    private final class Block {
        final Period period;
        final List<Session> sessions;
        final Map<Room, int[]> use = new IdentityHashMap<>(); // room -> {groups, students}

        Block(Period period) {
            this.period = period;
            this.sessions = sessionsByPeriod.getOrDefault(period, List.of());
            for (Session s : sessions) {
                if (s.getRoom() != null && !s.getPlacements().isEmpty()) {
                    int[] u = use.computeIfAbsent(s.getRoom(), r -> new int[2]);
                    u[0]++;
                    u[1] += s.getPlacements().size();
                }
            }
        }

        int freeSeats(Room r) {
            int[] u = use.get(r);
            return r.getCapacity() - (u == null ? 0 : u[1]);
        }

        /** A random room of the slot's that suits the modality, is free for one more group and seats {@code size}. */
        Room freeRoom(Session slot, Mode mode, int size, boolean quiet, Random random) {
            List<Room> fitting = new ArrayList<>();
            for (Room r : slot.getAllowedRooms()) {
                int[] u = use.get(r);
                boolean ownRoom = r == slot.getRoom() && !slot.getPlacements().isEmpty();
                int groups = (u == null ? 0 : u[0]) - (ownRoom ? 1 : 0);
                if (suits(r, mode) && r.isAvailableIn(period) && groups < r.getMaxGroups()
                        && freeSeats(r) + (ownRoom ? slot.getPlacements().size() : 0) >= size
                        && (!quiet || r.isQuiet())) {
                    fitting.add(r);
                }
            }
            return fitting.isEmpty() ? null : fitting.get(random.nextInt(fitting.size()));
        }

        /**
         * Where each leaving student goes: a random other open group of the block with a seat that suits them (on
         * the group's skill, in a quiet room if they need one, apart from those they are kept apart from); null when
         * one of them has none (a move never takes a seat away).
         */
        List<Session> reseat(List<Placement> leaving, Session from, Random random) {
            Map<Session, List<Learner>> joined = new IdentityHashMap<>();
            Map<Room, Integer> added = new IdentityHashMap<>();
            List<Session> targets = new ArrayList<>(leaving.size());
            for (Placement p : leaving) {
                List<Session> options = new ArrayList<>();
                for (Session t : p.getCandidates()) {
                    if (t == from || t.getPlacements().isEmpty() || t.getMode() == null || t.getRoom() == null) {
                        continue;
                    }
                    List<Learner> extra = joined.getOrDefault(t, List.of());
                    int size = t.getPlacements().size() + extra.size();
                    Focus focus = t.isCatchAll() || !t.getMode().isSharedFocus() ? null : t.getSummary().getFocus();
                    if (size < t.capIn(t.getMode()) && size < t.adultCap()
                            && freeSeats(t.getRoom()) - added.getOrDefault(t.getRoom(), 0) > 0
                            && fits(p, t, t.getMode(), t.getRoom(), focus)
                            && (t.getMode().isSharedFocus() && !t.isCatchAll() || !p.getLearner().options(period).isEmpty())
                            && apartFrom(p.getLearner(), t, extra)) {
                        options.add(t);
                    }
                }
                if (options.isEmpty()) {
                    return null; // search never takes a seat away (KeepsSeats)
                }
                Session target = options.get(random.nextInt(options.size()));
                targets.add(target);
                joined.computeIfAbsent(target, x -> new ArrayList<>()).add(p.getLearner());
                added.merge(target.getRoom(), 1, Integer::sum);
            }
            return targets;
        }

        private boolean apartFrom(Learner l, Session t, List<Learner> extra) {
            if (l.getKeepApart().isEmpty()) {
                return true;
            }
            for (Placement m : t.getPlacements()) {
                if (l.getKeepApart().contains(m.getLearner())) {
                    return false;
                }
            }
            for (Learner e : extra) {
                if (l.getKeepApart().contains(e)) {
                    return false;
                }
            }
            return true;
        }
    }
}
