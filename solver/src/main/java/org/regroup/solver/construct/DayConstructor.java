package org.regroup.solver.construct;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import org.regroup.domain.BlockKind;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.GroupSummary;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * First phase: builds a sensible day block by block, the way a good scheduler would, so that local search starts
 * near a feasible plan instead of having to discover one move at a time (on a 1,200-student day Timefold's generic
 * construction heuristic alone leaves hundreds of students unplaced; see docs/model.md).
 *
 * <p>Per skill block: 1:1 time for students who need it; then small groups where a group is worth more to its
 * members than practising alone, priced with the day's soft weights (a goal skill given up costs, a new skill taught
 * rather than practised alone gains; staff-led needs first), so that groups form around goal skills; then supervised
 * practice (online in labs, independent in open rooms), each student on their own best skill; when practice cannot
 * seat everyone, groups on any shared ready skill; then the catch-all. Advisory
 * blocks put students with their advisor; activity blocks group them by interest. Adults' teaching-block limits are
 * planned ahead (their free blocks fall where the school has most staff to spare). Slots left closed still get a
 * modality and a room of their own, so local search can open them.
 *
 * <p>Given a plan that is already built (a warm start from yesterday, a change mid-day, a teacher's pin) it repairs
 * instead of building: every decision stays, and only students without a seat are seated
 * ({@link BlockBuilder#repair}).
 */
public final class DayConstructor implements PhaseCommand<DayPlan> {

    @Override
    public void changeWorkingSolution(ScoreDirector<DayPlan> director, BooleanSupplier isPhaseTerminated) {
        DayPlan plan = director.getWorkingSolution();
        boolean revising = isAlreadyBuilt(plan);
        if (revising && plan.getPlacements().stream().noneMatch(BlockBuilder::needsSeat)) {
            return; // nothing to repair: keep every decision of the plan being revised
        }
        DayState state = revising ? DayState.revising(plan) : new DayState(plan);
        for (Period period : plan.getPeriods()) {
            if (isPhaseTerminated.getAsBoolean()) {
                break;
            }
            BlockBuilder block = new BlockBuilder(director, state, period, revising);
            if (revising) {
                block.repair();
            } else {
                block.build();
            }
        }
        director.triggerVariableListeners();
    }

    /** Every slot already has a modality: this is a plan being revised, not a day to build. */
    static boolean isAlreadyBuilt(DayPlan plan) {
        return !plan.getSessions().isEmpty() && plan.getSessions().stream().allMatch(s -> s.getMode() != null);
    }

    /** What the day so far has given each student and adult. */
    static final class DayState {
        final DayPlan plan;
        final Map<Learner, Tally> learners = new IdentityHashMap<>();
        final Map<Adult, Integer> blocksUsed = new IdentityHashMap<>();
        final Map<Adult, Set<Period>> offBlocks;
        final Map<Adult, org.regroup.solver.model.Room> lastRoom = new IdentityHashMap<>();
        /** Trips planned ahead ({@link TripPlanner}): the trip in each block, and whose blocks travel takes. */
        final List<TripPlanner.Trip> trips;
        final Set<Placement> travelling = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        DayState(DayPlan plan) {
            this(plan, TripPlanner.plan(plan));
        }

        private DayState(DayPlan plan, List<TripPlanner.Trip> trips) {
            this(plan, AdultBudget.plan(plan, travelBlocksOf(trips)), trips);
            Map<Learner, Set<Period>> travel = new IdentityHashMap<>();
            for (TripPlanner.Trip trip : trips) {
                trip.students().forEach(p -> travel.put(p.getLearner(), trip.travel()));
            }
            for (Placement p : plan.getPlacements()) {
                if (travel.getOrDefault(p.getLearner(), Set.of()).contains(p.getPeriod())) {
                    travelling.add(p);
                }
            }
        }

        private static Map<Adult, Set<Period>> travelBlocksOf(List<TripPlanner.Trip> trips) {
            Map<Adult, Set<Period>> travel = new IdentityHashMap<>();
            trips.forEach(t -> travel.computeIfAbsent(t.slot().getAdult(), a -> new java.util.HashSet<>())
                    .addAll(t.travel()));
            return travel;
        }

        private DayState(DayPlan plan, Map<Adult, Set<Period>> offBlocks, List<TripPlanner.Trip> trips) {
            this.plan = plan;
            this.trips = trips;
            Map<Learner, List<Period>> present = new IdentityHashMap<>();
            for (Placement p : plan.getPlacements()) {
                present.computeIfAbsent(p.getLearner(), l -> new ArrayList<>()).add(p.getPeriod());
            }
            present.forEach((learner, periods) -> learners.put(learner, new Tally(periods.size(),
                    (int) periods.stream().filter(p -> p.getKind() == BlockKind.SKILLS).count())));
            this.offBlocks = offBlocks;
        }

        /**
         * A plan being revised: the adults' blocks are already spent where the plan uses them, so an adult may take
         * a new group in any block while their limit allows (no blocks planned off ahead).
         */
        static DayState revising(DayPlan plan) {
            DayState state = new DayState(plan, Map.of(), List.of());
            for (Session s : plan.getSessions()) {
                if (s.getAdult() != null && !s.isCatchAll() && !s.getPlacements().isEmpty()) {
                    state.blocksUsed.merge(s.getAdult(), 1, Integer::sum);
                }
            }
            // Each student's tally counts the seats they keep all day, later blocks too: what they are still owed
            // (staff-led time, 1:1 minutes) is what the seats to be found must give.
            for (Placement p : plan.getPlacements()) {
                Session s = p.getSession();
                if (s != null && s.getMode() != null) {
                    state.of(p.getLearner()).count(s.getMode(), s.isStaffLed(), p.getPeriod(), 1);
                }
            }
            return state;
        }

        Tally of(Learner learner) {
            return learners.get(learner);
        }

        boolean mayOpen(Session s) {
            Adult a = s.getAdult();
            return a == null || s.isCatchAll()
                    || (blocksUsed.getOrDefault(a, 0) < a.getMaxTeachingBlocks()
                            && !offBlocks.getOrDefault(a, Set.of()).contains(s.getPeriod()));
        }
    }

    /** A student's running day. */
    static final class Tally {
        int blocksLeft;
        int skillBlocksLeft;
        int staffLed;
        int online;
        int oneToOneMinutes;
        org.regroup.solver.model.Focus lastFocus;

        Tally(int blocks, int skillBlocks) {
            this.blocksLeft = blocks;
            this.skillBlocksLeft = skillBlocks;
        }

        /** A seat in a block of {@code period} in {@code mode} ({@code n} = 1), or one given up ({@code n} = -1). */
        void count(Mode mode, boolean staffLedSeat, Period period, int n) {
            blocksLeft -= n;
            if (period.getKind() == BlockKind.SKILLS) {
                skillBlocksLeft -= n;
            }
            if (staffLedSeat) {
                staffLed += n;
            }
            if (mode.isOnline()) {
                online += n;
            }
            if (mode.isOneToOne()) {
                oneToOneMinutes += n * period.getMinutes();
            }
        }

        Tally copy() {
            Tally t = new Tally(blocksLeft, skillBlocksLeft);
            t.set(this);
            return t;
        }

        void set(Tally other) {
            blocksLeft = other.blocksLeft;
            skillBlocksLeft = other.skillBlocksLeft;
            staffLed = other.staffLed;
            online = other.online;
            oneToOneMinutes = other.oneToOneMinutes;
            lastFocus = other.lastFocus;
        }
    }

    /** Builds one block. */
    static final class BlockBuilder {
        private final ScoreDirector<DayPlan> director;
        private final DayState state;
        private final Period period;
        private final RoomBook rooms = new RoomBook();
        private final List<Session> sessions = new ArrayList<>();
        private final Map<Session, Group> open = new java.util.LinkedHashMap<>(); // in opening order: reproducible
        private final java.util.LinkedHashSet<Placement> waiting = new java.util.LinkedHashSet<>();
        /** Open sessions a repair may not add to or reopen (no room to count seats in). */
        private final Set<Session> held = new java.util.HashSet<>();
        private final boolean revising;

        /** @param revising the block is already planned: only students without a seat wait ({@link #repair}) */
        BlockBuilder(ScoreDirector<DayPlan> director, DayState state, Period period, boolean revising) {
            this.director = director;
            this.state = state;
            this.period = period;
            this.revising = revising;
            for (Session s : state.plan.getSessions()) {
                if (s.getPeriod() == period) {
                    sessions.add(s);
                }
            }
            for (Placement p : state.plan.getPlacements()) {
                if (p.getPeriod() == period && (!revising || needsSeat(p)) && !state.travelling.contains(p)) {
                    waiting.add(p);
                }
            }
        }

        /** A student the plan being revised left without a seat, and whom no one pinned there. */
        static boolean needsSeat(Placement p) {
            return p.getSession() == null && !p.isPinned();
        }

        void build() {
            // Catch-alls and pinned students hold their places first.
            for (Session s : sessions) {
                if (s.isFixed()) {
                    open.put(s, new Group(s, s.getMode(), s.getRoom(), s.groupCap()));
                    rooms.take(s.getRoom(), 0);
                }
            }
            for (Placement p : List.copyOf(waiting)) {
                if (p.isPinned() && p.getSession() != null) {
                    Group g = open.get(p.getSession());
                    if (g == null) {
                        g = openAround(p.getSession(), p);
                    }
                    if (g != null) {
                        join(g, p);
                    }
                }
            }
            for (TripPlanner.Trip trip : state.trips) {
                if (trip.period() == period) {
                    Group g = openGroup(trip.slot(), trip.mode(), trip.site());
                    g.focus = trip.focus();
                    trip.students().forEach(p -> join(g, p));
                }
            }
            switch (period.getKind()) {
                case SKILLS -> new SkillGroups(this).run();
                case ADVISORY -> new AdvisoryGroups(this).run();
                case ACTIVITIES -> new ActivityGroups(this).run();
            }
            fillCatchAll();
            commit();
        }

        /**
         * Revises a planned block (a warm start from yesterday, a change mid-day): every group stays as it is, with
         * its members, modality and room; students without a seat join the open group that suits them best, and only
         * those left over make the block's usual builder open new groups with the adults still free. Without this,
         * students whose group was dissolved (an adult gone home) were left for local search to seat one move at a
         * time, and a whole activity group could not be reseated at all: that needs a new group opened first.
         */
        void repair() {
            for (Session s : sessions) {
                if (s.getMode() == null || (!s.isFixed() && s.getPlacements().isEmpty())) {
                    continue;
                }
                if (s.getRoom() == null) {
                    held.add(s);
                    continue;
                }
                Group g = new Group(s, s.getMode(), s.getRoom(), s.capIn(s.getMode()));
                g.focus = GroupSummary.of(s).getFocus();
                open.put(s, g);
                rooms.take(s.getRoom(), 0);
                if (s.getAdult() != null && !s.isCatchAll()) {
                    state.lastRoom.put(s.getAdult(), s.getRoom());
                }
                for (Placement p : s.getPlacements()) {
                    g.members.add(p);
                    rooms.add(g.room, 1);
                    state.of(p.getLearner()).lastFocus = g.focus; // the rest of their tally counted the whole day
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (period.getKind() == BlockKind.SKILLS) {
                new SkillGroups(this).repair();
            } else {
                new OpenGroupSeats(this).seat();
                if (!waiting.isEmpty()) {
                    switch (period.getKind()) {
                        case ADVISORY -> new AdvisoryGroups(this).run();
                        default -> new ActivityGroups(this).run();
                    }
                }
            }
            fillCatchAll();
            commit();
        }

        /**
         * An admin pin's adult (a support-plan check-in): 1:1 when the adult may run it, else their usual modality,
         * on the pinned student's best skill.
         */
        private Group openAround(Session s, Placement pinned) {
            Mode oneToOne = mode(s, ModalityCatalog.ONE_TO_ONE);
            Mode mode = oneToOne != null && period.getKind() == BlockKind.SKILLS ? oneToOne : preferredMode(s);
            org.regroup.solver.model.Room room = rooms.pick(s, mode, 1, pinned.getLearner().isQuietSpace(),
                    state.lastRoom.get(s.getAdult()));
            return room == null ? null : openGroup(s, mode, room);
        }

        /** What building the block has done so far, to build it another way from here ({@link #restore}). */
        Snapshot save() {
            Map<Learner, Tally> tallies = new IdentityHashMap<>();
            state.learners.forEach((l, t) -> tallies.put(l, t.copy()));
            Map<Session, List<Placement>> members = new java.util.LinkedHashMap<>();
            open.forEach((s, g) -> members.put(s, new ArrayList<>(g.members)));
            return new Snapshot(rooms.save(), new java.util.LinkedHashMap<>(open), members,
                    new ArrayList<>(waiting), tallies, new IdentityHashMap<>(state.blocksUsed),
                    new IdentityHashMap<>(state.lastRoom));
        }

        void restore(Snapshot snap) {
            rooms.restore(snap.rooms());
            open.clear();
            open.putAll(snap.open());
            open.forEach((s, g) -> {
                g.members.clear();
                g.members.addAll(snap.members().get(s));
            });
            waiting.clear();
            waiting.addAll(snap.waiting());
            snap.tallies().forEach((l, t) -> state.learners.get(l).set(t));
            state.blocksUsed.clear();
            state.blocksUsed.putAll(snap.blocksUsed());
            state.lastRoom.clear();
            state.lastRoom.putAll(snap.lastRoom());
        }

        Group openGroup(Session s, Mode mode, org.regroup.solver.model.Room room) {
            Group g = new Group(s, mode, room, Math.min(s.capIn(mode), rooms.freeSeats(room)));
            open.put(s, g);
            rooms.take(room, 0);
            if (s.getAdult() != null && !s.isCatchAll()) {
                state.blocksUsed.merge(s.getAdult(), 1, Integer::sum);
                state.lastRoom.put(s.getAdult(), room);
            }
            return g;
        }

        boolean join(Group g, Placement p) {
            if (g.isFull() || rooms.freeSeats(g.room) <= 0 || !g.acceptsKeepApart(p.getLearner())) {
                return false;
            }
            g.members.add(p);
            waiting.remove(p);
            rooms.add(g.room, 1);
            record(g, p);
            return true;
        }

        /** Takes a student out of a group this block is building (to seat them in another one at once). */
        void leave(Group g, Placement p) {
            if (!g.members.remove(p)) {
                throw new IllegalArgumentException(p + " is not in " + g.session);
            }
            rooms.add(g.room, -1);
            state.of(p.getLearner()).count(g.mode, g.isStaffLed(), period, -1);
        }

        /** What a seat in {@code g} gives the student's day. */
        private void record(Group g, Placement p) {
            Tally t = state.of(p.getLearner());
            t.count(g.mode, g.isStaffLed(), period, 1);
            t.lastFocus = g.focus;
        }

        /** Closed slots still get a modality and a free room, so that local search can open them. */
        private void commit() {
            for (Session s : sessions) {
                Group g = open.get(s);
                if (g != null) {
                    set(s, "mode", g.mode);
                    set(s, "room", g.room);
                    for (Placement p : g.members) {
                        if (!p.isPinned()) {
                            set(p, "session", s);
                        }
                    }
                } else if (!s.isFixed() && !revising) { // a revised block's closed slots stay as they are
                    Mode mode = preferredMode(s);
                    set(s, "mode", mode);
                    org.regroup.solver.model.Room room = rooms.pick(s, mode, 0, false, null);
                    if (room != null) {
                        rooms.take(room, 0);
                    }
                    set(s, "room", room);
                }
            }
        }

        private void set(Object entity, String variable, Object value) {
            Object now = switch (variable) {
                case "mode" -> ((Session) entity).getMode();
                case "room" -> ((Session) entity).getRoom();
                default -> ((Placement) entity).getSession();
            };
            if (now == value) {
                return; // a revised plan's unchanged decisions cost the score director nothing
            }
            director.beforeVariableChanged(entity, variable);
            switch (variable) {
                case "mode" -> ((Session) entity).setMode((Mode) value);
                case "room" -> ((Session) entity).setRoom((org.regroup.solver.model.Room) value);
                default -> ((Placement) entity).setSession((Session) value);
            }
            director.afterVariableChanged(entity, variable);
        }

        private void fillCatchAll() {
            for (Session s : sessions) {
                if (!s.isCatchAll()) {
                    continue;
                }
                Group g = open.get(s);
                for (Placement p : List.copyOf(waiting)) {
                    if (g.isFull()) {
                        break;
                    }
                    if (p.isCandidate(s) && (!p.getLearner().isQuietSpace() || g.room.isQuiet())) {
                        join(g, p);
                    }
                }
            }
        }

        // ---- accessors for the block kinds ----

        Period period() {
            return period;
        }

        DayState state() {
            return state;
        }

        RoomBook rooms() {
            return rooms;
        }

        /** Students of this block not placed yet, in a stable order. */
        java.util.Collection<Placement> waiting() {
            return waiting;
        }

        /** Slots of this block that could still open, in a stable order. */
        List<Session> closedSlots() {
            List<Session> closed = new ArrayList<>();
            for (Session s : sessions) {
                if (!open.containsKey(s) && !held.contains(s) && !s.isFixed() && s.getAdult() != null
                        && state.mayOpen(s)) {
                    closed.add(s);
                }
            }
            return closed;
        }

        List<Group> openGroups() {
            return new ArrayList<>(open.values());
        }

        Group groupOf(Session s) {
            return open.get(s);
        }
    }

    /** A block half built: see {@link BlockBuilder#save()}. */
    record Snapshot(Map<org.regroup.solver.model.Room, int[]> rooms, Map<Session, Group> open,
            Map<Session, List<Placement>> members, List<Placement> waiting, Map<Learner, Tally> tallies,
            Map<Adult, Integer> blocksUsed, Map<Adult, org.regroup.solver.model.Room> lastRoom) {
    }

    /** A group being built: its slot, modality, room, focus, cap and members. */
    static final class Group {
        final Session session;
        final Mode mode;
        final org.regroup.solver.model.Room room;
        final int cap;
        final List<Placement> members = new ArrayList<>();
        org.regroup.solver.model.Focus focus;

        Group(Session session, Mode mode, org.regroup.solver.model.Room room, int cap) {
            this.session = session;
            this.mode = mode;
            this.room = room;
            this.cap = cap;
        }

        boolean isFull() {
            return members.size() >= cap;
        }

        /** Staff-led time as accommodations count it (see {@link Session#isStaffLed()}). */
        boolean isStaffLed() {
            return session.getAdult() != null && !session.isCatchAll() && mode.isStaffLed();
        }

        boolean acceptsKeepApart(Learner learner) {
            if (learner.getKeepApart().isEmpty()) {
                return true;
            }
            for (Placement m : members) {
                if (learner.getKeepApart().contains(m.getLearner())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** What an adult of this role usually runs in a block of this kind (the first allowed of their wishes). */
    static Mode preferredMode(Session session) {
        for (String id : wishes(session)) {
            for (Mode mode : session.getAllowedModes()) {
                if (mode.getId().equals(id)) {
                    return mode;
                }
            }
        }
        return session.getAllowedModes().get(0);
    }

    private static List<String> wishes(Session session) {
        BlockKind kind = session.getPeriod().getKind();
        if (kind == BlockKind.ADVISORY) {
            return List.of(ModalityCatalog.SEMINAR, ModalityCatalog.COLLABORATIVE_PROJECT);
        }
        if (kind == BlockKind.ACTIVITIES) {
            return List.of(ModalityCatalog.COLLABORATIVE_PROJECT, ModalityCatalog.SEMINAR, ModalityCatalog.OFF_SITE);
        }
        return switch (session.getAdult().getRole()) {
            case TEACHER, SPECIALIST -> List.of(ModalityCatalog.SMALL_GROUP, ModalityCatalog.SEMINAR);
            case TUTOR -> List.of(ModalityCatalog.ONE_TO_ONE, ModalityCatalog.PEER_TUTORING);
            case AIDE -> List.of(ModalityCatalog.ONLINE_PRACTICE, ModalityCatalog.INDEPENDENT_PRACTICE);
            case COUNSELOR -> List.of(ModalityCatalog.INDEPENDENT_PRACTICE, ModalityCatalog.SEMINAR);
        };
    }

    static Mode mode(Session s, String id) {
        for (Mode m : s.getAllowedModes()) {
            if (m.getId().equals(id)) {
                return m;
            }
        }
        return null;
    }

}
