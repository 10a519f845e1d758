package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.ModalitySpec;
import org.regroup.domain.School;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;

/**
 * One block's plan while it is made: its groups, who sits where, and how full each space is. Copied for dry runs
 * (would everyone still have a seat if this group were formed?), so it holds nothing but this block's bookings.
 */
final class BlockBook {

    final int block;
    private final DayFacts facts;
    private final List<Group> groups;
    private final Map<String, Group> seatOf;
    private final Map<String, Group> groupOfAdult;
    /** Per space id: {groups, students}. */
    private final Map<String, int[]> roomUse;
    /** Spaces whose catch-all has not opened yet: one group's place is kept for it. */
    private final Set<String> keptForCatchAll;

    BlockBook(DayFacts facts, int block) {
        this.block = block;
        this.facts = facts;
        this.groups = new ArrayList<>();
        this.seatOf = new HashMap<>();
        this.groupOfAdult = new HashMap<>();
        this.roomUse = new HashMap<>();
        this.keptForCatchAll = new HashSet<>();
        facts.catchAlls(block).forEach(c -> keptForCatchAll.add(c.spaceId()));
    }

    private BlockBook(BlockBook other) {
        this.block = other.block;
        this.facts = other.facts;
        this.groups = new ArrayList<>();
        this.seatOf = new HashMap<>();
        this.groupOfAdult = new HashMap<>();
        for (Group g : other.groups) {
            Group copy = g.copy();
            groups.add(copy);
            copy.members.forEach(s -> seatOf.put(s.id(), copy));
            if (copy.adult != null && !copy.catchAll) {
                groupOfAdult.put(copy.adult.id(), copy);
            }
        }
        this.roomUse = new HashMap<>();
        other.roomUse.forEach((k, v) -> roomUse.put(k, v.clone()));
        this.keptForCatchAll = new HashSet<>(other.keptForCatchAll);
    }

    /** A scratch copy for a dry run. */
    BlockBook copy() {
        return new BlockBook(this);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Opening and closing groups
    // ---------------------------------------------------------------------------------------------------------------

    /** Opens the adult's group for this block (empty: the caller seats its first member or closes it). */
    Group open(Staff adult, ModalitySpec mode, Space room, Set<String> travellers) {
        if (groupOfAdult.containsKey(adult.id())) {
            throw new IllegalStateException(adult.id() + " already has a group in block " + block);
        }
        Group g = new Group(adult.id() + "@" + facts.block(block).id(), block, adult, mode, room, false,
                Modes.cap(mode, adult.maxStudents()), travellers, List.of());
        groups.add(g);
        groupOfAdult.put(adult.id(), g);
        use(room)[0]++;
        return g;
    }

    Group openCatchAll(School.CatchAll c, ModalitySpec mode) {
        Space room = facts.space(c.spaceId());
        Staff supervisor = c.supervisorId() == null ? null : facts.staff(c.supervisorId());
        Group g = new Group("catch-all:" + c.spaceId() + "@" + facts.block(block).id(), block, supervisor, mode,
                room, true, c.capacity() == null ? room.capacity() : c.capacity(), null, List.of());
        groups.add(g);
        keptForCatchAll.remove(room.id());
        use(room)[0]++;
        return g;
    }

    /** Removes an empty group: its adult and its place in the space are free again. */
    void close(Group g) {
        if (!g.members.isEmpty()) {
            throw new IllegalStateException(g.id + " still has students");
        }
        groups.remove(g);
        if (g.adult != null && !g.catchAll) {
            groupOfAdult.remove(g.adult.id());
        }
        use(g.room)[0]--;
        if (g.catchAll) {
            keptForCatchAll.add(g.room.id());
        }
    }

    void seat(Group g, Student s) {
        if (seatOf.put(s.id(), g) != null) {
            throw new IllegalStateException(s.id() + " is already seated in block " + block);
        }
        g.members.add(s);
        use(g.room)[1]++;
    }

    /** Takes the student out of their group; a group left empty is closed. */
    void unseat(Student s) {
        Group g = seatOf.remove(s.id());
        g.members.remove(s);
        use(g.room)[1]--;
        if (g.members.isEmpty()) {
            close(g);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Questions
    // ---------------------------------------------------------------------------------------------------------------

    List<Group> groups() {
        return groups;
    }

    boolean seated(Student s) {
        return seatOf.containsKey(s.id());
    }

    Group groupOf(Student s) {
        return seatOf.get(s.id());
    }

    Group groupOf(Staff a) {
        return groupOfAdult.get(a.id());
    }

    boolean adultFree(Staff a) {
        return !groupOfAdult.containsKey(a.id());
    }

    /** Seats left in the space: its capacity less the students of every group in it. */
    int roomLeft(Space r) {
        return r.capacity() - use(r)[1];
    }

    /** The space can take one more group (a place is kept for its catch-all until the catch-all opens). */
    boolean hasGroupPlace(Space r) {
        int kept = keptForCatchAll.contains(r.id()) ? 1 : 0;
        return use(r)[0] + kept < facts.groupSlots(r, block);
    }

    private int[] use(Space r) {
        return roomUse.computeIfAbsent(r.id(), k -> new int[2]);
    }
}
