package org.regroup.benchmarks.cpsat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.regroup.benchmarks.cpsat.DayModel.Seat;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Session;

/**
 * Which foci a session can run in each of its shared-focus modalities, and which compete with them for
 * {@link FocusDerivation}. A focus is left out only where no plan the model admits could derive it:
 *
 * <ul>
 * <li><b>Single-seat modalities</b> (cap 1 by the modality, the adult or the candidates, e.g. one-to-one; a hard
 * cap): the one member's own top option there (eligible, runs in the modality, adult qualified; highest
 * {@link Option#preference()}, then smallest id — GroupSummary's order for one member). Exact in every scope: the
 * derived focus of a one-member group is that option, so no other focus is ever derivable, and the competitor keys
 * are not needed.
 * <li><b>Group modalities</b>: foci some candidate is eligible for (every scope), and in a {@link Scope#WORKABLE}
 * model only those with at least the modality's minimum size of eligible candidates: a workable group is at least
 * that large (the minimum is a medium rule) and every member is eligible for its focus, so a focus with fewer
 * eligible candidates can neither be the group's focus nor a competitor every member is eligible for.
 * </ul>
 */
final class FocusCandidates {

    /** A shared modality of the session: the foci it may run, and for single-seat ones whose top option each is. */
    record OfMode(Mode mode, boolean singleSeat, Set<Focus> foci, Map<Focus, List<Seat>> topOf) {
    }

    private FocusCandidates() {
    }

    static List<OfMode> of(DayModel m, Session s, List<Seat> seats, List<Mode> sharedModes) {
        Map<Focus, Integer> eligibleCandidates = new HashMap<>();
        for (Seat seat : seats) {
            for (Option o : m.eligible(seat.placement())) {
                eligibleCandidates.merge(o.focus(), 1, Integer::sum);
            }
        }
        List<OfMode> result = new ArrayList<>();
        for (Mode mode : sharedModes) {
            if (cap(s, mode, seats.size()) <= 1) {
                Map<Focus, List<Seat>> topOf = new LinkedHashMap<>();
                for (Seat seat : seats) {
                    Option top = top(m, s, mode, seat);
                    if (top != null) {
                        topOf.computeIfAbsent(top.focus(), f -> new ArrayList<>()).add(seat);
                    }
                }
                result.add(new OfMode(mode, true, new LinkedHashSet<>(topOf.keySet()), topOf));
                continue;
            }
            int needed = m.scope == Scope.WORKABLE ? Math.max(1, mode.getMinSize()) : 1;
            Set<Focus> foci = new LinkedHashSet<>();
            for (Seat seat : seats) {
                for (Option o : m.eligible(seat.placement())) {
                    Focus f = o.focus();
                    if (f.runsIn(mode) && FocusDerivation.qualified(s, mode, f) && eligibleCandidates.get(f) >= needed) {
                        foci.add(f);
                    }
                }
            }
            result.add(new OfMode(mode, false, foci, Map.of()));
        }
        return result;
    }

    /**
     * The most students the session can hold in the modality: Timefold's hard caps ({@link Session#capIn}, group and
     * adult), which the model's (HardRules.sizeCaps) never exceed, and its candidates.
     */
    static long cap(Session s, Mode mode, int candidates) {
        return Math.min(s.capIn(mode), candidates);
    }

    /** The focus GroupSummary derives for this student alone in the session in that modality; null: none. */
    private static Option top(DayModel m, Session s, Mode mode, Seat seat) {
        Option top = null;
        for (Option o : m.eligible(seat.placement())) {
            Focus f = o.focus();
            if (!f.runsIn(mode) || !FocusDerivation.qualified(s, mode, f)) {
                continue;
            }
            if (top == null || o.preference() > top.preference()
                    || o.preference() == top.preference() && f.getId().compareTo(top.focus().getId()) < 0) {
                top = o;
            }
        }
        return top;
    }
}
