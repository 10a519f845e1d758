package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.regroup.domain.Activity;
import org.regroup.domain.BlockKind;
import org.regroup.domain.FocusKind;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Request;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;

/**
 * Admin-required requests, which the plan must honour (docs/format.md, "Requests"): decided before the first block.
 * Each gets its block (the one it names, else the first block it can be honoured in); the adult it names is kept for
 * that block; and one that can only be honoured off site becomes a trip, with its adult, its space and the
 * neighbouring blocks its students and adult spend travelling — all fixed now, because travel can take the block
 * before the trip, which is planned first.
 */
final class Requirements {

    /** An admin-required request and the block the plan honours it in. */
    record Requirement(Request request, Student student, int block) {
    }

    /** An off-site session planned ahead: who leads it, where, and who travels with it. */
    record Trip(int block, Staff adult, ModalitySpec mode, Space room, List<Student> travellers) {
    }

    private final DayFacts facts;
    private final Reach reach;
    private final Ledger ledger;
    private final List<Requirement> all = new ArrayList<>();
    private final List<Trip> trips = new ArrayList<>();
    /** Students who have a requirement, by block: the only ones whose groups need the honouring check. */
    private final Map<Integer, Set<String>> withRequirement = new HashMap<>();

    Requirements(DayFacts facts, Reach reach, Ledger ledger) {
        this.facts = facts;
        this.reach = reach;
        this.ledger = ledger;
        Map<String, Student> students = facts.studentsById();
        Map<List<Object>, List<Requirement>> offSite = new LinkedHashMap<>();
        for (Request r : facts.problem.requests()) {
            Student s = students.get(r.studentId());
            if (r.priorityOrDefault() != RequestPriority.ADMIN_REQUIRED || s == null) {
                continue;
            }
            int block = blockFor(r, s);
            if (block < 0) {
                continue; // not in school when it asks: nothing to honour
            }
            Requirement req = new Requirement(r, s, block);
            all.add(req);
            withRequirement.computeIfAbsent(block, k -> new HashSet<>()).add(s.id());
            Staff named = r.staffId() == null ? null : facts.staff(r.staffId());
            if (named != null) {
                ledger.reserve(named, block);
            }
            if (onlyOffSite(r)) {
                offSite.computeIfAbsent(List.of(block, Objects.toString(r.staffId()), Objects.toString(r.modality()),
                        Objects.toString(r.focus())), k -> new ArrayList<>()).add(req);
            }
        }
        offSite.values().forEach(this::planTrips);
    }

    List<Requirement> in(int block) {
        return all.stream().filter(r -> r.block() == block).toList();
    }

    List<Requirement> of(Student s, int block) {
        if (!any(s, block)) {
            return List.of();
        }
        return all.stream().filter(r -> r.block() == block && r.student() == s).toList();
    }

    boolean any(Student s, int block) {
        return withRequirement.getOrDefault(block, Set.of()).contains(s.id());
    }

    List<Trip> trips(int block) {
        return trips.stream().filter(t -> t.block() == block).toList();
    }

    List<Requirement> all() {
        return all;
    }

    int tripCount() {
        return trips.size();
    }

