package org.regroup.benchmarks.suite;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/** Medians over seeds: the suite reports the middle run, never the best one. */
final class SuiteStats {

    /** Scores compare hard first, then medium, then soft, as Timefold's do. */
    static final Comparator<RunRecord.Checkpoint> BY_SCORE = Comparator.comparingLong(RunRecord.Checkpoint::hard)
            .thenComparingLong(RunRecord.Checkpoint::medium).thenComparingLong(RunRecord.Checkpoint::soft);

    private SuiteStats() {
    }

    static List<RunRecord> runs(SuiteResult result, String dataset, String solver) {
        return result.runs().stream().filter(r -> r.dataset().equals(dataset) && r.solver().equals(solver)).toList();
    }

    /** The checkpoint with the median score among runs that had a plan by then (lower middle for an even count). */
    static RunRecord.Checkpoint medianAt(List<RunRecord> runs, double seconds) {
        return median(runs.stream().map(r -> r.at(seconds)).filter(Objects::nonNull).toList());
    }

    /** The median checkpoint by score (hard, then medium, then soft; the lower of two middles); null when none. */
    static RunRecord.Checkpoint median(List<RunRecord.Checkpoint> checkpoints) {
        List<RunRecord.Checkpoint> sorted = checkpoints.stream().sorted(BY_SCORE).toList();
        return sorted.isEmpty() ? null : sorted.get((sorted.size() - 1) / 2);
    }

    /** Median of a per-run figure over the runs where it exists; null when none has it. */
    static Double median(List<RunRecord> runs, java.util.function.Function<RunRecord, Double> figure) {
        List<Double> values = runs.stream().map(figure).filter(Objects::nonNull).sorted().toList();
        if (values.isEmpty()) {
            return null;
        }
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** Median of a checkpoint figure over runs at a limit. */
    static Double medianOf(List<RunRecord> runs, double seconds, ToDoubleFunction<RunRecord.Checkpoint> figure) {
        return median(runs, r -> r.at(seconds) == null ? null : figure.applyAsDouble(r.at(seconds)));
    }

    /** True when {@code a} is at least as good as {@code b}. */
    static boolean atLeast(RunRecord.Checkpoint a, RunRecord.Checkpoint b) {
        return BY_SCORE.compare(a, b) >= 0;
    }
}
