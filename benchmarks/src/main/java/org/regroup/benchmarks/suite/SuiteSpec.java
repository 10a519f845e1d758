package org.regroup.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a suite runs: every dataset × solver × seed for the longest time limit (the shorter limits are read from the
 * same run), a scaling series of generated schools, and Regroup's local-search variants through Timefold's
 * Benchmarker (the last two may be empty, as in the shapes suite).
 *
 * @param datasets         day-problem files
 * @param solvers          names from {@link Contenders}
 * @param limits           time limits in seconds, ascending; each run lasts the last one
 * @param scalingStudents  school sizes for the scaling series (Regroup only, heap capped at {@link #SCALING_HEAP})
 * @param scalingLimit     seconds per scaling run
 * @param benchmarkerDays  days for the Benchmarker (empty: skip it)
 * @param benchmarkerLimit seconds per Benchmarker run
 */
public record SuiteSpec(String name, List<String> datasets, List<String> solvers, List<Long> seeds,
        List<Double> limits, List<Integer> scalingStudents, double scalingLimit, List<String> benchmarkerDays,
        double benchmarkerLimit) {

    /** The suite of school shapes (its days are found at run time). */
    public static final String SHAPES = "shapes";
    /** Heap of each dataset run's JVM. */
    public static final String RUN_HEAP = "-Xmx2g";
    /** Heap of each scaling run's JVM: the bound for 3,000 students. */
    public static final String SCALING_HEAP = "-Xmx1g";

    private static final List<String> PEERS_AND_REGROUP = List.of(Contenders.REGROUP, "cp-sat", "greedy",
            "static-tracking");

    public SuiteSpec {
        datasets = List.copyOf(datasets);
        solvers = List.copyOf(solvers);
        seeds = List.copyOf(seeds);
        limits = List.copyOf(limits);
        // Empty lists are left out of the written JSON (the shapes suite has no scaling series and no Benchmarker).
        scalingStudents = scalingStudents == null ? List.of() : List.copyOf(scalingStudents);
        benchmarkerDays = benchmarkerDays == null ? List.of() : List.copyOf(benchmarkerDays);
    }

    /** A few minutes: every solver once on small and medium at 10 s, two scaling points, the Benchmarker on small. */
    public static SuiteSpec quick() {
        return new SuiteSpec("quick", List.of("datasets/small.json", "datasets/medium.json"), PEERS_AND_REGROUP,
                List.of(1L), List.of(10.0), List.of(100, 300), 15, List.of("datasets/small.json"), 5);
    }

    /**
     * For the record (about 35 minutes on 2 cores): three days, three seeds, 10/30/60 s; four school sizes, each with
     * the three seeds for 20 s (the scaling targets read a first plan's time and the heap, not the score).
     */
    public static SuiteSpec full() {
        return new SuiteSpec("full",
                List.of("datasets/small.json", "datasets/medium.json", "datasets/large.json"), PEERS_AND_REGROUP,
                List.of(1L, 2L, 3L), List.of(10.0, 30.0, 60.0), List.of(100, 300, 1000, 3000), 20,
                List.of("datasets/medium.json", "datasets/large.json"), 30);
    }

    /**
     * Every school shape in {@code dir} (each {@code *.json} there, found at run time, by file name) with Regroup, the
     * witness and the greedy peer, seeds 1, 2, 3, 30 s: is Regroup never worse than the witness or greedy? No scaling
     * series, no Benchmarker.
     */
    public static SuiteSpec shapes(Path dir) throws IOException {
        List<String> days;
        try (Stream<Path> files = Files.list(dir)) {
            days = files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .map(Path::toString).sorted().toList();
        }
        return new SuiteSpec(SHAPES, days, List.of(Contenders.REGROUP, "witness", "greedy"), List.of(1L, 2L, 3L),
                List.of(30.0), List.of(), 0, List.of(), 0);
    }

    public static SuiteSpec named(String name) {
        return switch (name) {
            case "quick" -> quick();
            case "full" -> full();
            default -> throw new IllegalArgumentException("--suite must be quick, full or shapes, was '" + name + "'");
        };
    }

    /** The heap a solver's runs get: the default, or what the peer says it needs. */
    public static String heapFor(String solver) {
        return Contenders.peer(solver).map(org.regroup.benchmarks.peers.Peer::jvmHeap).orElse(RUN_HEAP);
    }

    public double longestLimit() {
        return limits.get(limits.size() - 1);
    }

    public SuiteSpec withLimits(List<Double> newLimits) {
        return new SuiteSpec(name, datasets, solvers, seeds, newLimits, scalingStudents,
                Math.min(scalingLimit, newLimits.get(newLimits.size() - 1)), benchmarkerDays,
                Math.min(benchmarkerLimit, newLimits.get(newLimits.size() - 1)));
    }

    /** The same suite reading its days (by file name) from {@code dir}. */
    public SuiteSpec withDatasetsDir(Path dir) {
        java.util.function.UnaryOperator<String> in = d -> dir.resolve(Path.of(d).getFileName()).toString();
        return new SuiteSpec(name, datasets.stream().map(in).toList(), solvers, seeds, limits, scalingStudents,
                scalingLimit, benchmarkerDays.stream().map(in).toList(), benchmarkerLimit);
    }

    public SuiteSpec withSeeds(List<Long> newSeeds) {
        return new SuiteSpec(name, datasets, solvers, newSeeds, limits, scalingStudents, scalingLimit,
                benchmarkerDays, benchmarkerLimit);
    }

    public SuiteSpec withSolvers(List<String> newSolvers) {
        return new SuiteSpec(name, datasets, newSolvers, seeds, limits, scalingStudents, scalingLimit,
                benchmarkerDays, benchmarkerLimit);
    }
}
