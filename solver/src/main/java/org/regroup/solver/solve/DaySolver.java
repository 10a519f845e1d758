package org.regroup.solver.solve;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.api.solver.event.BestSolutionChangedEvent;
import org.regroup.solver.model.DayPlan;

/**
 * Solves one day in the calling thread, reporting each new best plan. (Asynchronous jobs go through Timefold's
 * SolverManager in the server.)
 */
public final class DaySolver {

    /** A new best plan: its score, when it was found, and when the first feasible one was. */
    public record Progress(HardMediumSoftScore score, Duration elapsed, Duration firstFeasible) {
    }

    /** What a finished solve reports besides the plan. */
    public record Result(DayPlan plan, Duration elapsed, Duration firstFeasible, long scoreCalculationCount,
            long scoreCalculationSpeed, long moveEvaluationSpeed) {
    }

    private DaySolver() {
    }

    public static Result solve(DayPlan problem, SolveOptions options, Consumer<Progress> onProgress) {
        return solve(problem, options, onProgress, (elapsed, plan) -> {
        });
    }

    /** As above, also handing each new best plan (a snapshot the solver no longer changes) to {@code onBest}. */
    public static Result solve(DayPlan problem, SolveOptions options, Consumer<Progress> onProgress,
            BiConsumer<Duration, DayPlan> onBest) {
        return solve(problem, RegroupSolverConfig.create(options), onProgress, onBest);
    }

    /** As above with a configuration of the caller's (benchmarks compare local-search variants). */
    public static Result solve(DayPlan problem, SolverConfig config, Consumer<Progress> onProgress,
            BiConsumer<Duration, DayPlan> onBest) {
        Solver<DayPlan> solver = SolverFactory.<DayPlan>create(config).buildSolver();
        long start = System.nanoTime();
        Duration[] firstFeasible = new Duration[1];
        solver.addEventListener((BestSolutionChangedEvent<DayPlan> event) -> {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            HardMediumSoftScore score = event.getNewBestSolution().getScore();
            if (firstFeasible[0] == null && event.isNewBestSolutionInitialized() && score.isFeasible()) {
                firstFeasible[0] = elapsed;
            }
            onProgress.accept(new Progress(score, elapsed, firstFeasible[0]));
            onBest.accept(elapsed, event.getNewBestSolution());
        });
        DayPlan best = solver.solve(problem);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        // The speed figures are only on the implementation class (stable across 1.x).
        var scope = (ai.timefold.solver.core.impl.solver.DefaultSolver<DayPlan>) solver;
        return new Result(best, elapsed, firstFeasible[0], scope.getScoreCalculationCount(),
                scope.getScoreCalculationSpeed(), scope.getMoveEvaluationSpeed());
    }
}
