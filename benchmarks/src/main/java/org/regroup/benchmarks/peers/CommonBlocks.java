package org.regroup.benchmarks.peers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regroup.domain.BlockKind;
import org.regroup.domain.FocusKind;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * What both peers do the way any school does it, so that the comparison with Regroup is about the skill blocks:
 * sessions named by an admin-required request, advisory with one's advisor, and activities chosen by sign-up.
 */
final class CommonBlocks {

    private CommonBlocks() {
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Pinned sessions
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Opens the sessions that admin-required requests put students in (in this block), in a modality that suits the
     * pinned students: 1:1 for one student when the adult may, else a staff-led group on a skill they are all ready
     * for, else supervised practice.
     */
    static void openPinnedSessions(PeerDay d, Period period, boolean bestFit) {
        for (Session s : d.sessions(period)) {
            if (s.isCatchAll() || d.isOpen(s) || d.members(s).isEmpty()) {
                continue;
            }
            openForMembers(d, s, d.members(s).stream().map(Placement::getLearner).toList(), bestFit);
        }
    }

    /** Opens the session for these (already seated) members; see {@link #openPinnedSessions}. */
    static void openForMembers(PeerDay d, Session s, List<Learner> learners, boolean bestFit) {
        Period period = s.getPeriod();
        boolean quiet = learners.stream().anyMatch(Learner::isQuietSpace);
        for (Mode mode : preferredModes(s, learners.size())) {
            Focus focus = null;
            if (mode.isSharedFocus()) {
                focus = sharedFocus(s, mode, learners);
                if (focus == null) {
                    continue;
                }
            }
            Room room = d.findRoom(s, mode, learners.size(), quiet, bestFit);
            if (room == null) {
                room = d.findRoom(s, mode, learners.size(), false, bestFit);
            }
            if (room != null) {
                d.open(s, mode, room, focus);
                return;
            }
        }
        // Nothing fits: still hold it (the pin must stand), in its first modality, without a room.
        d.open(s, s.getAllowedModes().get(0), null, null);
    }

    private static List<Mode> preferredModes(Session s, int size) {
        List<Mode> modes = new ArrayList<>(s.getAllowedModes().stream()
                .filter(m -> m.serves(s.getPeriod().getKind().focusKind()) && !m.isOffSite())
                .filter(m -> PeerDay.cap(s, m) >= size).toList());
        modes.sort(Comparator.comparingInt((Mode m) -> m.isOneToOne() && size == 1 ? 0 : 1)
                .thenComparingInt(m -> m.isStaffLed() ? 0 : 1)
                .thenComparingInt(m -> m.isOnline() ? 1 : 0));
        return modes;
    }

    /** A focus all these students are eligible for and the adult may lead in this modality (smallest id), or null. */
    static Focus sharedFocus(Session s, Mode mode, List<Learner> learners) {
        Period period = s.getPeriod();
        Focus best = null;
        for (Option o : learners.get(0).options(period)) {
            Focus f = o.focus();
            if (!o.eligible() || !f.runsIn(mode) || (mode.needsQualifiedAdult() && s.getAdult() != null
                    && !s.getAdult().isQualifiedFor(f))) {
                continue;
            }
            if (learners.stream().allMatch(l -> PeerDay.eligible(l, period, f))
                    && (best == null || f.getId().compareTo(best.getId()) < 0)) {
                best = f;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Advisory
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Advisory as schools run it: each advisor with their advisees; advisees whose advisor is away (or has no block
     * left) go together to another free adult; what is left joins any advisory group with room, then the catch-all.
     */
    static void advisory(PeerDay d, Period period, boolean bestFit) {
        Map<Adult, List<Placement>> byAdvisor = new LinkedHashMap<>();
        List<Placement> noAdvisor = new ArrayList<>();
        for (Placement p : d.placements(period)) {
            if (d.isSeated(p)) {
                continue;
            }
            Adult advisor = p.getLearner().getAdvisor();
            if (advisor == null) {
                noAdvisor.add(p);
            } else {
                byAdvisor.computeIfAbsent(advisor, k -> new ArrayList<>()).add(p);
            }
        }
        List<List<Placement>> orphans = new ArrayList<>();
        for (Adult adult : d.day.getAdults()) {
            List<Placement> advisees = byAdvisor.remove(adult);
            if (advisees == null) {
                continue;
            }
            Session s = d.sessionOf(adult, period);
            List<Placement> left = s == null ? advisees : formGroup(d, s, advisees, bestFit);
            if (!left.isEmpty()) {
                orphans.add(left);
            }
        }
        byAdvisor.values().forEach(orphans::add);
        if (!noAdvisor.isEmpty()) {
            orphans.add(noAdvisor);
        }
        List<Placement> rest = new ArrayList<>();
        for (List<Placement> group : orphans) {
            List<Placement> left = group;
            for (Adult adult : d.day.getAdults()) {
                if (left.isEmpty()) {
                    break;
                }
                Session s = d.sessionOf(adult, period);
                if (s != null) {
                    left = formGroup(d, s, left, bestFit);
                }
            }
            rest.addAll(left);
        }
        joinOrCatchAll(d, period, rest, "no advisory group or catch-all with room");
    }

    /**
     * Opens a free session (adult has a block left) in the block's first suitable modality and seats as many of
     * {@code students} as fit, in order. Returns those not seated (all of them when the session cannot be opened).
     */
    static List<Placement> formGroup(PeerDay d, Session s, List<Placement> students, boolean bestFit) {
        if (s.isCatchAll() || d.isOpen(s) || s.getAdult() == null || !d.hasBudget(s.getAdult())) {
            return students;
        }
        FocusKind kind = s.getPeriod().getKind().focusKind();
        List<Mode> modes = new ArrayList<>(s.getAllowedModes());
        // Modalities the group is big enough for first; the adult's own order otherwise.
        modes.sort(Comparator.comparingInt(m -> m.getMinSize() > students.size() ? 1 : 0));
        for (Mode mode : modes) {
            if (!mode.serves(kind) || mode.isOffSite()) {
                continue;
            }
            List<Placement> mayJoin = students.stream().filter(p -> p.getCandidates().contains(s)).toList();
            if (mayJoin.isEmpty()) {
                return students;
            }
            int size = Math.min(mayJoin.size(), PeerDay.cap(s, mode));
            boolean quiet = mayJoin.subList(0, size).stream().anyMatch(p -> p.getLearner().isQuietSpace());
            Room room = d.findRoom(s, mode, size, quiet, bestFit);
            if (room == null && quiet) {
                room = d.findRoom(s, mode, size, false, bestFit);
            }
            if (room == null) {
                continue;
            }
            d.open(s, mode, room, null, size);
            List<Placement> left = new ArrayList<>();
            for (Placement p : students) {
                if (d.canJoin(p, s)) {
                    d.seat(p, s);
                } else {
                    left.add(p);
                }
            }
            return left;
        }
        return students;
    }

    /** Each student joins the first open group of the block that takes them, else the catch-all, else none. */
    static void joinOrCatchAll(PeerDay d, Period period, List<Placement> students, String why) {
        for (Placement p : students) {
            if (d.isSeated(p)) {
                continue;
            }
            boolean seated = false;
            for (Session s : d.sessions(period)) {
                if (!s.isCatchAll() && d.isOpen(s) && !d.members(s).isEmpty() && fitsFocus(d, p, s)
                        && d.canJoin(p, s)) {
                    d.seat(p, s);
                    seated = true;
                    break;
                }
            }
            if (!seated && !d.seatInCatchAll(p)) {
                d.unplaced(why);
            }
        }
    }

    /** The student could work on what the group was formed around (always, for individual and advisory groups). */
    static boolean fitsFocus(PeerDay d, Placement p, Session s) {
        Focus f = d.intended(s);
        return f == null || PeerDay.eligible(p.getLearner(), p.getPeriod(), f);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Activities
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Activities by sign-up, first come first served (students in the problem's order): each student gets their
     * first choice (requested, then most shared interests, then the list's order) that has a group with room, or
     * that a free adult and room can still be found for; else the catch-all.
     */
    static void activities(PeerDay d, Period period, boolean bestFit) {
        for (Placement p : d.placements(period)) {
            if (d.isSeated(p)) {
                continue;
            }
            List<Option> choices = new ArrayList<>(p.getLearner().options(period));
            choices.sort(Comparator.comparingLong((Option o) -> -o.rank()).thenComparing(o -> o.focus().getIndex()));
            if (!signUp(d, p, choices, bestFit) && !d.seatInCatchAll(p)) {
                d.unplaced("no activity group, free adult or catch-all with room");
            }
        }
    }

    private static boolean signUp(PeerDay d, Placement p, List<Option> choices, boolean bestFit) {
        Period period = p.getPeriod();
        for (Option choice : choices) {
            Focus activity = choice.focus();
            for (Session s : d.sessions(period)) {
                if (d.intended(s) == activity && d.canJoin(p, s)) {
                    d.seat(p, s);
                    return true;
                }
            }
            for (Adult adult : d.day.getAdults()) {
                Session s = d.sessionOf(adult, period);
                if (s == null || d.isOpen(s) || !d.hasBudget(adult) || !p.getCandidates().contains(s)) {
                    continue;
                }
                for (Mode mode : s.getAllowedModes()) {
                    if (!activity.runsIn(mode) || mode.isOffSite()) {
                        continue;
                    }
                    Room room = null;
                    for (Room r : d.day.getRooms()) {
                        if (activity.canHappenIn(r) && d.roomFits(s, mode, r, mode.getMaxSize() / 2,
                                p.getLearner().isQuietSpace())) {
                            room = r;
                            break;
                        }
                    }
                    if (room == null) {
                        continue;
                    }
                    d.open(s, mode, room, activity, Math.min(PeerDay.cap(s, mode), mode.getMaxSize() / 2));
                    if (d.canJoin(p, s)) {
                        d.seat(p, s);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean isSkillBlock(Period p) {
        return p.getKind() == BlockKind.SKILLS;
    }

    static Mode independentPractice(Session s) {
        return PeerDay.mode(s, ModalityCatalog.INDEPENDENT_PRACTICE);
    }
}
