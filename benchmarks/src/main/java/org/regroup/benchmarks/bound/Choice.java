package org.regroup.benchmarks.bound;

import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Session;

/**
 * One way a student could spend one block in a plan with no hard or medium rule broken: a candidate session in one
 * of its modalities, on a focus the student is eligible for (or no session, where travel to an off-site block may
 * take this one).
 *
 * @param costs what the per-block rules charge for it, by {@link Term} ordinal (soft points, positive = penalty)
 * @param total the sum of {@code costs}
 * @param mask  the student's day goals it meets (advisor seen, requests honoured): bits of {@link StudentDayBound}
 * @param seat  the group seat it takes (session, modality, shared focus) for {@link CapacityPrices}; -1: none
 */
record Choice(Session session, Mode mode, Focus focus, double[] costs, double total, int mask, int seat) {

    boolean placed() {
        return session != null;
    }
}
