package org.regroup.benchmarks.cpsat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import org.regroup.benchmarks.cpsat.DayModel.Seat;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Session;

/**
 * The shared focus of each session, chosen so that Regroup's {@code GroupSummary} derives the same one from the
 * members (otherwise an imported plan would be scored on another focus than the model priced).
 *
 * <p>GroupSummary picks, among foci that run in the modality, the one with (qualified for the adult, most eligible
 * members, highest summed preference, smallest id). In a plan that breaks no hard rule every member is eligible for
 * the chosen focus f and the adult is qualified for it, so f has the most eligible members there can be, and only
 * foci g for which every member is eligible too ({@code allEligible(s, g)}) and the adult is qualified compete. All
 * of them have the same member count, so the summed preference decides: requests, then goal values, then interests,
 * then unlocks (size × unlocks(g), so unlocks(g) itself), then the smaller id. This class gives every candidate focus
 * g a key that orders them exactly so:
 *
 * <pre>key(s, g) = Σ members p of (requested(p,g)·A + goalValue(p,g)·B + interest(p,g)·C) + position(g)</pre>
 *
 * with position(g) the rank of g by (unlocks, reversed id) and A, B, C large enough that no sum carries into the
 * next field. The model requires key(s, f) ≥ max over competing g with allEligible(s, g) of key(s, g).
 *
 * <p>Which foci a modality can run and which compete is {@link FocusCandidates}'s: in a single-seat modality the
 * focus is the one member's top option, required directly, without keys.
 */
final class FocusDerivation {

    private final DayModel m;
    private final CpModel model;

    private FocusDerivation(DayModel m) {
        this.m = m;
        this.model = m.model;
    }

    static void addTo(DayModel m) {
        FocusDerivation d = new FocusDerivation(m);
        for (Session s : m.sessions) {
            d.session(s);
        }
    }

    private void session(Session s) {
        Map<Focus, BoolVar> y = new LinkedHashMap<>();
        m.focusVars.add(y);
        m.sharedOpen.add(null);
        List<Seat> seats = m.seatsOfSession.get(s.getIndex());
        List<Mode> sharedModes = s.getAllowedModes().stream().filter(mode -> DayModel.isShared(s, mode)).toList();
        if (sharedModes.isEmpty() || seats.isEmpty()) {
            return;
        }
        // Foci the session could derive in each shared modality (FocusCandidates says which are left out and why).
        List<FocusCandidates.OfMode> byMode = FocusCandidates.of(m, s, seats, sharedModes);
        Set<Focus> all = new LinkedHashSet<>();
        Set<Focus> keyed = new LinkedHashSet<>();
        for (FocusCandidates.OfMode of : byMode) {
            all.addAll(of.foci());
            if (!of.singleSeat()) {
                keyed.addAll(of.foci());
            }
        }
        if (all.isEmpty()) {
            model.addEquality(m.shared.get(s.getIndex()), 0);
            return;
        }
        List<Focus> ordered = new ArrayList<>(all);
        ordered.sort(BY_POSITION);
        for (Focus f : ordered) {
            y.put(f, model.newBoolVar("focus_" + s.getId() + "_" + f.getId()));
        }
        // Exactly one focus when the session is held in a shared modality, none otherwise.
        BoolVar sharedOpen = m.logic.and(m.open.get(s.getIndex()), m.shared.get(s.getIndex()));
        m.sharedOpen.set(s.getIndex(), sharedOpen);
        model.addEquality(Logic.sum(new ArrayList<>(y.values())), sharedOpen);
        // A focus runs only in modalities it may be derived in.
        for (FocusCandidates.OfMode of : byMode) {
            BoolVar z = m.modeVar(s, of.mode());
            for (Focus f : ordered) {
                if (!of.foci().contains(f)) {
                    model.addBoolOr(new com.google.ortools.sat.Literal[] { y.get(f).not(), z.not() });
                }
            }
        }
        // Single-seat modality: the focus is the top option of the one member (the cap keeps it to one).
        for (FocusCandidates.OfMode of : byMode) {
            if (!of.singleSeat()) {
                continue;
            }
            BoolVar z = m.modeVar(s, of.mode());
            of.topOf().forEach((f, tops) -> model.addGreaterOrEqual(Logic.sum(tops.stream().map(Seat::var)
                    .toList()), 1).onlyEnforceIf(new com.google.ortools.sat.Literal[] { y.get(f), z }));
        }
        if (keyed.isEmpty()) {
            return;
        }

        List<Focus> keyOrder = new ArrayList<>(keyed);
        keyOrder.sort(BY_POSITION);
        Map<Focus, LinearExpr> key = keys(s, seats, keyOrder);
        Map<Focus, BoolVar> allEligible = new HashMap<>();
        for (Focus g : keyOrder) {
            allEligible.put(g, allEligible(s, seats, g));
        }
        // One bound per distinct competitor set (modalities differ only by qualification and what runs in them):
        // it is at least the key of every competitor all members are eligible for, and the chosen focus's key
        // reaches it. Keys are distinct (position), so the chosen focus is the one GroupSummary derives.
        Map<Set<Focus>, IntVar> boundBySet = new HashMap<>();
        for (FocusCandidates.OfMode of : byMode) {
            Set<Focus> set = of.foci();
            if (of.singleSeat() || set.isEmpty()) {
                continue;
            }
            IntVar bound = boundBySet.computeIfAbsent(set, c -> {
                long ub = c.stream().mapToLong(g -> upperBound(key.get(g))).max().orElse(0);
                IntVar v = model.newIntVar(0, ub, "bestkey_" + s.getId());
                for (Focus g : c) {
                    model.addGreaterOrEqual(v, key.get(g)).onlyEnforceIf(allEligible.get(g));
                }
                return v;
            });
            BoolVar z = m.modeVar(s, of.mode());
            for (Focus f : set) {
                model.addGreaterOrEqual(key.get(f), bound).onlyEnforceIf(new com.google.ortools.sat.Literal[] {
                        y.get(f), z });
            }
        }
    }