    /** The group honours the request for a member working there on {@code focusId}: adult, modality and focus. */
    static boolean honours(Request r, Group g, String focusId) {
        return (r.staffId() == null || g.adult != null && r.staffId().equals(g.adult.id()))
                && (r.modality() == null || r.modality().equals(g.mode.id()))
                && (r.focus() == null || r.focus().equals(focusId));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Which block
    // ---------------------------------------------------------------------------------------------------------------

    /** The block the request names, or the first one it can be honoured in; -1 when the student is not there. */
    private int blockFor(Request r, Student s) {
        for (int i = 0; i < facts.blockCount(); i++) {
            boolean named = r.blockId() != null && r.blockId().equals(facts.block(i).id());
            if (named) {
                return facts.present(s, i) ? i : -1;
            }
            if (r.blockId() == null && facts.present(s, i) && couldHonour(r, s, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean couldHonour(Request r, Student s, int block) {
        FocusKind kind = facts.block(block).kindOrDefault().focusKind();
        Staff adult = r.staffId() == null ? null : facts.staff(r.staffId());
        if (adult != null && facts.modes(adult, block).isEmpty()) {
            return false;
        }
        ModalitySpec mode = r.modality() == null ? null : facts.catalog.get(r.modality());
        if (mode != null && !Modes.serves(mode, kind)) {
            return false;
        }
        return r.focus() == null || reach.eligible(s, block, r.focus());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Trips
    // ---------------------------------------------------------------------------------------------------------------

    /** The request can only be honoured off site: an off-site modality, or an activity that only happens off site. */
    private boolean onlyOffSite(Request r) {
        if (r.modality() != null) {
            ModalitySpec m = facts.catalog.get(r.modality());
            return m != null && Modes.offSite(m);
        }
        Activity a = r.focus() == null ? null : facts.activity(r.focus());
        if (a == null) {
            return false;
        }
        boolean onlyOffSiteModes = !a.modalities().isEmpty() && a.modalities().stream()
                .map(facts.catalog::get).allMatch(m -> m != null && Modes.offSite(m));
        boolean onlyOffSitePlaces = !a.spaces().isEmpty() && a.spaces().stream()
                .map(facts::space).allMatch(p -> p != null && p.offSite());
        return onlyOffSiteModes || onlyOffSitePlaces;
    }

    /** Students asking for the same trip go together, as many groups as it takes (students who must stay on site never). */
    private void planTrips(List<Requirement> same) {
        Request r = same.get(0).request();
        int block = same.get(0).block();
        List<Student> waiting = new ArrayList<>(new LinkedHashSet<>(same.stream().map(Requirement::student)
                .filter(s -> !s.accommodationsOrNone().noOffSite()).toList()));
        Map<String, int[]> roomTaken = new HashMap<>(); // space id -> {groups, students} of the trips so far
        while (!waiting.isEmpty()) {
            Trip trip = nextTrip(r, block, waiting, roomTaken);
            if (trip == null) {
                return; // nobody left to take them: those requests stay unhonoured
            }
            waiting.removeAll(trip.travellers());
            trips.add(trip);
            ledger.reserve(trip.adult(), block);
            for (int t : facts.travelBlocks(trip.room(), block)) {
                ledger.sendAway(trip.adult(), t);
                trip.travellers().forEach(s -> ledger.travel(s, t));
            }
        }
    }

    private Trip nextTrip(Request r, int block, List<Student> waiting, Map<String, int[]> roomTaken) {
        for (Staff adult : facts.problem.staff()) {
            if (r.staffId() != null && !r.staffId().equals(adult.id()) || !ledger.available(adult, block)
                    || tripAdult(adult, block) || ledger.reservedCount(adult) + 1 > DayFacts.maxTeachingBlocks(adult)
                            && !ledger.reserved(adult, block)) {
                continue;
            }
            for (ModalitySpec mode : facts.modes(adult, block)) {
                if (!Modes.offSite(mode) || r.modality() != null && !r.modality().equals(mode.id())
                        || r.focus() != null && !canLead(adult, mode, r.focus(), block)) {
                    continue;
                }
                for (Space room : facts.problem.spaces()) {
                    int[] taken = roomTaken.computeIfAbsent(room.id(), k -> new int[2]);
                    if (!facts.usable(room, block) || !DayFacts.fits(room, mode) || !placeAllows(r.focus(), room)
                            || !travelFree(adult, room, block) || taken[0] >= facts.groupSlots(room, block)) {
                        continue;
                    }
                    int seats = Math.min(Modes.cap(mode, adult.maxStudents()), room.capacity() - taken[1]);
                    List<Student> travellers = waiting.stream().filter(s -> travelFree(s, room, block))
                            .limit(Math.max(0, seats)).toList();
                    if (!travellers.isEmpty()) {
                        taken[0]++;
                        taken[1] += travellers.size();
                        return new Trip(block, adult, mode, room, travellers);
                    }
                }
            }
        }
        return null;
    }

    private boolean tripAdult(Staff adult, int block) {
        return trips.stream().anyMatch(t -> t.block() == block && t.adult() == adult);
    }

    private boolean canLead(Staff adult, ModalitySpec mode, String focus, int block) {
        Activity a = facts.activity(focus);
        if (facts.block(block).kindOrDefault() == BlockKind.ACTIVITIES) {
            return a != null && (a.modalities().isEmpty() || a.modalities().contains(mode.id()));
        }
        return facts.graph.skill(focus) == null || !Modes.needsQualifiedAdult(mode) || facts.qualified(adult, focus);
    }

    private boolean placeAllows(String focus, Space room) {
        Activity a = focus == null ? null : facts.activity(focus);
        return a == null || a.spaces().isEmpty() || a.spaces().contains(room.id());
    }

    /** The adult is needed in none of the blocks the trip's travel takes. */
    private boolean travelFree(Staff adult, Space room, int block) {
        return facts.travelBlocks(room, block).stream().noneMatch(t -> ledger.reserved(adult, t) || tripAdult(adult, t));
    }

    /** The student has no other requirement in the blocks the trip's travel takes. */
    private boolean travelFree(Student s, Space room, int block) {
        return facts.travelBlocks(room, block).stream().noneMatch(t -> any(s, t));
    }
}
