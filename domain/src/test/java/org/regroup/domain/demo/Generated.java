package org.regroup.domain.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.DatasetGenerator.Preset;

/** Presets generated once per test run (seed 1), shared by the test classes to keep the suite fast. */
final class Generated {

    static final long SEED = 1;
    private static final Map<Preset, DayProblem> CACHE = new ConcurrentHashMap<>();

    private Generated() {
    }

    static DayProblem preset(Preset preset) {
        return CACHE.computeIfAbsent(preset, p -> DatasetGenerator.generate(p, SEED));
    }
}
