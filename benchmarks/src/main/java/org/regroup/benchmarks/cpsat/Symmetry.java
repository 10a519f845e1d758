package org.regroup.benchmarks.cpsat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.Ask;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * Breaks the symmetry of interchangeable adults. Two adults are interchangeable when swapping their whole days (each
 * of one's sessions with the other's in the same block, with members, modality, room and focus) maps every plan onto
 * one the rules score the same: same role, modalities, qualifications, caps, teaching blocks and off-site clearance,
 * a session in the same blocks with the same modalities, rooms and candidate students, and no term that names
 * either (advisor, request, previous group, pinned seat). Every rule reads an adult only through those, so the swap
 * keeps the score. Among a class of such adults, any plan can be permuted so that their day keys — the sizes of
 * their sessions read block by block as the digits of one number — do not increase along the class; requiring that
 * removes only plans whose permuted twin, with the same score, stays.
 */
final class Symmetry {

    private Symmetry() {
    }

    /**
     * Adds the ordering constraints. Returns the classes ordered: per class, each adult's sessions in day order, in
     * the order the keys must not increase (a start plan is permuted into that order: {@link #canonical}).
     */
    static List<List<List<Session>>> addTo(DayModel m) {
        Map<Adult, List<Session>> days = m.adultSessions();
        Set<String> named = namedAdults(m);
        Map<List<Object>, List<Adult>> classes = new LinkedHashMap<>();
        // by adult id: the same classes in the same order on every run (adultSessions is a hash map)
        List<Map.Entry<Adult, List<Session>>> byId = new ArrayList<>(days.entrySet());
        byId.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing(Adult::getId)));
        for (Map.Entry<Adult, List<Session>> e : byId) {
            Adult a = e.getKey();
            if (named.contains(a.getId())) {
                continue;
            }
            classes.computeIfAbsent(signature(m, a, e.getValue()), k -> new ArrayList<>()).add(a);
        }
        List<List<List<Session>>> ordered = new ArrayList<>();
        for (List<Adult> adults : classes.values()) {
            if (adults.size() < 2) {
                continue;
            }
            for (int i = 0; i + 1 < adults.size(); i++) {
                m.model.addGreaterOrEqual(dayKey(m, days.get(adults.get(i))), dayKey(m, days.get(adults.get(i + 1))));
            }
            ordered.add(adults.stream().map(days::get).toList());
        }
        return ordered;
    }

    /**
     * Session index → the session that plays its part in the symmetric twin of a plan that keeps the ordering (the
     * identity outside the classes): the class's adults sorted by their day keys in the plan, the i-th largest taking
     * the i-th adult's sessions. {@code sizeOf} gives a session's size in the plan.
     */
    static int[] canonical(DayModel m, java.util.function.IntUnaryOperator sizeOf) {
        int[] map = new int[m.sessions.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = i;
        }
        for (List<List<Session>> days : m.symmetricDays) {
            List<List<Session>> byKey = new ArrayList<>(days);
            // stable sort: equal keys keep their order, so the ordering holds with equality
            byKey.sort(java.util.Comparator.comparing((List<Session> day) -> keyIn(day, sizeOf, m)).reversed());
            for (int i = 0; i < days.size(); i++) {
                List<Session> from = byKey.get(i);
                List<Session> to = days.get(i);
                for (int b = 0; b < from.size(); b++) {
                    map[from.get(b).getIndex()] = to.get(b).getIndex();
                }
            }
        }
        return map;
    }

    private static long keyIn(List<Session> day, java.util.function.IntUnaryOperator sizeOf, DayModel m) {
        LinearExpr key = dayKey(m, day);
        long value = key.getOffset();
        for (int i = 0; i < key.numElements(); i++) {
            int var = key.getVariableIndex(i);
            Session s = day.stream().filter(x -> m.sizeVar.get(x.getIndex()).getIndex() == var).findFirst()
                    .orElseThrow();
            value += key.getCoefficient(i) * sizeOf.applyAsInt(s.getIndex());
        }
        return value;
    }

    /**
     * Σ size(block) × base^position: comparing two keys compares the size vectors lexicographically, since the hard
     * caps keep every size below the base. (The base is the largest cap + 1, not the candidates + 1: on medium that
     * gave coefficients near 2^62, past what CP-SAT takes, and the ordered model rejected every hint.)
     */
    private static LinearExpr dayKey(DayModel m, List<Session> day) {
        long base = 1;
        for (Session s : day) {
            int candidates = m.seatsOfSession.get(s.getIndex()).size();
            for (org.regroup.solver.model.Mode mode : s.getAllowedModes()) {
                base = Math.max(base, FocusCandidates.cap(s, mode, candidates) + 1);
            }
        }
        LinearExprBuilder key = LinearExpr.newBuilder();
        long weight = 1;
        for (int i = day.size() - 1; i >= 0; i--) {
            key.addTerm(m.sizeVar.get(day.get(i).getIndex()), weight);
            weight = Math.multiplyExact(weight, base);
        }
        return key.build();
    }

    /** Adults some term names: advisors, requests, previous groups, pinned seats. */
    private static Set<String> namedAdults(DayModel m) {
        Set<String> named = new HashSet<>();
        for (Learner l : m.day.getLearners()) {
            if (l.getAdvisor() != null) {
                named.add(l.getAdvisor().getId());
            }
        }
        for (Ask ask : m.day.getAsks()) {
            if (ask.adult() != null) {
                named.add(ask.adult().getId());
            }
        }
        for (Placement p : m.placements) {
            if (p.getPreviousAdultId() != null) {
                named.add(p.getPreviousAdultId());
            }
            if (p.isPinned() && p.getSession() != null && p.getSession().getAdult() != null) {
                named.add(p.getSession().getAdult().getId());
            }
        }
        for (Session s : m.sessions) {
            if (s.isCatchAll() && s.getAdult() != null) {
                named.add(s.getAdult().getId()); // a catch-all's supervisor: not worth proving the swap harmless
            }
        }
        return named;
    }

    /** What the rules can read of an adult: equal signatures, interchangeable adults. */
    private static List<Object> signature(DayModel m, Adult a, List<Session> day) {
        List<Object> sig = new ArrayList<>();
        sig.add(a.getRole());
        sig.add(a.isPresentToday());
        sig.add(a.getModes().stream().map(Mode::getId).sorted().toList());
        List<String> qualified = new ArrayList<>();
        for (Focus f : m.day.getFoci()) {
            if (a.isQualifiedFor(f)) {
                qualified.add(f.getId());
            }
        }
        sig.add(qualified);
        sig.add(a.getMaxTeachingBlocks());
        sig.add(a.getMaxStudents());
        sig.add(a.isMaySuperviseOffSite());
        for (Session s : day) {
            sig.add(s.getPeriod().getIndex());
            sig.add(s.isFixed());
            sig.add(s.getAllowedModes().stream().map(Mode::getId).toList());
            sig.add(s.getAllowedRooms().stream().map(Room::getId).toList());
            sig.add(m.seatsOfSession.get(s.getIndex()).stream().map(seat -> seat.placement().getIndex()).sorted()
                    .toList());
        }
        return sig;
    }
}
