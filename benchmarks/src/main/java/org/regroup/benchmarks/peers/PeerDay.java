package org.regroup.benchmarks.peers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.regroup.domain.DayProblem;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;
import org.regroup.solver.output.PlanAssembler;

/**
 * A peer's working copy of the day: a freshly built day (never the solver's shared one) plus the book-keeping a
 * hand-scheduler keeps on paper — who is in which group, which rooms are taken, how many blocks each adult already
 * leads. Peers decide; this class only records their decisions, checks the limits they ask about, and at the end
 * writes the plan in the project's format.
 *
 * <p>Nothing here searches: every method answers a yes/no question or records a decision.
 */
final class PeerDay {

    final DayPlan day;
    final DayProblem problem;
    private final Map<Period, List<Session>> sessionsByPeriod = new LinkedHashMap<>();
    private final Map<Period, List<Placement>> placementsByPeriod = new LinkedHashMap<>();
    private final Map<String, Placement> placementByKey = new HashMap<>();
    private final Map<String, Session> sessionByAdultAndPeriod = new HashMap<>();
    /** Members each session will get, in seating order. */
    private final Map<Session, List<Placement>> members = new IdentityHashMap<>();
    /** Where each placement is seated (pins included). */
    private final Map<Placement, Session> seatOf = new IdentityHashMap<>();
    /** The shared skill or activity a peer formed the group around (null for individual modalities). */
    private final Map<Session, Focus> intended = new IdentityHashMap<>();
    private final Map<Session, Boolean> opened = new IdentityHashMap<>();
    private final Map<Adult, Integer> teachingBlocks = new IdentityHashMap<>();
    /** Seats booked in the room when the session was opened (members up to this many are already counted). */
    private final Map<Session, Integer> reserved = new IdentityHashMap<>();
    /** Per period and room: {groups, students}. */
    private final Map<Period, Map<Room, int[]>> roomUse = new HashMap<>();
    /** Why students ended unplaced, counted by reason (for the peer's facts). */
    final Map<String, Integer> unplacedWhy = new TreeMap<>();

