package org.regroup.solver.construct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.regroup.solver.construct.DayConstructor.BlockBuilder;
import org.regroup.solver.construct.DayConstructor.Group;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * Seats first: a block's builder opens a group that seats fewer students than its adult could supervise (a small
 * group, a 1:1, online practice where independent practice holds more) only while every student still waiting keeps
 * a seat within reach. Where adult-led seats are short (a studio of 150 with six adults), teachers then supervise
 * practice instead of teaching ten; where seats are short whatever is done (staff out), no seat is given up at all.
 *
 * <p>"Within reach" is counted generously but simply: free seats of open groups where each student works on their
 * own skill (practice, the catch-all), plus what each adult still free could supervise in the biggest practice
 * modality they may run, in the free room that holds most of it (adults with the biggest groups choose first).
 * Free seats of groups on one shared skill are not counted: only students ready for that skill could take them.
 */
final class SeatBudget {

    private final BlockBuilder block;
    /** The slack the block started with when it was negative (seats short whatever is done), else 0. */
    private final int floor;
    private final Map<Session, List<Practice>> practices = new java.util.IdentityHashMap<>();

    SeatBudget(BlockBuilder block) {
        this.block = block;
        this.floor = Math.min(0, slack());
    }

    /**
     * Would opening {@code slot} in {@code mode} at {@code room} with these waiting students still leave every waiting
     * student a seat (or, on a day short of seats, lose none)?
     */
    boolean allows(Session slot, Mode mode, Room room, List<Placement> members) {
        return affords(slack(slot, mode, room, members));
    }

    /** Is this slack (from {@link #slack}) still every waiting student seated, or as many as the block began with? */
    boolean affords(int slack) {
        return slack >= floor;
    }

    /**
     * The room for a group that gives up the fewest seats within reach: the usual pick ({@link RoomBook#pick}: the
     * adult's previous room, else the tightest fit) while seats are plentiful; when they are not, the tightest fit
     * whatever the adult's previous room (a 1:1 in the small room, not in the studio six groups share). Null when
     * no room fits or the group would leave a waiting student without a seat.
     */
    Room pick(Session slot, Mode mode, List<Placement> members, boolean quiet, Room previous) {
        Room usual = block.rooms().pick(slot, mode, members.size(), quiet, previous);
        if (usual == null) {
            return null;
        }
        int s = slack(slot, mode, usual, members);
        if (affords(s) || previous == null) {
            return affords(s) ? usual : null;
        }
        Room tightest = block.rooms().pick(slot, mode, members.size(), quiet, null);
        return tightest != usual && affords(slack(slot, mode, tightest, members)) ? tightest : null;
    }

