package org.regroup.benchmarks.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.regroup.domain.DayProblem;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.plan.Plan;
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

/**
 * A sensible hand-scheduler's daily regrouping, block by block in day order, never looking ahead:
 *
 * <ol>
 *   <li>students an admin-required request pins sit where it says;</li>
 *   <li>1:1 minutes first: each student still owed them gets the first free adult (staff list order) who may run
 *       1:1 and is qualified for their most urgent skill;</li>
 *   <li>everyone else is sorted by their <b>most urgent ready skill</b> (the model's ranking of a student's options:
 *       requested, then goal, then how much of the graph it unlocks) — skills unlocking most first, students still
 *       owed staff-led time first within a skill — and each run of students on one skill is cut into small groups up
 *       to the size caps; each group gets the <b>first qualified free adult</b> (staff order, with a block left in
 *       their contract) and the <b>first free room</b> that holds it (a quiet one when a member needs it). A run
 *       too small for a group's minimum waits;</li>
 *   <li>students left over join any group formed around a skill they are ready for that still has room (those owed
 *       staff-led time first), else supervised independent practice with the first free adult and room, else the
 *       catch-all;</li>
 *   <li>advisory with advisors and activities by sign-up, as {@link CommonBlocks} does for both peers.</li>
 * </ol>
 * Keep-apart pairs, group-size caps and each adult's student cap are respected throughout. Deterministic.
 */
public final class GreedyRegroupingPeer implements Peer {

    public static final String NAME = "greedy";

    /**
     * "The first free room" that holds the group, looking at the smallest rooms first: a scheduler who put a 1:1 in
     * the first free classroom of the list would run out of classrooms before lunch (measured: 77 students without a
     * room or adult in medium's first skill block).
     */
    static final boolean BEST_FIT = true;

    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PeerRun run(DayProblem problem, DayPlan unused, Duration timeLimit, long seed) {
        long start = System.nanoTime();
        PeerDay d = new PeerDay(problem, NAME);
        d.seatPins();
        Map<Learner, Integer> oneToOneLeft = new HashMap<>();
        Map<Learner, Integer> staffLedLeft = new HashMap<>();
        for (Learner l : d.day.getLearners()) {
            oneToOneLeft.put(l, l.getOneToOneMinutes());
            staffLedLeft.put(l, l.getMinStaffLedBlocks());
        }
        int[] counts = new int[4]; // skill groups, 1:1 sessions, practice groups, joined later
        for (Period p : d.periods()) {
            CommonBlocks.openPinnedSessions(d, p, BEST_FIT);
            switch (p.getKind()) {
                case SKILLS -> skillBlock(d, p, oneToOneLeft, staffLedLeft, counts);
                case ADVISORY -> CommonBlocks.advisory(d, p, BEST_FIT);
                default -> CommonBlocks.activities(d, p, BEST_FIT);
            }
            // Staff-led time delivered in this block counts against each student's need.
            for (Placement pl : d.placements(p)) {
                Session s = d.seatOf(pl);
                if (s != null && !s.isCatchAll() && s.getMode().isStaffLed()) {
                    staffLedLeft.merge(pl.getLearner(), -1, Integer::sum);
                }
            }
        }
        Plan plan = d.finish();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("groupsFormed", d.groupsFormed());
        facts.put("skillGroups", counts[0]);
        facts.put("oneToOneSessions", counts[1]);
        facts.put("practiceGroups", counts[2]);
        facts.put("joinedExistingGroup", counts[3]);
        facts.put("unplacedWhy", new TreeMap<>(d.unplacedWhy));
        return new PeerRun(List.of(new PeerRun.Timed(elapsed, plan)), facts);
    }

    /** The student's most urgent ready skill: their best eligible option in the block (null when none). */
    static Focus mostUrgent(Learner l, Period p) {
        Option best = l.best(p);
        return best != null && best.eligible() ? best.focus() : null;
    }

