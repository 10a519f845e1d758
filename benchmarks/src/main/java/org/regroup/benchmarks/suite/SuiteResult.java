package org.regroup.benchmarks.suite;

import java.util.List;

/**
 * Everything a suite measured: {@code benchmarks/results/<suite>.json}.
 *
 * @param command     the command that produced it
 * @param runs        one record per dataset × solver × seed
 * @param scaling     Regroup on generated schools of growing size
 * @param benchmarker the local-search variants through Timefold's Benchmarker (null when skipped)
 * @param targets     the targets, each met or missed by how much
 * @param bounds      each day's bound on the soft score (docs/bound.md)
 * @param references  plans kept from earlier builds, scored by today's rules ({@link References})
 */
public record SuiteResult(String suite, String command, String startedAt, double wallSeconds, Machine machine,
        SuiteSpec spec, List<RunRecord> runs, List<RunRecord> scaling, BenchmarkerRun.Summary benchmarker,
        List<Target> targets, List<DayBound> bounds, List<DayReference> references) {

    public SuiteResult {
        // Empty lists are left out of the written JSON (the shapes suite has no scaling series).
        runs = runs == null ? List.of() : runs;
        scaling = scaling == null ? List.of() : scaling;
        targets = targets == null ? List.of() : targets;
        bounds = bounds == null ? List.of() : bounds;
        references = references == null ? List.of() : references;
    }

    /** A day's reference by name, if it was scored. */
    java.util.Optional<DayReference> reference(String day, String name) {
        return references.stream().filter(x -> x.dataset().equals(day) && x.name().equals(name)).findFirst();
    }

    /** The day's bound, if one was computed. */
    java.util.Optional<DayBound> bound(String day) {
        return bounds.stream().filter(b -> b.dataset().equals(day)).findFirst();
    }

    SuiteResult withBounds(List<DayBound> newBounds) {
        return new SuiteResult(suite, command, startedAt, wallSeconds, machine, spec, runs, scaling, benchmarker,
                targets, newBounds, references);
    }

    SuiteResult withCommand(String newCommand) {
        return new SuiteResult(suite, newCommand, startedAt, wallSeconds, machine, spec, runs, scaling, benchmarker,
                targets, bounds, references);
    }

    SuiteResult withReferences(List<DayReference> newReferences) {
        return new SuiteResult(suite, command, startedAt, wallSeconds, machine, spec, runs, scaling, benchmarker,
                targets, bounds, newReferences);
    }

    SuiteResult withTargets(List<Target> newTargets) {
        return new SuiteResult(suite, command, startedAt, wallSeconds, machine, spec, runs, scaling, benchmarker,
                newTargets, bounds, references);
    }

    /** Where it ran: the figures mean little without them. */
    public record Machine(String os, int cores, String javaVersion, String javaVm, String runHeap,
            String cpSatHeap, String scalingHeap) {

        static Machine current() {
            return new Machine(System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    System.getProperty("java.vm.name"), SuiteSpec.RUN_HEAP, SuiteSpec.heapFor(Targets.CP_SAT),
                    SuiteSpec.SCALING_HEAP);
        }
    }

    /**
     * One of the targets.
     *
     * @param met null when this suite could not measure it (e.g. no proven optimum), with the reason in {@code note}
     */
    public record Target(String name, String goal, String measured, Boolean met, String note) {
    }
}
