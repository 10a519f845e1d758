package org.regroup.solver.construct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.regroup.solver.model.Adult;
import org.regroup.solver.model.Ask;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * Off-site trips whose travel takes the neighbouring blocks are planned before the day is built block by block. By
 * the time the builder reached a trip's block it had already seated the adult who could take the group, and the
 * students who asked to go, in the block before; local search could then only drop the trip (every request for it
 * unhonoured) or leave the adult in two places. Here each requested trip gets a cleared adult, its site and its
 * students up front; the adult's and the students' travel blocks are kept free.
 */
final class TripPlanner {

    /** A trip: the adult's slot, how and where it runs, on what, who goes, and the blocks travel takes. */
    record Trip(Session slot, Mode mode, Room site, Focus focus, List<Placement> students, Set<Period> travel) {

        Period period() {
            return slot.getPeriod();
        }
    }

    private TripPlanner() {
    }

    /** The trips the day's requests ask for, one per cleared adult and block at most, most requested first. */
    static List<Trip> plan(DayPlan plan) {
        Map<Learner, Map<Period, Placement>> placements = new IdentityHashMap<>();
        for (Placement p : plan.getPlacements()) {
            placements.computeIfAbsent(p.getLearner(), l -> new IdentityHashMap<>()).put(p.getPeriod(), p);
        }
        Map<Period, List<Session>> slots = new IdentityHashMap<>();
        for (Session s : plan.getSessions()) {
            if (s.getAdult() != null && !s.isCatchAll() && s.getAdult().isMaySuperviseOffSite()) {
                slots.computeIfAbsent(s.getPeriod(), p -> new ArrayList<>()).add(s);
            }
        }
        List<Trip> trips = new ArrayList<>();
        Set<Adult> busyAdults = new HashSet<>(); // one trip a day per adult keeps this simple and safe
        Set<Learner> going = new HashSet<>();
        for (Map.Entry<Period, Map<Focus, List<Ask>>> wanted : requestedTrips(plan).entrySet()) {
            Period period = wanted.getKey();
            for (Map.Entry<Focus, List<Ask>> e : wanted.getValue().entrySet()) {
                Trip trip = tripFor(plan, period, e.getKey(), e.getValue(), slots.getOrDefault(period, List.of()),
                        placements, busyAdults, going);
                if (trip != null) {
                    trips.add(trip);
                    busyAdults.add(trip.slot().getAdult());
                    trip.students().forEach(p -> going.add(p.getLearner()));
                }
            }
        }
        return trips;
    }

    /** Requests for a focus that only happens off site, by block (a request for any block: each block it runs in). */
    private static Map<Period, Map<Focus, List<Ask>>> requestedTrips(DayPlan plan) {
        Map<Period, Map<Focus, List<Ask>>> wanted = new LinkedHashMap<>();
        for (Period period : plan.getPeriods()) {
            for (Ask ask : plan.getAsks()) {
                if (ask.focus() == null || ask.period() != null && ask.period() != period
                        || ask.learner().isNoOffSite() || !ask.learner().isIn(period)
                        || ask.learner().option(period, ask.focus()) == null || !onlyOffSite(plan, ask.focus())) {
                    continue;
                }
                wanted.computeIfAbsent(period, p -> new LinkedHashMap<>())
                        .computeIfAbsent(ask.focus(), f -> new ArrayList<>()).add(ask);
            }
        }
        return wanted;
    }

    private static boolean onlyOffSite(DayPlan plan, Focus focus) {
        boolean any = false;
        for (Room r : plan.getRooms()) {
            if (focus.canHappenIn(r)) {
                if (!r.isOffSite()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static Trip tripFor(DayPlan plan, Period period, Focus focus, List<Ask> asks, List<Session> slots,
            Map<Learner, Map<Period, Placement>> placements, Set<Adult> busyAdults, Set<Learner> going) {
        Trip best = null;
        int bestCost = Integer.MAX_VALUE;
        for (Session slot : slots) {
            if (busyAdults.contains(slot.getAdult())) {
                continue;
            }
            for (Mode mode : slot.getAllowedModes()) {
                if (!mode.isOffSite() || !focus.runsIn(mode)) {
                    continue;
                }
                for (Room site : slot.getAllowedRooms()) {
                    if (!site.isOffSite() || !focus.canHappenIn(site) || !site.isAvailableIn(period)
                            || !site.hasAll(mode.getRequiredFeatures())) {
                        continue;
                    }
                    Set<Period> travel = travelBlocks(plan, period, site);
                    if (travel.isEmpty()) {
                        continue; // travel fits between the blocks: the builder plans the trip in its block
                    }
                    int cap = Math.min(slot.capIn(mode), site.getCapacity());
                    List<Placement> students = students(asks, slot, period, cap, placements, going);
                    if (students.size() < mode.getMinSize()) {
                        continue;
                    }
                    int cost = adultBlocksLost(plan, slot.getAdult(), travel);
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = new Trip(slot, mode, site, focus, students, travel);
                    }
                }
            }
        }
        return best;
    }

    /** The neighbouring blocks travel to and from {@code site} takes (it does not fit in the gap). */
    static Set<Period> travelBlocks(DayPlan plan, Period period, Room site) {
        Set<Period> travel = new HashSet<>();
        List<Period> periods = plan.getPeriods();
        int i = period.getIndex();
        if (i > 0 && site.getTravelMinutes() > period.getGapBeforeMinutes()) {
            travel.add(periods.get(i - 1));
        }
        if (i + 1 < periods.size() && site.getTravelMinutes() > period.getGapAfterMinutes()) {
            travel.add(periods.get(i + 1));
        }
        return travel;
    }

    /** Who goes: those who asked, highest priority first, keeping apart those kept apart, up to the cap. */
    private static List<Placement> students(List<Ask> asks, Session slot, Period period, int cap,
            Map<Learner, Map<Period, Placement>> placements, Set<Learner> going) {
        List<Ask> ordered = new ArrayList<>(asks);
        ordered.sort(Comparator.comparingInt((Ask a) -> a.priority().ordinal())
                .thenComparingInt(a -> a.learner().getIndex()));
        List<Placement> students = new ArrayList<>();
        Set<Learner> chosen = new HashSet<>();
        for (Ask ask : ordered) {
            Learner l = ask.learner();
            Placement p = placements.getOrDefault(l, Map.of()).get(period);
            if (students.size() >= cap || p == null || p.isPinned() || chosen.contains(l) || going.contains(l)
                    || !p.isCandidate(slot) || l.getKeepApart().stream().anyMatch(chosen::contains)) {
                continue;
            }
            students.add(p);
            chosen.add(l);
        }
        return students;
    }

    /** Blocks the adult would have worked that travel takes from them. */
    private static int adultBlocksLost(DayPlan plan, Adult adult, Set<Period> travel) {
        int lost = 0;
        for (Session s : plan.getSessions()) {
            if (s.getAdult() == adult && travel.contains(s.getPeriod())) {
                lost++;
            }
        }
        return lost;
    }
}
