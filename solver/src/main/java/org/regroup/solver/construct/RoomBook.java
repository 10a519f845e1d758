package org.regroup.solver.construct;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/** Which rooms are taken in one block, by how many groups and students, while the day is being built. */
final class RoomBook {

    private final Map<Room, int[]> use = new HashMap<>(); // room -> {groups, students}

    void take(Room room, int students) {
        int[] u = use.computeIfAbsent(room, r -> new int[2]);
        u[0]++;
        u[1] += students;
    }

    void add(Room room, int students) {
        use.computeIfAbsent(room, r -> new int[2])[1] += students;
    }

    /** A copy of the bookings, for {@link #restore}. */
    Map<Room, int[]> save() {
        Map<Room, int[]> copy = new HashMap<>();
        use.forEach((room, u) -> copy.put(room, u.clone()));
        return copy;
    }

    void restore(Map<Room, int[]> saved) {
        use.clear();
        saved.forEach((room, u) -> use.put(room, u.clone()));
    }

    int freeSeats(Room room) {
        int[] u = use.get(room);
        return room.getCapacity() - (u == null ? 0 : u[1]);
    }

    boolean hasRoomForGroup(Room room) {
        int[] u = use.get(room);
        return u == null || u[0] < room.getMaxGroups();
    }

    /**
     * The room for a new group of {@code size} students running {@code mode}: suitable, free, big enough; the
     * adult's previous room if it fits, else the tightest fit (big open rooms stay free for big groups). A group
     * with no one who needs quiet keeps out of quiet rooms when it can: they are scarce.
     */
    Room pick(Session session, Mode mode, int size, boolean quiet, Room previous) {
        return pick(session, mode, size, quiet, previous, r -> true);
    }

    /** As {@link #pick(Session, Mode, int, boolean, Room)}, among the rooms {@code allowed} accepts. */
    Room pick(Session session, Mode mode, int size, boolean quiet, Room previous, Predicate<Room> allowed) {
        List<Room> rooms = session.getAllowedRooms();
        if (previous != null && allowed.test(previous) && fits(previous, session, mode, size, quiet)
                && (quiet || !previous.isQuiet())) {
            return previous;
        }
        return rooms.stream()
                .filter(r -> allowed.test(r) && fits(r, session, mode, size, quiet))
                .min(Comparator.comparingInt((Room r) -> !quiet && r.isQuiet() ? 1 : 0)
                        .thenComparingInt(r -> freeSeats(r) - size).thenComparing(Room::getId))
                .orElse(null);
    }

    /** The free room with the most seats left for a new group (at least one), or null: where a group is cut to fit. */
    Room roomiest(Session session, Mode mode, boolean quiet) {
        return session.getAllowedRooms().stream()
                .filter(r -> fits(r, session, mode, 1, quiet))
                .max(Comparator.comparingInt(this::freeSeats).thenComparing(Room::getId, Comparator.reverseOrder()))
                .orElse(null);
    }

    /** Every room a new group of {@code size} could have (see {@link #pick}), in the session's order. */
    List<Room> fitting(Session session, Mode mode, int size, boolean quiet) {
        return session.getAllowedRooms().stream().filter(r -> fits(r, session, mode, size, quiet)).toList();
    }

    /**
     * The session's own rooms only: the adult's previous room may have been taken from this block by a change that
     * came while the day was solving (its range is narrowed, the room itself still says open).
     */
    private boolean fits(Room r, Session session, Mode mode, int size, boolean quiet) {
        return session.getAllowedRooms().contains(r) && r.isAvailableIn(session.getPeriod())
                && r.hasAll(mode.getRequiredFeatures())
                && r.isOffSite() == mode.isOffSite() && (!quiet || r.isQuiet()) && hasRoomForGroup(r)
                && freeSeats(r) >= size;
    }
}
