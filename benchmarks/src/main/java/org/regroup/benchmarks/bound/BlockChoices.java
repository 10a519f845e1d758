package org.regroup.benchmarks.bound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.regroup.domain.BlockKind;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.GroupSummary;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * The choices of one student-block, each priced by the per-block rules. A choice is left out only when every plan
 * that made it would break a hard rule whatever the rest of the plan is (so leaving it out keeps the bound sound):
 * a modality the block or the adult cannot run, a focus the student is not eligible for or the adult is not
 * qualified to teach, or no allowed space that could host it.
 */
final class BlockChoices {

    /** What a choice meets of the student's whole-day goals (see {@link StudentDayBound}). */
    interface Goals {
        int met(Period period, Session session, Mode mode, Focus focus);
    }

    /** Numbers the group seats a choice takes (session, modality, shared focus or null); -1 when not priced. */
    interface Seats {
        Seats NONE = (s, m, f) -> -1;

        int seat(Session s, Mode m, Focus sharedFocus);
    }

    private final Weights w;
    private final Seats seats;

    BlockChoices(Weights w) {
        this(w, Seats.NONE);
    }

    BlockChoices(Weights w, Seats seats) {
        this.w = w;
        this.seats = seats;
    }

    /**
     * The choices of {@code p}, cheapest kept among those the rest of the day cannot tell apart.
     *
     * @param mayTravel the block may be left empty because travel to an off-site block next to it takes it
     */
    List<Choice> of(Placement p, boolean mayTravel, Goals goals) {
        Map<Object, Choice> cheapest = new LinkedHashMap<>();
        if (mayTravel) {
            keep(cheapest, priced(p, null, null, null, null, goals));
        }
        Set<Session> sessions = new LinkedHashSet<>(p.getCandidates());
        if (p.getSession() != null) {
            sessions.add(p.getSession()); // a pinned seat outside the list still counts
        }
        for (Session s : sessions) {
            for (Mode m : s.getAllowedModes()) {
                if (runnable(s, m)) {
                    for (Focus f : foci(p, s, m)) {
                        List<Room> rooms = rooms(p, s, m, f);
                        if (!rooms.isEmpty()) {
                            keep(cheapest, priced(p, s, m, f, rooms, goals));
                        }
                    }
                }
            }
        }
        return List.copyOf(cheapest.values());
    }

    /** The rest of the day sees a choice only through its focus, modality, placed-ness, goals met and seat. */
    private static void keep(Map<Object, Choice> cheapest, Choice c) {
        Object key = List.of(c.placed(), Objects.toString(c.focus()), Objects.toString(c.mode()), c.mask(),
                c.seat());
        Choice old = cheapest.get(key);
        if (old == null || c.total() < old.total()) {
            cheapest.put(key, c);
        }
    }

    /** Hard rules "Modality does not fit the block" and "Staff may not lead the modality". */
    private static boolean runnable(Session s, Mode m) {
        if (s.isCatchAll()) {
            return true;
        }
        return m.serves(s.getPeriod().getKind().focusKind()) && (s.getAdult() == null || s.getAdult().mayLead(m));
    }

    /**
     * What the student may work on there without a hard break: in a shared-focus group any focus they are eligible
     * for that runs in the modality and that the adult may teach; otherwise (individual modalities, catch-all) their
     * best option, which must be eligible.
     */
    private static List<Focus> foci(Placement p, Session s, Mode m) {
        Learner l = p.getLearner();
        Period period = p.getPeriod();
        if (m.isSharedFocus() && !s.isCatchAll()) {
            List<Focus> foci = new ArrayList<>();
            for (Option o : l.options(period)) {
                if (o.eligible() && o.focus().runsIn(m) && qualified(s, m, o.focus())) {
                    foci.add(o.focus());
                }
            }
            return foci;
        }
        Option best = l.best(period);
        return best != null && best.eligible() ? List.of(best.focus()) : List.of();
    }

    private static boolean qualified(Session s, Mode m, Focus f) {
        return s.getAdult() == null || !m.needsQualifiedAdult() || s.getAdult().isQualifiedFor(f);
    }

