package org.regroup.solver.construct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.regroup.solver.construct.DayConstructor.BlockBuilder;
import org.regroup.solver.construct.DayConstructor.Group;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/** An advisory block: each student with their advisor; an absent advisor's group goes to an adult who is free. */
final class AdvisoryGroups {

    private final BlockBuilder block;

    AdvisoryGroups(BlockBuilder block) {
        this.block = block;
    }

    void run() {
        quietGroups();
        Map<Adult, List<Placement>> byAdvisor = new java.util.LinkedHashMap<>();
        for (Placement p : block.waiting()) {
            if (p.getLearner().getAdvisor() != null) {
                byAdvisor.computeIfAbsent(p.getLearner().getAdvisor(), a -> new ArrayList<>()).add(p);
            }
        }
        // Groups with a student who needs quiet choose rooms first: quiet rooms are few.
        List<Session> slots = new ArrayList<>(block.closedSlots());
        slots.sort(Comparator.comparingInt((Session s) -> needsQuiet(byAdvisor.get(s.getAdult())) ? 0 : 1));
        for (Session slot : slots) {
            List<Placement> advisees = byAdvisor.remove(slot.getAdult());
            if (advisees != null) {
                seat(slot, advisees, false);
            }
        }
        // Advisors away (or out of blocks): their advisees stay together with another adult where possible.
        List<List<Placement>> orphans = new ArrayList<>(byAdvisor.values());
        orphans.sort(Comparator.comparingInt((List<Placement> group) -> group.size())
                .thenComparing(group -> group.get(0).getLearner().getAdvisor().getId()));
        for (List<Placement> advisees : orphans) {
            for (Session slot : block.closedSlots()) {
                if (advisees.isEmpty()) {
                    break;
                }
                seat(slot, advisees, false);
            }
        }
        // Students without an advisor, or left over: any group with room, then new groups.
        for (Placement p : List.copyOf(block.waiting())) {
            for (Group g : block.openGroups()) {
                if (!g.session.isCatchAll() && p.isCandidate(g.session)
                        && (!p.getLearner().isQuietSpace() || g.room.isQuiet()) && block.join(g, p)) {
                    break;
                }
            }
        }
        List<Placement> rest = new ArrayList<>(block.waiting());
        for (Session slot : block.closedSlots()) {
            if (rest.isEmpty()) {
                break;
            }
            // Last resort: a group below its minimum size costs less than a student left without one.
            seat(slot, rest, true);
        }
    }

    /**
     * Students who need quiet first: quiet rooms are few, and an advisory group is bigger than most of them. The
     * advisors with the most advisees who need quiet take the quiet rooms (an aide when no advisor is free), and their
     * groups take every student who needs quiet, theirs first, then their own other advisees while seats are left.
     * Before, each advisor's whole group looked for a quiet room; once the rooms were spent, the rest of the students
     * who needed quiet had nowhere to be.
     */
    private void quietGroups() {
        List<Placement> quiet = new ArrayList<>();
        for (Placement p : block.waiting()) {
            if (p.getLearner().isQuietSpace()) {
                quiet.add(p);
            }
        }
        while (!quiet.isEmpty()) {
            Session slot = null;
            long most = -1;
            for (Session s : block.closedSlots()) {
                long own = quiet.stream().filter(p -> p.getLearner().getAdvisor() == s.getAdult()).count();
                if (own > most && quiet.stream().anyMatch(p -> p.isCandidate(s))) {
                    most = own;
                    slot = s;
                }
            }
            if (slot == null) {
                return;
            }
            Mode mode = DayConstructor.preferredMode(slot);
            Room room = block.rooms().roomiest(slot, mode, true);
            if (room == null) {
                return;
            }
            Session chosen = slot;
            Group g = block.openGroup(slot, mode, room);
            List<Placement> order = new ArrayList<>(quiet);
            order.sort(Comparator.comparingInt((Placement p) -> p.getLearner().getAdvisor() == chosen.getAdult() ? 0 : 1));
            for (Placement p : order) {
                if (p.isCandidate(slot) && block.join(g, p)) {
                    quiet.remove(p);
                }
            }
            for (Placement p : List.copyOf(block.waiting())) {
                if (p.getLearner().getAdvisor() == slot.getAdult() && p.isCandidate(slot)) {
                    block.join(g, p);
                }
            }
        }
    }

    private static boolean needsQuiet(List<Placement> students) {
        return students != null && students.stream().anyMatch(p -> p.getLearner().isQuietSpace());
    }

    /** Opens the slot for as many of these students as fit, and removes the seated ones from the list. */
    private void seat(Session slot, List<Placement> students, boolean evenIfSmall) {
        List<Placement> fitting = students.stream().filter(p -> p.isCandidate(slot)).toList();
        if (fitting.isEmpty()) {
            return;
        }
        Mode mode = DayConstructor.preferredMode(slot);
        if (!evenIfSmall && fitting.size() < mode.getMinSize()) {
            return;
        }
        boolean quiet = fitting.stream().anyMatch(p -> p.getLearner().isQuietSpace());
        Room room = block.rooms().pick(slot, mode, Math.min(fitting.size(), mode.getMaxSize()), quiet,
                block.state().lastRoom.get(slot.getAdult()));
        if (room == null && quiet) {
            // A quiet room too small for the whole group still takes those who need quiet, with as many others as
            // fit; the rest join other groups (before, the group went to a noisy room and left them without one).
            room = block.rooms().roomiest(slot, mode, true);
        }
        if (room == null) {
            room = block.rooms().pick(slot, mode, Math.min(fitting.size(), mode.getMaxSize()), false, null);
        }
        if (room == null) {
            return;
        }
        Group g = block.openGroup(slot, mode, room);
        List<Placement> quietFirst = new ArrayList<>(fitting);
        quietFirst.sort(Comparator.comparingInt((Placement p) -> p.getLearner().isQuietSpace() ? 0 : 1));
        for (Placement p : quietFirst) {
            if ((!p.getLearner().isQuietSpace() || room.isQuiet()) && block.join(g, p)) {
                students.remove(p);
            }
        }
    }
}
