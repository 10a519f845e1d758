package org.regroup.solver;

import java.time.Duration;

import org.regroup.solver.solve.SolveOptions;

/**
 * Solves in tests end by work done, not by the clock: a seeded search stopped after a number of local-search steps
 * reaches the same plan on an idle machine and on a loaded one. The time limit is only a guard against a solve that
 * never ends; no test's outcome may depend on it.
 */
public final class StepBounded {

    /** Minutes beyond what any step-bounded solve here takes, even on a busy machine. */
    public static final Duration GUARD = Duration.ofMinutes(10);

    private StepBounded() {
    }

    /** A seeded solve that ends after {@code steps} local-search steps (0: construction only). */
    public static SolveOptions steps(long seed, int steps) {
        return SolveOptions.of(GUARD).withSeed(seed).withStepCountLimit(steps);
    }
}
