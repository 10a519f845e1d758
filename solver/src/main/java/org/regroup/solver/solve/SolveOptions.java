package org.regroup.solver.solve;

import java.time.Duration;

import ai.timefold.solver.core.config.solver.EnvironmentMode;

/**
 * How long and how to solve.
 *
 * @param timeLimit           stop after this long
 * @param unimprovedTimeLimit stop earlier when the best plan has not improved for this long (none when null)
 * @param seed                a seed makes the run reproducible (and adds phase assertions); null: non-reproducible
 * @param environmentMode     overrides the mode the seed implies (tests use FULL_ASSERT)
 * @param stepCountLimit      end local search after this many steps (tests, probes; null: no limit)
 */
public record SolveOptions(Duration timeLimit, Duration unimprovedTimeLimit, Long seed,
        EnvironmentMode environmentMode, Integer stepCountLimit) {

    public static SolveOptions of(Duration timeLimit) {
        return new SolveOptions(timeLimit, null, null, null, null);
    }

    public SolveOptions withSeed(long seed) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, seed, environmentMode, stepCountLimit);
    }

    public SolveOptions withUnimproved(Duration unimproved) {
        return new SolveOptions(timeLimit, unimproved, seed, environmentMode, stepCountLimit);
    }

    public SolveOptions withEnvironmentMode(EnvironmentMode mode) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, seed, mode, stepCountLimit);
    }

    public SolveOptions withStepCountLimit(int steps) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, seed, environmentMode, steps);
    }
}