    PeerDay(DayProblem problem, String source) {
        this.problem = problem;
        this.day = DayPlanBuilder.build(problem, source);
        for (Period p : day.getPeriods()) {
            sessionsByPeriod.put(p, new ArrayList<>());
            placementsByPeriod.put(p, new ArrayList<>());
            roomUse.put(p, new HashMap<>());
        }
        for (Session s : day.getSessions()) {
            sessionsByPeriod.get(s.getPeriod()).add(s);
            if (s.getAdult() != null && !s.isCatchAll()) {
                sessionByAdultAndPeriod.put(s.getAdult().getId() + "@" + s.getPeriod().getId(), s);
            }
            if (s.isCatchAll()) {
                // The catch-all's place is booked for its full capacity: other groups use what is left of the room.
                int[] use = roomUse.get(s.getPeriod()).computeIfAbsent(s.getRoom(), r -> new int[2]);
                use[0]++;
                use[1] += Math.min(s.getSizeCap(), s.getRoom().getCapacity());
                opened.put(s, true);
            }
        }
        for (Placement p : day.getPlacements()) {
            placementsByPeriod.get(p.getPeriod()).add(p);
            placementByKey.put(p.getLearner().getId() + "@" + p.getPeriod().getId(), p);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Looking things up
    // ---------------------------------------------------------------------------------------------------------------

    List<Period> periods() {
        return day.getPeriods();
    }

    List<Session> sessions(Period period) {
        return sessionsByPeriod.get(period);
    }

    List<Placement> placements(Period period) {
        return placementsByPeriod.get(period);
    }

    Placement placement(Learner learner, Period period) {
        return placementByKey.get(learner.getId() + "@" + period.getId());
    }

    /** The adult's slot in the block, or null when they are not working then (away, or busy with a commitment). */
    Session sessionOf(Adult adult, Period period) {
        return sessionByAdultAndPeriod.get(adult.getId() + "@" + period.getId());
    }

    Session seatOf(Placement p) {
        return seatOf.get(p);
    }

    boolean isSeated(Placement p) {
        return seatOf.containsKey(p);
    }

    List<Placement> members(Session s) {
        return members.getOrDefault(s, List.of());
    }

    boolean isOpen(Session s) {
        return opened.containsKey(s);
    }

    Focus intended(Session s) {
        return intended.get(s);
    }

    int teachingBlocks(Adult a) {
        return teachingBlocks.getOrDefault(a, 0);
    }

    /** The adult may take one more block (their contract's limit). */
    boolean hasBudget(Adult a) {
        return teachingBlocks(a) < a.getMaxTeachingBlocks();
    }

    static Mode mode(Session s, String id) {
        return s.getAllowedModes().stream().filter(m -> m.getId().equals(id)).findFirst().orElse(null);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Limits
    // ---------------------------------------------------------------------------------------------------------------

    /** Most students the session may take in this modality: the group's cap and the adult's. */
    static int cap(Session s, Mode mode) {
        if (s.isCatchAll()) {
            return s.getSizeCap();
        }
        int adultCap = s.getAdult() == null ? Integer.MAX_VALUE
                : Math.min(s.getAdult().getMaxStudents(), mode.getStudentsPerAdult());
        return Math.min(mode.getMaxSize(), adultCap);
    }

    int room(Period period, Room room, int students) {
        int[] use = roomUse.get(period).getOrDefault(room, new int[2]);
        return use[1] + students;
    }

    /** Could the room host one more group of {@code size} students in the block (open, suitable, not full)? */
    boolean roomFits(Session s, Mode mode, Room r, int size, boolean quiet) {
        Period period = s.getPeriod();
        if (!s.getAllowedRooms().contains(r) || !r.isAvailableIn(period) || !r.hasAll(mode.getRequiredFeatures())
                || r.isOffSite() != mode.isOffSite() || (quiet && !r.isQuiet())) {
            return false;
        }
        int[] use = roomUse.get(period).getOrDefault(r, new int[2]);
        return use[0] + 1 <= r.getMaxGroups() && use[1] + size <= r.getCapacity();
    }

    /** Could the room host one more group of {@code size} students in the block, for any slot of that block? */
    boolean roomFree(Period period, Mode mode, Room r, int size, boolean quiet) {
        if (!r.isAvailableIn(period) || !r.hasAll(mode.getRequiredFeatures()) || r.isOffSite() != mode.isOffSite()
                || (quiet && !r.isQuiet())) {
            return false;
        }
        int[] use = roomUse.get(period).getOrDefault(r, new int[2]);
        return use[0] + 1 <= r.getMaxGroups() && use[1] + size <= r.getCapacity();
    }

    /**
     * A free room for a new group: the first that fits in the problem's order ({@code bestFit} false, a
     * hand-scheduler's "first free room"), or the one leaving the least space unused (a timetabler's room list).
     */
    Room findRoom(Session s, Mode mode, int size, boolean quiet, boolean bestFit) {
        Room chosen = null;
        int slack = Integer.MAX_VALUE;
        for (Room r : day.getRooms()) {
            if (!roomFits(s, mode, r, size, quiet)) {
                continue;
            }
            if (!bestFit) {
                return r;
            }
            int left = r.getCapacity() - room(s.getPeriod(), r, size);
            if (left < slack) {
                slack = left;
                chosen = r;
            }
        }
        return chosen;
    }

    /**
     * A free room for a new group of up to {@code size} students: the size is cut down to the biggest free room when
     * none holds them all. Returns {room, size}, or null when no room is free at all.
     */
    Object[] findRoomUpTo(Session s, Mode mode, int size, boolean quiet, boolean bestFit) {
        for (int n = size; n >= 1; n--) {
            Room r = findRoom(s, mode, n, quiet, bestFit);
            if (r != null) {
                return new Object[] { r, n };
            }
        }
        return null;
    }

    /** Why the student may not sit in the session, or null when they may (see {@link #canJoin}). */
    String whyNot(Placement p, Session s) {
        if (!p.getCandidates().contains(s)) {
            return "not among the sessions they may join (importer)";
        }
        if (members(s).size() + 1 > cap(s, s.getMode())) {
            return "their group is full";
        }
        Learner l = p.getLearner();
        if (l.isQuietSpace() && (s.getRoom() == null || !s.getRoom().isQuiet())) {
            return "their group's room is not quiet";
        }
        for (Placement m : members(s)) {
            if (l.getKeepApart().contains(m.getLearner())) {
                return "kept apart from a member of their group";
            }
        }
        return canJoin(p, s) ? null : "their group's room is full";
    }

    /** May this student sit in this session as it runs (caps, keep-apart, quiet room, the importer's rules)? */
    boolean canJoin(Placement p, Session s) {
        return canJoin(p, s, true);
    }

    /** As {@link #canJoin(Placement, Session)}; {@code honourQuiet} false seats a quiet-space student anywhere. */
    boolean canJoin(Placement p, Session s, boolean honourQuiet) {
        if (!p.getCandidates().contains(s) || !isOpen(s)) {
            return false;
        }
        Mode mode = s.getMode();
        List<Placement> in = members(s);
        if (in.size() + 1 > cap(s, mode)) {
            return false;
        }
        Learner l = p.getLearner();
        if (honourQuiet && l.isQuietSpace() && (s.getRoom() == null || !s.getRoom().isQuiet())) {
            return false;
        }
        if (l.isNoOffSite() && s.getRoom() != null && s.getRoom().isOffSite()) {
            return false;
        }
        if (s.getRoom() != null && !s.isCatchAll() && in.size() + 1 > reserved.getOrDefault(s, 0)
                && room(s.getPeriod(), s.getRoom(), 1) > s.getRoom().getCapacity()) {
            return false;
        }
        for (Placement m : in) {
            if (l.getKeepApart().contains(m.getLearner())) {
                return false;
            }
        }
        return true;
    }

    /** Is the student eligible (ready, within grade reach) for this focus in this block? */
    static boolean eligible(Learner l, Period period, Focus focus) {
        Option o = l.option(period, focus);
        return o != null && o.eligible();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Decisions
    // ---------------------------------------------------------------------------------------------------------------

    /** Holds the session in this modality and room (its adult's block counts from now). */
    void open(Session s, Mode mode, Room room, Focus focus) {
        open(s, mode, room, focus, 0);
    }

    /** As {@link #open(Session, Mode, Room, Focus)}, booking {@code reserve} seats in the room at once. */
    void open(Session s, Mode mode, Room room, Focus focus, int reserve) {
        if (s.isCatchAll()) {
            return;
        }
        if (isOpen(s)) {
            throw new IllegalStateException("session " + s.getId() + " is already open");
        }
        s.setMode(mode);
        s.setRoom(room);
        opened.put(s, true);
        if (focus != null) {
            intended.put(s, focus);
        }
        if (s.getAdult() != null) {
            teachingBlocks.merge(s.getAdult(), 1, Integer::sum);
        }
        if (room != null) {
            int[] use = roomUse.get(s.getPeriod()).computeIfAbsent(room, r -> new int[2]);
            use[0]++;
            int already = members(s).size(); // pinned members
            use[1] += Math.max(reserve, already);
            reserved.put(s, Math.max(reserve, already));
        }
    }

    void seat(Placement p, Session s) {
        if (seatOf.containsKey(p)) {
            throw new IllegalStateException(p.getId() + " is already seated");
        }
        seatOf.put(p, s);
        members.computeIfAbsent(s, k -> new ArrayList<>()).add(p);
        if (!s.isCatchAll() && s.getRoom() != null && members(s).size() > reserved.getOrDefault(s, 0)) {
            roomUse.get(s.getPeriod()).computeIfAbsent(s.getRoom(), r -> new int[2])[1]++;
        }
    }

    /** The block's catch-all, if one has room for the student. */
    boolean seatInCatchAll(Placement p) {
        for (Session s : sessions(p.getPeriod())) {
            if (s.isCatchAll() && members(s).size() < s.getSizeCap() && canJoin(p, s)) {
                seat(p, s);
                return true;
            }
        }
        return false;
    }

    void unplaced(String why) {
        unplacedWhy.merge(why, 1, Integer::sum);
    }

    /** Pinned placements (admin-required requests) sit where the pin says; their sessions still need opening. */
    List<Placement> pinned() {
        List<Placement> pins = new ArrayList<>();
        for (Placement p : day.getPlacements()) {
            if (p.isPinned() && p.getSession() != null) {
                pins.add(p);
            }
        }
        return pins;
    }

    /** Records the pins: each pinned student counts as a member of the session the pin names. */
    void seatPins() {
        for (Placement p : pinned()) {
            seatOf.put(p, p.getSession());
            members.computeIfAbsent(p.getSession(), k -> new ArrayList<>()).add(p);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The plan
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Writes the decisions onto the day, lets Timefold's score director derive the groups' foci and score the day
     * (no solving), and assembles the plan in the project's format.
     */
    Plan finish() {
        for (Session s : day.getSessions()) {
            if (s.isFixed()) {
                continue;
            }
            if (!isOpen(s)) {
                if (!members(s).isEmpty()) {
                    throw new IllegalStateException("session " + s.getId() + " has members but was never opened");
                }
                s.setMode(s.getAllowedModes().get(0));
                s.setRoom(null);
            }
        }
        for (Placement p : day.getPlacements()) {
            if (!p.isPinned()) {
                p.setSession(seatOf.get(p));
            }
        }
        Explainer.solutionManager().update(day);
        return PlanAssembler.assemble(day);
    }

    /** Open non-catch-all sessions with students, as the finished day has them. */
    long groupsFormed() {
        return day.getSessions().stream().filter(s -> !s.isCatchAll() && s.isOpen()).count();
    }

    static <T> Map<String, Object> facts(Object... keyValues) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            facts.put((String) keyValues[i], keyValues[i + 1]);
        }
        return facts;
    }

    static int count(Collection<?> c) {
        return c.size();
    }
}
