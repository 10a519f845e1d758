package org.regroup.benchmarks.bound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regroup.solver.model.Adult;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Session;

/**
 * A Lagrangian relaxation of what students do to each other in a session. A seat {@code k} is a session in one
 * modality on one shared focus (individual modalities: any focus). In a workable plan each session runs at most one
 * seat ({@code z_k ∈ {0,1}}, {@code Σ_k z_k ≤ 1} per session, at most {@code maxTeachingBlocks} sessions per adult),
 * a student sits in a seat only if it runs ({@code x_ik ≤ z_k}), a seat holds at most {@code cap_k} students
 * ({@code Σ_i x_ik ≤ cap_k z_k}) and at least its modality's minimum ({@code Σ_i x_ik ≥ min_k z_k}, medium). With
 * prices {@code μ_ik, λ_k, ν_k ≥ 0} on those three:
 * <pre>
 *   penalty(plan) ≥ Σ_i cost_i + Σ_ik μ_ik (x_ik − z_k) + Σ_k λ_k (Σ_i x_ik − cap_k z_k)
 *                    + Σ_k ν_k (min_k z_k − Σ_i x_ik)
 *                ≥ Σ_i min_day (cost_i + Σ_k x_ik (μ_ik + λ_k − ν_k))
 *                    − max_z Σ_k z_k (Σ_i μ_ik + λ_k cap_k − ν_k min_k)
 * </pre>
 * for any prices (the added terms are ≤ 0 in a workable plan). The prices only decide how tight the bound is; a fixed
 * number of subgradient steps improves them, so the bound never depends on the machine's speed.
 */
final class CapacityPrices implements BlockChoices.Seats {

    private final Map<List<Object>, Integer> ids = new HashMap<>();
    private final List<Session> sessionOf = new ArrayList<>();
    private final List<Integer> capOf = new ArrayList<>();
    private final List<Integer> minOf = new ArrayList<>();

    @Override
    public int seat(Session s, Mode m, Focus sharedFocus) {
        int cap = s.capIn(m);
        if (cap == Integer.MAX_VALUE) {
            return -1; // a catch-all without a capacity: nothing to price
        }
        return ids.computeIfAbsent(Arrays.asList(s, m, sharedFocus), k -> {
            sessionOf.add(s);
            capOf.add(Math.max(0, cap));
            minOf.add(s.isCatchAll() ? 0 : Math.max(0, m.getMinSize()));
            return sessionOf.size() - 1;
        });
    }

    int size() {
        return sessionOf.size();
    }

    int cap(int seat) {
        return capOf.get(seat);
    }

    /** The fewest students the seat may run with (the modality's minimum; 0 for a catch-all). */
    int min(int seat) {
        return minOf.get(seat);
    }

    /**
     * What the sessions give back at these prices ({@code gain}: the values of the seats they take), what opening
     * them costs ("Open session", and "Staff load" as the square of each adult's sessions, exactly), and which seat
     * each session takes (the others: none).
     */
    record Sessions(double gain, double open, double load, boolean[] taken) {
    }

    /**
     * Each session takes at most one seat: a seat is worth its capacity price times its capacity plus the prices
     * its students pay for being in it ({@code shared[k]}), less its minimum price times its minimum size. An adult
     * of ours opens the {@code j ≤ maxTeachingBlocks} most valuable of their sessions that maximise the values less
     * {@code open·j + load·j²}; a session without an adult opens when its value exceeds {@code open}; a catch-all
     * (no open or load cost) when its value is positive. Exact, so the bound stays a bound.
     */
    Sessions sessions(double[] capacity, double[] shared, double[] minimum, Weights w) {
        double[] value = new double[size()];
        Map<Session, Integer> bestSeat = new LinkedHashMap<>();
        for (int k = 0; k < size(); k++) {
            value[k] = capacity[k] * cap(k) + shared[k] - minimum[k] * min(k);
            Session s = sessionOf.get(k);
            Integer old = bestSeat.get(s);
            if (old == null || value[k] > value[old]) {
                bestSeat.put(s, k);
            }
        }
        double openWeight = w.of(Term.OPEN);
        double loadWeight = w.of(Term.LOAD);
        Map<Adult, List<Integer>> byAdult = new LinkedHashMap<>();
        boolean[] taken = new boolean[size()];
        double gain = 0;
        double open = 0;
        double load = 0;
        for (var e : bestSeat.entrySet()) {
            int k = e.getValue();
            Session s = e.getKey();
            if (s.getAdult() != null && !s.isCatchAll()) {
                byAdult.computeIfAbsent(s.getAdult(), a -> new ArrayList<>()).add(k);
            } else if (value[k] > (s.isCatchAll() ? 0 : openWeight)) {
                taken[k] = true;
                gain += value[k];
                open += s.isCatchAll() ? 0 : openWeight;
            }
        }
        for (var e : byAdult.entrySet()) {
            List<Integer> seats = e.getValue();
            seats.sort((a, b) -> Double.compare(value[b], value[a]));
            int most = Math.min(seats.size(), Math.max(0, e.getKey().getMaxTeachingBlocks()));
            int bestJ = 0;
            double bestNet = 0;
            double sum = 0;
            for (int j = 1; j <= most; j++) {
                sum += value[seats.get(j - 1)];
                double net = sum - openWeight * j - loadWeight * j * j;
                if (net > bestNet) {
                    bestNet = net;
                    bestJ = j;
                }
            }
            for (int i = 0; i < bestJ; i++) {
                taken[seats.get(i)] = true;
                gain += value[seats.get(i)];
            }
            open += openWeight * bestJ;
            load += loadWeight * bestJ * bestJ;
        }
        return new Sessions(gain, open, load, taken);
    }
}
