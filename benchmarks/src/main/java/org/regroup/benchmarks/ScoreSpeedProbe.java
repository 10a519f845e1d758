package org.regroup.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * [STEPS] [SEED] [--runs N] [--without WHAT]}
 *
 * <p>{@code --runs N} solves the day N times in the same JVM: the first runs include the JIT compiling Timefold's
 * node network (on large, a fresh JVM's first 1,000 steps run at about half the speed of later ones), the later ones
 * show a warm server's speed (the median of runs 3 to N is printed last).
 *
 * <p>{@code --without} leaves rules out of the constraint provider ({@link RuleFamilies.Without}), to see what they
 * cost a move: a rule's name, several separated by {@code |}, or a family — {@code day} (the rules over each student's
 * day entries), {@code session} (the rules over one session), {@code adult} (over an adult's day), {@code placement}
 * (over single placements), {@code all-but-one} (every rule but the first, so that a score remains). The search then
 * takes another path, so compare speeds, not scores.
 */
public final class ScoreSpeedProbe {

    private ScoreSpeedProbe() {
    }

    public static void main(String[] args) {
        List<String> positional = new ArrayList<>(List.of(args));
        String without = option(positional, "--without");
        String runsOption = option(positional, "--runs");
        if (positional.isEmpty() || positional.contains("--without") || positional.contains("--runs")) {
            System.err.println("usage: ScoreSpeedProbe DAY.json [STEPS] [SEED] [--runs N] [--without RULE|day|session|"
                    + "adult|placement|all-but-one]");
            System.exit(2);
        }
        Path file = Path.of(positional.get(0));
        int steps = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 1000;
        long seed = positional.size() > 2 ? Long.parseLong(positional.get(2)) : 1;
        int runs = runsOption == null ? 1 : Integer.parseInt(runsOption);
        if (without != null) {
            try {
                RuleFamilies.named(without); // a typo fails here, not in the solver
            } catch (IllegalArgumentException e) {
                System.err.println("--without: " + e.getMessage());
                System.exit(2);
            }
        }
        DayProblem problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
        String day = String.format("%s seed %d, %d steps%s", file.getFileName(), seed, steps,
                without == null ? "" : " without " + without);
        List<Double> warm = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            double speed = measure(problem, file, steps, seed, without,
                    runs == 1 ? day : day + ", run " + run + " of " + runs);
            if (run > 2) {
                warm.add(speed);
            }
        }
        if (!warm.isEmpty()) {
            warm.sort(null);
            System.out.printf("%s: warm median (runs 3-%d) %.0f moves per cpu-second%n", day, runs,
                    warm.get(warm.size() / 2));
        }
    }

    /** Removes {@code name} and its value from the arguments; the value, or null when not given. */
    private static String option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0 || at + 1 >= args.size()) {
            return null;
        }
        String value = args.remove(at + 1);
        args.remove(at);
        return value;
    }

    /** One solve; prints its line and returns local search's moves per CPU-second. */
    private static double measure(DayProblem problem, Path file, int steps, long seed, String without, String label) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long buildStart = threads.getCurrentThreadCpuTime();
        DayPlan day = DayPlanBuilder.build(problem, file.toString());
        double buildCpu = (threads.getCurrentThreadCpuTime() - buildStart) / 1e9;
        var config = RegroupSolverConfig.create(SolveOptions.of(Duration.ofHours(1)).withSeed(seed)
                .withStepCountLimit(steps));
        if (without != null) {
            config.getScoreDirectorFactoryConfig().withConstraintProviderClass(RuleFamilies.Without.class)
                    .withConstraintProviderCustomProperties(Map.of("rules", without));
        }
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
        System.out.printf("%s: build %.1f cpu-s, construction %.1f cpu-s, local search %d moves in %.1f cpu-s = %.0f "
                + "moves per cpu-second; best %s%n", label, buildCpu, constructCpu, moves, searchCpu, moves / searchCpu,
                best.getScore());
        return moves / searchCpu;
    }
}