    /**
     * Could any of these slots run a taught group in one of these modalities and keep the budget? A full group gives
     * up at least the adult's practice seats less its members, so when the slack covers that for some slot, yes.
     * Otherwise a group may still fit where the rooms, not the adults, bound the seats (eight in a small room the
     * open studio never needed): each slot, modality and free room is tried with the group the room holds.
     */
    boolean mayAffordAGroup(List<Session> slots, List<Mode> modes) {
        int now = slack();
        int cheapest = Integer.MAX_VALUE;
        for (Session s : slots) {
            for (Mode m : modes) {
                if (s.getAllowedModes().contains(m)) {
                    cheapest = Math.min(cheapest, biggestPractice(s) - s.capIn(m));
                }
            }
        }
        if (cheapest == Integer.MAX_VALUE || affords(now - Math.max(0, cheapest))) {
            return true;
        }
        for (Session s : slots) {
            for (Mode m : modes) {
                if (!s.getAllowedModes().contains(m)) {
                    continue;
                }
                for (Room r : block.rooms().fitting(s, m, m.getMinSize(), false)) {
                    int members = Math.min(s.capIn(m), block.rooms().freeSeats(r));
                    if (affords(slack(s, m, r, members, 0))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The slack now: seats within reach less students waiting. */
    int slack() {
        return slack(null, null, null, 0, 0);
    }

    /**
     * Seats within reach less students waiting, were the group opened (negative: how many could not be seated). Students who need quiet count twice: the
     * quiet seats within reach must hold them, and the adults who supervise quiet rooms for them are counted there
     * first (a quiet room holds fewer than an open studio).
     */
    int slack(Session opening, Mode mode, Room room, List<Placement> members) {
        return slack(opening, mode, room, members.size(),
                (int) members.stream().filter(p -> p.getLearner().isQuietSpace()).count());
    }

    /** As {@link #slack(Session, Mode, Room, List)} for {@code members} students, {@code quietMembers} needing quiet. */
    private int slack(Session opening, Mode mode, Room room, int members, int quietMembers) {
        Map<Room, int[]> rooms = block.rooms().save(); // room -> {groups, students}
        Map<Room, Integer> seatsLeft = new HashMap<>();
        int[] seats = new int[2]; // {all, quiet}
        Map<Room, Integer> freeByRoom = new HashMap<>();
        for (Group g : block.openGroups()) {
            if (!g.mode.isSharedFocus() || g.session.isCatchAll()) {
                freeByRoom.merge(g.room, Math.max(0, g.cap - g.members.size()), Integer::sum);
            }
        }
        if (opening != null) {
            int[] u = rooms.computeIfAbsent(room, r -> new int[2]);
            u[0]++;
            u[1] += members;
            if (!mode.isSharedFocus()) {
                freeByRoom.merge(room, Math.max(0, opening.capIn(mode) - members),
                        Integer::sum);
            }
        }
        freeByRoom.forEach((r, free) -> add(r, free, rooms, seatsLeft, seats, false));
        int waiting = block.waiting().size() - members;
        int waitingQuiet = (int) block.waiting().stream().filter(p -> p.getLearner().isQuietSpace()).count()
                - quietMembers;
        List<Session> free = new ArrayList<>(block.closedSlots());
        free.remove(opening);
        free.sort(Comparator.comparingInt(SeatBudget::biggestPractice).reversed().thenComparing(Session::getId));
        // Quiet rooms for those who need them first, then the biggest groups the others can have.
        for (java.util.Iterator<Session> it = free.iterator(); it.hasNext() && seats[1] < waitingQuiet; ) {
            if (supervise(it.next(), true, rooms, seatsLeft, seats)) {
                it.remove();
            }
        }
        for (Session s : free) {
            supervise(s, false, rooms, seatsLeft, seats);
        }
        // Quiet students take quiet seats first, the others what is left; any who cannot be seated is a shortfall.
        int quietSeated = Math.min(waitingQuiet, seats[1]);
        int othersSeated = Math.min(waiting - waitingQuiet, seats[0] - quietSeated);
        int unseated = waiting - quietSeated - othersSeated;
        return unseated > 0 ? -unseated : seats[0] - waiting;
    }

    /** Adds the most {@code s} could supervise (in a quiet room if asked), or false if nowhere. */
    private boolean supervise(Session s, boolean quietRoom, Map<Room, int[]> rooms, Map<Room, Integer> seatsLeft,
            int[] seats) {
        int best = 0;
        Room bestRoom = null;
        for (Practice p : practicesOf(s)) {
            Room r = p.room();
            if ((quietRoom && !r.isQuiet()) || groups(r, rooms) >= r.getMaxGroups()) {
                continue;
            }
            int n = Math.min(p.cap(), left(r, rooms, seatsLeft));
            if (n > best) {
                best = n;
                bestRoom = r;
            }
        }
        if (bestRoom == null) {
            return false;
        }
        rooms.computeIfAbsent(bestRoom, r -> new int[2])[0]++;
        add(bestRoom, best, rooms, seatsLeft, seats, true);
        return true;
    }

    /** A practice modality's cap for a session, in a room that can hold it this block. */
    private record Practice(int cap, Room room) {
    }

    /**
     * What a session could supervise in this block whatever else is open: each practice modality it may run here
     * (in its order) in each room that has the features, is on or off site as the modality is and is available (in
     * the session's room order). Computed once per session: the slack is asked for every group a block considers,
     * and on a school of thousands these checks were most of its time.
     */
    private List<Practice> practicesOf(Session s) {
        return practices.computeIfAbsent(s, x -> {
            List<Practice> list = new ArrayList<>();
            for (Mode m : s.getAllowedModes()) {
                if (m.isSharedFocus() || !m.serves(block.period().getKind().focusKind())) {
                    continue;
                }
                for (Room r : s.getAllowedRooms()) {
                    if (r.hasAll(m.getRequiredFeatures()) && r.isOffSite() == m.isOffSite()
                            && r.isAvailableIn(block.period())) {
                        list.add(new Practice(s.capIn(m), r));
                    }
                }
            }
            return list;
        });
    }

    private static void add(Room r, int free, Map<Room, int[]> rooms, Map<Room, Integer> seatsLeft, int[] seats,
            boolean fits) {
        int left = left(r, rooms, seatsLeft);
        int taken = fits ? free : Math.min(left, free);
        seats[0] += taken;
        if (r.isQuiet()) {
            seats[1] += taken;
        }
        seatsLeft.put(r, left - taken);
    }

    private static int groups(Room r, Map<Room, int[]> rooms) {
        int[] u = rooms.get(r);
        return u == null ? 0 : u[0];
    }

    private static int left(Room r, Map<Room, int[]> rooms, Map<Room, Integer> seatsLeft) {
        Integer left = seatsLeft.get(r);
        if (left != null) {
            return left;
        }
        int[] u = rooms.get(r);
        return r.getCapacity() - (u == null ? 0 : u[1]);
    }

    private static int biggestPractice(Session s) {
        int best = 0;
        for (Mode m : s.getAllowedModes()) {
            if (!m.isSharedFocus()) {
                best = Math.max(best, s.capIn(m));
            }
        }
        return best;
    }
}