    /** Unlocks, then reversed id: a later position wins GroupSummary's last tie-breaks. */
    private static final Comparator<Focus> BY_POSITION = Comparator.comparingInt(Focus::getUnlocks)
            .thenComparing(Focus::getId, Comparator.reverseOrder());

    /** GroupSummary checks qualification only where the modality needs a qualified adult and there is an adult. */
    static boolean qualified(Session s, Mode mode, Focus f) {
        return s.getAdult() == null || !mode.needsQualifiedAdult() || s.getAdult().isQualifiedFor(f);
    }

    private Map<Focus, LinearExpr> keys(Session s, List<Seat> seats, List<Focus> ordered) {
        long n = seats.size();
        int maxInterest = 0;
        int maxGoal = 0;
        for (Seat seat : seats) {
            for (Option o : m.eligible(seat.placement())) {
                maxInterest = Math.max(maxInterest, o.interest());
                maxGoal = Math.max(maxGoal, o.goalValue());
            }
        }
        long c = ordered.size() + 1L;
        long b = c * (n * maxInterest + 1);
        long a = b * (n * maxGoal + 1);
        Map<Focus, Integer> position = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i), i + 1);
        }
        Map<Focus, LinearExprBuilder> builders = new HashMap<>();
        for (Focus g : ordered) {
            builders.put(g, LinearExpr.newBuilder().add(position.get(g)));
        }
        for (Seat seat : seats) {
            for (Option o : m.eligible(seat.placement())) {
                LinearExprBuilder k = builders.get(o.focus());
                long weight = (o.requested() ? a : 0) + o.goalValue() * b + o.interest() * c;
                if (k != null && weight != 0) {
                    k.addTerm(seat.var(), weight);
                }
            }
        }
        Map<Focus, LinearExpr> result = new HashMap<>();
        builders.forEach((g, k) -> result.put(g, k.build()));
        return result;
    }

    /**
     * True when every member is eligible for g. Only that direction is enforced: when some member is not, the model
     * may set it either way (true merely adds a bound, which can only remove solutions), but it can never hide a
     * competitor every member is eligible for. One short constraint per focus instead of one per seat.
     */
    private BoolVar allEligible(Session s, List<Seat> seats, Focus g) {
        LinearExprBuilder eligibleMembers = LinearExpr.newBuilder();
        for (Seat seat : seats) {
            if (m.eligibleFoci(seat.placement()).contains(g)) {
                eligibleMembers.add(seat.var());
            }
        }
        BoolVar allEligible = model.newBoolVar("alleligible_" + s.getId() + "_" + g.getId());
        // size − eligible members ≥ 1 unless allEligible
        model.addGreaterOrEqual(LinearExpr.newBuilder().add(allEligible).add(m.sizeVar.get(s.getIndex()))
                .addTerm(eligibleMembers.build(), -1).build(), 1);
        return allEligible;
    }

    /** Keys have only non-negative terms over 0/1 variables. */
    private static long upperBound(LinearExpr key) {
        long ub = key.getOffset();
        for (int i = 0; i < key.numElements(); i++) {
            ub += Math.max(0, key.getCoefficient(i));
        }
        return ub;
    }
}
