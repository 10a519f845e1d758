package org.regroup.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Path;

import org.regroup.benchmarks.bound.ScoreBound;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.Json;
import org.regroup.solver.build.DayPlanBuilder;

/**
 * One day's score bound in a JVM of its own (as {@link RunOne} is for a solve), so that a day whose bound needs more
 * memory or time than it has cannot take the suite down. Usage: {@code BoundOne DATASET LEVEL OUT.json}.
 */
public final class BoundOne {

    private BoundOne() {
    }

    public static void main(String[] args) throws IOException {
        String dataset = args[0];
        ScoreBound.Level level = ScoreBound.Level.valueOf(args[1]);
        DayProblem problem = Datasets.load(dataset);
        long start = System.nanoTime();
        ScoreBound.Result r = ScoreBound.of(DayPlanBuilder.build(problem, Datasets.label(dataset)), level);
        double seconds = (System.nanoTime() - start) / 1e9;
        Json.writeAtomically(Path.of(args[2]), new DayBound(Datasets.label(dataset), level.name(),
                r.workable() ? r.soft() : null, Math.round(seconds * 10) / 10.0,
                r.workable() ? null : "no plan of this day can be workable (the bound proves it)"));
    }
}
