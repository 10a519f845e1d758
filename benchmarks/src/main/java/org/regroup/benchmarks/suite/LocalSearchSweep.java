package org.regroup.benchmarks.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ai.timefold.solver.benchmark.config.SolverBenchmarkConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.regroup.solver.solve.RegroupSolverConfig;
import org.regroup.solver.solve.SolveOptions;

/**
 * The production local search with one setting changed at a time — entity tabu size, accepted moves per step, the
 * weight of the group moves (open, close, merge, trade) — through Timefold's Benchmarker, on the days given (issue 17:
 * re-tune selectors and acceptors now that score calculation is faster and trade moves exist). Prints one line per
 * configuration and day; the HTML report goes under OUT_DIR.
 *
 * <p>Usage: {@code LocalSearchSweep OUT_DIR SECONDS DATASET...}
 */
public final class LocalSearchSweep {

    private record Variant(String name, Consumer<LocalSearchPhaseConfig> change) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("production (tabu 7 - best of 50 - group moves 1)", ls -> { }),
            new Variant("tabu 3", ls -> ls.setAcceptorConfig(new LocalSearchAcceptorConfig().withEntityTabuSize(3))),
            new Variant("tabu 15", ls -> ls.setAcceptorConfig(new LocalSearchAcceptorConfig().withEntityTabuSize(15))),
            new Variant("best of 20", ls -> ls.setForagerConfig(new LocalSearchForagerConfig()
                    .withAcceptedCountLimit(20))),
            new Variant("best of 100", ls -> ls.setForagerConfig(new LocalSearchForagerConfig()
                    .withAcceptedCountLimit(100))),
            new Variant("group moves 3", ls -> groupMoves(ls).setFixedProbabilityWeight(3.0)));

    private LocalSearchSweep() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: LocalSearchSweep OUT_DIR SECONDS DATASET...");
            System.exit(2);
        }
        double seconds = Double.parseDouble(args[1]);
        List<String> datasets = List.of(args).subList(2, args.length);
        List<SolverBenchmarkConfig> solvers = new ArrayList<>();
        for (Variant v : VARIANTS) {
            SolverConfig solverConfig = RegroupSolverConfig.create(SolveOptions.of(Duration.ofMillis(Math.round(
                    seconds * 1000))).withSeed(1).withEnvironmentMode(EnvironmentMode.NO_ASSERT));
            v.change().accept((LocalSearchPhaseConfig) solverConfig.getPhaseConfigList()
                    .get(solverConfig.getPhaseConfigList().size() - 1));
            solvers.add(BenchmarkerRun.solver(v.name(), solverConfig));
        }
        BenchmarkerRun.Summary summary = BenchmarkerRun.run(Path.of(args[0]), "Regroup local search sweep", seconds,
                solvers, datasets);
        for (BenchmarkerRun.Result r : summary.results()) {
            System.out.printf("%-48s %-14s %-28s %,8d calc/s%n", r.config(), r.dataset(), r.score(),
                    r.scoreCalculationSpeed());
        }
        System.out.println("report: " + summary.reportDirectory());
    }

    /** The group moves' selector in the union of the production moves. */
    private static MoveIteratorFactoryConfig groupMoves(LocalSearchPhaseConfig ls) {
        for (MoveSelectorConfig<?> m : ((UnionMoveSelectorConfig) ls.getMoveSelectorConfig()).getMoveSelectorList()) {
            if (m instanceof MoveIteratorFactoryConfig groups) {
                return groups;
            }
        }
        throw new IllegalStateException("no group moves in the production local search");
    }
}