    /**
     * The allowed spaces the session could use for this student without a hard break (suitable for the modality,
     * open in the block, quiet if the student needs it, on site if they must stay, the activity's own place, an
     * off-site supervisor for off-site). A session needs a space, so none means the choice is impossible.
     */
    private static List<Room> rooms(Placement p, Session s, Mode m, Focus f) {
        Learner l = p.getLearner();
        boolean shared = m.isSharedFocus() && !s.isCatchAll();
        Set<Room> all = new LinkedHashSet<>(s.getAllowedRooms());
        if (s.getRoom() != null) {
            all.add(s.getRoom());
        }
        List<Room> ok = new ArrayList<>();
        for (Room r : all) {
            boolean usable = r.hasAll(m.getRequiredFeatures()) && r.isOffSite() == m.isOffSite()
                    && r.isAvailableIn(p.getPeriod()) && r.getCapacity() >= 1
                    && !(r.isOffSite() && (l.isNoOffSite()
                            || s.getAdult() != null && !s.getAdult().isMaySuperviseOffSite()))
                    && !(l.isQuietSpace() && !r.isQuiet())
                    && (!shared || f.canHappenIn(r));
            if (usable) {
                ok.add(r);
            }
        }
        return ok;
    }

    private Choice priced(Placement p, Session s, Mode m, Focus f, List<Room> rooms, Goals goals) {
        double[] c = new double[Term.COUNT];
        Period period = p.getPeriod();
        Learner l = p.getLearner();
        if (s != null) {
            Option best = l.best(period);
            Option o = l.option(period, f);
            boolean skills = period.getKind() == BlockKind.SKILLS;
            charge(c, Term.GOAL, Math.max(0, best.goalValue() - o.goalValue()));
            if (f.isSkill()) {
                charge(c, Term.URGENCY, Math.min(GroupSummary.MAX_URGENCY_GAP,
                        Math.max(0, best.focus().getUnlocks() - f.getUnlocks())));
                charge(c, Term.STATE, o.state() != null && !m.suits(o.state()) ? 1 : 0);
            } else if (f.getKind() == org.regroup.domain.FocusKind.ACTIVITY && o.interest() == 0) {
                charge(c, Term.INTEREST, 1);
            }
            if (l.avoids(m)) {
                charge(c, Term.AVOIDED, 1);
            } else if (l.hasPreferences() && !l.prefers(m)) {
                charge(c, Term.NOT_PREFERRED, 1);
            }
            charge(c, Term.BEHIND, l.isBehind() && !m.isStaffLed() && skills ? 1 : 0);
            charge(c, Term.ALONE, !m.isStaffLed() && !s.isCatchAll() && skills ? 1 : 0);
            charge(c, Term.CATCH_ALL, s.isCatchAll() ? 1 : 0);
            charge(c, Term.THREE_DAYS, l.hasTwoDaysRunning() && l.hadTwoDaysRunning(f.getId(), m.getId()) ? 1 : 0);
            if (!s.isCatchAll() && seats == Seats.NONE) {
                // With seat prices the sessions pay these themselves (CapacityPrices), exactly.
                // The group holds at most `cap` students, so `cap` seats paying 1/cap each never pay more than it.
                double cap = Math.min(s.capIn(m), rooms.stream().mapToInt(Room::getCapacity).max().orElseThrow());
                c[Term.OPEN.ordinal()] = w.of(Term.OPEN) / cap;
                if (s.getAdult() != null) {
                    // An adult with k sessions pays k² ≥ k: at least one unit per session.
                    c[Term.LOAD.ordinal()] = w.of(Term.LOAD) / cap;
                }
            }
        }
        charge(c, Term.MOVED, moved(p, s, m, f, rooms));
        double total = 0;
        for (double v : c) {
            total += v;
        }
        int seat = s == null ? -1 : seats.seat(s, m, m.isSharedFocus() && !s.isCatchAll() ? f : null);
        return new Choice(s, m, f, c, total, goals.met(period, s, m, f), seat);
    }

    private void charge(double[] c, Term t, int units) {
        c[t.ordinal()] += (double) w.of(t) * units;
    }

    /** "Student moved from their previous group", as the rule counts it, in the most favourable allowed space. */
    private static int moved(Placement p, Session s, Mode m, Focus f, List<Room> rooms) {
        String adult = p.getPreviousAdultId();
        String seat = p.getPreviousSeatId();
        boolean leftAdult = adult != null && (s == null || s.getAdult() == null
                || !adult.equals(s.getAdult().getId()));
        boolean leftSeat = seat != null && (s == null || !seat.equals(s.getId()));
        if (leftAdult || leftSeat) {
            return 1;
        }
        if (adult == null) {
            return 0;
        }
        for (Room r : rooms) {
            // A stand-in session with this modality and space: Placement compares what it remembers with it.
            Session probe = new Session(s.getId(), s.getPeriod(), s.getAdult(), List.of(m), List.of(r));
            probe.setMode(m);
            probe.setRoom(r);
            if (!p.differsFromPrevious(probe, f)) {
                return 0;
            }
        }
        return 1;
    }
}
