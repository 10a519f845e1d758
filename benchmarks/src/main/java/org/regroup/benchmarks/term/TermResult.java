package org.regroup.benchmarks.term;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regroup.domain.learning.LearningParameters;

/**
 * A term simulation as written to {@code term.json}: how it was run, each policy's figures over seeds, and every
 * run day by day (so the report can be drawn again, or other figures computed, without running again).
 */
record TermResult(String command, String dataset, int students, int days, List<String> policies, List<Long> seeds,
        String timeLimit, double absence, List<String> learningChanges, LearningParameters learning, String started,
        double seconds, int threads, String machine, List<PolicySummary> summary, List<TermSeries> runs) {

    /** The JSON leaves empty lists out; read back, they are empty again. */
    TermResult {
        policies = policies == null ? List.of() : policies;
        seeds = seeds == null ? List.of() : seeds;
        learningChanges = learningChanges == null ? List.of() : learningChanges;
        summary = summary == null ? List.of() : summary;
        runs = runs == null ? List.of() : runs;
    }

    /** One policy's figures over its seeds, keyed by {@link Figure} name. */
    record PolicySummary(String policy, Map<String, Interval> figures) {

        Interval get(Figure f) {
            return figures.get(f.name());
        }
    }

    static List<PolicySummary> summarize(List<String> policies, List<TermSeries> runs) {
        List<PolicySummary> out = new ArrayList<>();
        for (String policy : policies) {
            List<TermSeries> own = runs.stream().filter(r -> r.policy().equals(policy)).toList();
            Map<String, Interval> figures = new LinkedHashMap<>();
            for (Figure f : Figure.values()) {
                Interval i = Interval.of(own.stream().map(r -> f.value.applyAsDouble(r)).toList());
                figures.put(f.name(), f.isShare() ? i.within(0, 100) : i);
            }
            out.add(new PolicySummary(policy, figures));
        }
        return out;
    }

    /** A day-by-day figure of one policy over its seeds: mean and interval per day. */
    List<Interval> overTime(String policy, java.util.function.ToDoubleFunction<TermSeries.Day> value) {
        List<TermSeries> own = runs.stream().filter(r -> r.policy().equals(policy)).toList();
        List<Interval> out = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            int day = d;
            out.add(Interval.of(own.stream().filter(r -> r.days().size() > day)
                    .map(r -> value.applyAsDouble(r.days().get(day))).toList()));
        }
        return out;
    }
}
