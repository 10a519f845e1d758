package org.regroup.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.benchmark.api.PlannerBenchmark;
import ai.timefold.solver.benchmark.api.PlannerBenchmarkFactory;
import ai.timefold.solver.benchmark.config.PlannerBenchmarkConfig;
import ai.timefold.solver.benchmark.config.SolverBenchmarkConfig;
import ai.timefold.solver.benchmark.impl.DefaultPlannerBenchmark;
import ai.timefold.solver.benchmark.impl.result.SingleBenchmarkResult;
import ai.timefold.solver.benchmark.impl.result.SolverBenchmarkResult;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.regroup.domain.io.Json;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.solve.LocalSearchVariant;
import org.regroup.solver.solve.RegroupSolverConfig;
import org.regroup.solver.solve.SolveOptions;

/**
 * Regroup's local-search variants (tabu, late acceptance, great deluge) through Timefold's Benchmarker, which writes
 * its HTML report (score over time, best score per config, calculation speed) under the given directory. Runs in a
 * JVM of its own, like every run of the suite.
 *
 * <p>Usage: {@code BenchmarkerRun OUT_DIR SECONDS SUMMARY.json DATASET...}
 */
public final class BenchmarkerRun {

    /** One configuration on one day, as the Benchmarker measured it. */
    public record Result(String config, String dataset, String score, Long scoreCalculationSpeed, long millisSpent) {
    }

    /** What the suite keeps: where the HTML report is and the figures from it. */
    public record Summary(String reportDirectory, double secondsPerRun, List<Result> results) {
    }

    private BenchmarkerRun() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: BenchmarkerRun OUT_DIR SECONDS SUMMARY.json DATASET...");
            System.exit(2);
        }
        List<String> datasets = List.of(args).subList(3, args.length);
        Summary summary = run(Path.of(args[0]), Double.parseDouble(args[1]), datasets);
        Json.writeAtomically(Path.of(args[2]), summary);
    }

    static Summary run(Path directory, double seconds, List<String> datasets) {
        SolveOptions options = SolveOptions.of(Duration.ofMillis(Math.round(seconds * 1000))).withSeed(1)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT);
        List<SolverBenchmarkConfig> solvers = new ArrayList<>();
        for (LocalSearchVariant variant : LocalSearchVariant.values()) {
            solvers.add(solver(Contenders.regroupName(variant), RegroupSolverConfig.create(options, variant)));
        }
        return run(directory, "Regroup local search", seconds, solvers, datasets);
    }

    /** A configuration for the Benchmarker (its name becomes a folder: letters, digits, spaces, "-", "." and "()"). */
    static SolverBenchmarkConfig solver(String name, SolverConfig config) {
        SolverBenchmarkConfig solver = new SolverBenchmarkConfig();
        solver.setName(name);
        solver.setSolverConfig(config);
        return solver;
    }

    /** Each of {@code solvers} on each day, one solve at a time; the figures and where the HTML report is. */
    static Summary run(Path directory, String name, double seconds, List<SolverBenchmarkConfig> solvers,
            List<String> datasets) {
        PlannerBenchmarkConfig config = new PlannerBenchmarkConfig();
        config.setName(name);
        config.setBenchmarkDirectory(directory.toFile());
        config.setParallelBenchmarkCount("1"); // 2 cores: one solve at a time, as every other run of the suite
        config.setSolverBenchmarkConfigList(solvers);
        List<DayPlan> problems = new ArrayList<>();
        for (String d : datasets) {
            problems.add(DayPlanBuilder.build(Datasets.load(d), d));
        }
        PlannerBenchmark benchmark = PlannerBenchmarkFactory.create(config).buildPlannerBenchmark(problems);
        benchmark.benchmark();
        var result = ((DefaultPlannerBenchmark) benchmark).getPlannerBenchmarkResult();
        List<Result> results = new ArrayList<>();
        // The figures are on the implementation's result tree (stable across 1.x); the public API returns the folder.
        for (SolverBenchmarkResult s : result.getSolverBenchmarkResultList()) {
            List<SingleBenchmarkResult> singles = s.getSingleBenchmarkResultList();
            for (int i = 0; i < singles.size(); i++) {
                SingleBenchmarkResult r = singles.get(i); // one per problem, in the order given
                results.add(new Result(s.getName(), Datasets.label(datasets.get(i)),
                        String.valueOf(r.getAverageScore()), r.getScoreCalculationSpeed(), r.getTimeMillisSpent()));
            }
        }
        return new Summary(result.getBenchmarkReportDirectory().toString(), seconds, results);
    }
}