    private static void skillBlock(PeerDay d, Period p, Map<Learner, Integer> oneToOneLeft,
            Map<Learner, Integer> staffLedLeft, int[] counts) {
        // 1:1 first.
        for (Placement pl : d.placements(p)) {
            Learner l = pl.getLearner();
            if (d.isSeated(pl) || oneToOneLeft.get(l) <= 0) {
                continue;
            }
            for (Adult a : d.day.getAdults()) {
                Session s = d.sessionOf(a, p);
                Mode oneToOne = s == null ? null : PeerDay.mode(s, ModalityCatalog.ONE_TO_ONE);
                if (oneToOne == null || d.isOpen(s) || !d.hasBudget(a) || !pl.getCandidates().contains(s)) {
                    continue;
                }
                long unseated = d.placements(p).stream().filter(x -> !d.isSeated(x)).count();
                if (supervisionLeft(d, p, s) + 1 < unseated) {
                    continue; // this adult is needed to supervise others; 1:1 waits for a later block
                }
                Focus f = mostUrgent(l, p);
                if (f == null || !a.isQualifiedFor(f)) {
                    f = CommonBlocks.sharedFocus(s, oneToOne, List.of(l));
                }
                Room room = f == null ? null : d.findRoom(s, oneToOne, 1, l.isQuietSpace(), BEST_FIT);
                if (room == null) {
                    continue;
                }
                d.open(s, oneToOne, room, f, 1);
                d.seat(pl, s);
                oneToOneLeft.merge(l, -p.getMinutes(), Integer::sum);
                counts[1]++;
                break;
            }
        }

        // Sort by most urgent ready skill.
        List<Placement> todo = new ArrayList<>(d.placements(p).stream().filter(pl -> !d.isSeated(pl)).toList());
        Comparator<Placement> order = Comparator
                .comparingInt((Placement pl) -> mostUrgent(pl.getLearner(), p) == null ? 1 : 0)
                .thenComparingInt(pl -> {
                    Focus f = mostUrgent(pl.getLearner(), p);
                    return f == null ? 0 : -f.getUnlocks();
                })
                .thenComparing(pl -> {
                    Focus f = mostUrgent(pl.getLearner(), p);
                    return f == null ? "" : f.getId();
                })
                .thenComparingInt(pl -> -Math.max(0, staffLedLeft.get(pl.getLearner())))
                .thenComparingInt(pl -> pl.getLearner().getIndex());
        todo.sort(order);

        List<Placement> leftover = new ArrayList<>();
        int i = 0;
        while (i < todo.size()) {
            Focus skill = mostUrgent(todo.get(i).getLearner(), p);
            int j = i;
            while (j < todo.size() && mostUrgent(todo.get(j).getLearner(), p) == skill) {
                j++;
            }
            List<Placement> run = new ArrayList<>(todo.subList(i, j));
            i = j;
            if (skill == null) {
                leftover.addAll(run);
                continue;
            }
            while (!run.isEmpty()) {
                List<Placement> left = formSkillGroup(d, p, skill, run);
                if (left.size() == run.size()) {
                    break; // no adult, room or group size for the rest
                }
                counts[0]++;
                run = left;
            }
            leftover.addAll(run);
        }

        // Leftovers: an existing group on a skill they are ready for, else supervised practice, else the catch-all.
        leftover.sort(Comparator.comparingInt((Placement pl) -> -Math.max(0, staffLedLeft.get(pl.getLearner())))
                .thenComparing(order));
        List<Placement> practice = new ArrayList<>();
        for (Placement pl : leftover) {
            Session join = null;
            Focus urgent = mostUrgent(pl.getLearner(), p);
            for (Session s : d.sessions(p)) {
                Focus f = d.intended(s);
                if (f != null && !s.isCatchAll() && PeerDay.eligible(pl.getLearner(), p, f) && d.canJoin(pl, s)
                        && (join == null || f == urgent)) {
                    join = s;
                    if (f == urgent) {
                        break;
                    }
                }
            }
            if (join != null) {
                d.seat(pl, join);
                counts[3]++;
            } else if (staffLedLeft.get(pl.getLearner()) > 0
                    && staffLedAlone(d, pl, !mustHaveStaffLedNow(d, pl, staffLedLeft))) {
                counts[1]++;
            } else {
                practice.add(pl);
            }
        }
        counts[2] += practiceGroups(d, p, practice);
    }

    /** The student is owed as many staff-led blocks as they have skill blocks left today, this one included. */
    static boolean mustHaveStaffLedNow(PeerDay d, Placement pl, Map<Learner, Integer> staffLedLeft) {
        int need = staffLedLeft.get(pl.getLearner());
        if (need <= 0) {
            return false;
        }
        long left = d.periods().stream().filter(q -> q.getIndex() >= pl.getPeriod().getIndex()
                && CommonBlocks.isSkillBlock(q) && d.placement(pl.getLearner(), q) != null).count();
        return need >= left;
    }

    /**
     * A staff-led session of their own for a student owed staff-led time (when it is not yet urgent, only if the
     * others can still be supervised) (1:1 where the adult may, else a small
     * group of one), with the first qualified free adult and a room that suits them. Returns whether it was found.
     */
    private static boolean staffLedAlone(PeerDay d, Placement pl, boolean onlyIfOthersSupervised) {
        Learner l = pl.getLearner();
        Period p = pl.getPeriod();
        for (Adult a : d.day.getAdults()) {
            Session s = d.sessionOf(a, p);
            if (s == null || d.isOpen(s) || !d.hasBudget(a) || !pl.getCandidates().contains(s)) {
                continue;
            }
            if (onlyIfOthersSupervised
                    && supervisionLeft(d, p, s) + 1 < d.placements(p).stream().filter(x -> !d.isSeated(x)).count()) {
                continue;
            }
            Mode mode = PeerDay.mode(s, ModalityCatalog.ONE_TO_ONE);
            if (mode == null) {
                mode = PeerDay.mode(s, ModalityCatalog.SMALL_GROUP);
            }
            if (mode == null) {
                continue;
            }
            Focus f = mostUrgent(l, p);
            if (f == null || !a.isQualifiedFor(f)) {
                f = CommonBlocks.sharedFocus(s, mode, List.of(l));
            }
            Room room = f == null ? null : d.findRoom(s, mode, 1, l.isQuietSpace(), BEST_FIT);
            if (room == null) {
                continue;
            }
            d.open(s, mode, room, f, 1);
            d.seat(pl, s);
            return true;
        }
        return false;
    }

