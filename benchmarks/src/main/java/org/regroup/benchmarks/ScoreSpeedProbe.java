package org.regroup.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.impl.localsearch.scope.LocalSearchPhaseScope;
import ai.timefold.solver.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import ai.timefold.solver.core.impl.phase.scope.AbstractPhaseScope;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.solve.RegroupSolverConfig;
import org.regroup.solver.solve.SolveOptions;

/**
 * How fast local search evaluates moves on a day, in moves per second of the solver thread's CPU time: the production
 * configuration with a seed and a local-search step limit, so two builds of Regroup do exactly the same search and
 * can be compared on a machine busy with other work (wall-clock speeds are not). Used to measure score-calculation
 * changes (docs/model.md, "Score calculation").
 *
 * <p>Usage: {@code java -cp benchmarks/target/regroup-benchmarks.jar org.regroup.benchmarks.ScoreSpeedProbe DAY.json
 * [STEPS] [SEED]}
 */
public final class ScoreSpeedProbe {

    private ScoreSpeedProbe() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ScoreSpeedProbe DAY.json [STEPS] [SEED]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        DayProblem problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long buildStart = threads.getCurrentThreadCpuTime();
        DayPlan day = DayPlanBuilder.build(problem, file.toString());
        double buildCpu = (threads.getCurrentThreadCpuTime() - buildStart) / 1e9;

        var config = RegroupSolverConfig.create(SolveOptions.of(Duration.ofHours(1)).withSeed(seed)
                .withStepCountLimit(steps));
        var solver = (DefaultSolver<DayPlan>) SolverFactory.<DayPlan>create(config).buildSolver();
        long[] local = new long[4]; // cpu at start, moves at start, cpu at end, moves at end
        solver.addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
            @Override
            public void phaseStarted(AbstractPhaseScope<DayPlan> phase) {
                if (phase instanceof LocalSearchPhaseScope) {
                    local[0] = threads.getCurrentThreadCpuTime();
                    local[1] = phase.getSolverScope().getMoveEvaluationCount();
                }
            }

            @Override
            public void phaseEnded(AbstractPhaseScope<DayPlan> phase) {
                if (phase instanceof LocalSearchPhaseScope) {
                    local[2] = threads.getCurrentThreadCpuTime();
                    local[3] = phase.getSolverScope().getMoveEvaluationCount();
                }
            }
        });
        long solveStart = threads.getCurrentThreadCpuTime();
        DayPlan best = solver.solve(day);
        double constructCpu = (local[0] - solveStart) / 1e9;
        double searchCpu = (local[2] - local[0]) / 1e9;
        long moves = local[3] - local[1];
        System.out.printf("%s seed %d, %d steps: build %.1f cpu-s, construction %.1f cpu-s, local search %d moves in "
                + "%.1f cpu-s = %.0f moves per cpu-second; best %s%n", file.getFileName(), seed, steps, buildCpu,
                constructCpu, moves, searchCpu, moves / searchCpu, best.getScore());
    }
}