    /**
     * One small group on {@code skill} from the front of {@code run}: the first free qualified adult who may lead a
     * staff-led group of at least the modality's minimum, and the first free room. Returns who is left.
     */
    private static List<Placement> formSkillGroup(PeerDay d, Period p, Focus skill, List<Placement> run) {
        for (Adult a : d.day.getAdults()) {
            Session s = d.sessionOf(a, p);
            if (s == null || d.isOpen(s) || !d.hasBudget(a) || !a.isQualifiedFor(skill)) {
                continue;
            }
            Mode mode = PeerDay.mode(s, ModalityCatalog.SMALL_GROUP);
            if (mode == null || !skill.runsIn(mode)) {
                continue;
            }
            List<Placement> mayJoin = run.stream().filter(pl -> pl.getCandidates().contains(s)).toList();
            int size = Math.min(mayJoin.size(), PeerDay.cap(s, mode));
            if (size < mode.getMinSize()) {
                continue;
            }
            // A sensible scheduler keeps enough adults free that everyone not yet in a group can still be supervised.
            long unseated = d.placements(p).stream().filter(pl -> !d.isSeated(pl)).count();
            if (supervisionLeft(d, p, s) + size < unseated) {
                continue;
            }
            List<Placement> chunk = mayJoin.subList(0, size);
            boolean quiet = chunk.stream().anyMatch(pl -> pl.getLearner().isQuietSpace());
            Room room = d.findRoom(s, mode, size, quiet, BEST_FIT);
            if (room == null && quiet) {
                room = d.findRoom(s, mode, size, false, BEST_FIT); // the quiet students wait for another group
            }
            if (room == null) {
                continue;
            }
            d.open(s, mode, room, skill, size);
            List<Placement> left = new ArrayList<>();
            for (Placement pl : run) {
                if (d.members(s).size() < size && d.canJoin(pl, s)) {
                    d.seat(pl, s);
                } else {
                    left.add(pl);
                }
            }
            return left;
        }
        return run;
    }

    /**
     * Students the adults still free in the block (all but {@code except}) could supervise in independent practice,
     * plus what the catch-all still takes.
     */
    static long supervisionLeft(PeerDay d, Period p, Session except) {
        long seats = 0;
        for (Session s : d.sessions(p)) {
            if (s.isCatchAll()) {
                seats += Math.max(0, s.getSizeCap() - d.members(s).size());
                continue;
            }
            Mode ip = CommonBlocks.independentPractice(s);
            if (s != except && ip != null && !d.isOpen(s) && d.hasBudget(s.getAdult())) {
                seats += PeerDay.cap(s, ip);
            }
        }
        return seats;
    }

    /** Independent practice with the first free adults and rooms (quiet students in a quiet room); returns groups. */
    private static int practiceGroups(PeerDay d, Period p, List<Placement> students) {
        int groups = 0;
        List<Placement> quiet = students.stream().filter(pl -> pl.getLearner().isQuietSpace()).toList();
        List<Placement> others = students.stream().filter(pl -> !pl.getLearner().isQuietSpace()).toList();
        for (List<Placement> part : List.of(quiet, others)) {
            List<Placement> left = new ArrayList<>(part);
            for (Adult a : d.day.getAdults()) {
                if (left.isEmpty()) {
                    break;
                }
                Session s = d.sessionOf(a, p);
                if (s == null || d.isOpen(s) || !d.hasBudget(a)) {
                    continue;
                }
                Mode ip = CommonBlocks.independentPractice(s);
                if (ip == null) {
                    continue;
                }
                List<Placement> mayJoin = left.stream().filter(pl -> pl.getCandidates().contains(s)).toList();
                int size = Math.min(mayJoin.size(), PeerDay.cap(s, ip));
                if (size == 0) {
                    continue;
                }
                Object[] found = d.findRoomUpTo(s, ip, size, part == quiet, BEST_FIT);
                if (found == null) {
                    continue;
                }
                Room room = (Room) found[0];
                size = (Integer) found[1];
                d.open(s, ip, room, null, size);
                groups++;
                List<Placement> still = new ArrayList<>();
                for (Placement pl : left) {
                    if (d.members(s).size() < size && d.canJoin(pl, s)) {
                        d.seat(pl, s);
                    } else {
                        still.add(pl);
                    }
                }
                left = still;
            }
            for (Placement pl : left) {
                if (!d.seatInCatchAll(pl)) {
                    d.unplaced("no free adult, room or catch-all for supervised practice");
                }
            }
        }
        return groups;
    }
}
