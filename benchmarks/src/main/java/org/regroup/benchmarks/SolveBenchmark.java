package org.regroup.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Kpis;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.kpi.KpiCalculator;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.SolveOptions;

/**
 * Solves each given day once for the longest checkpoint and records, per day: time to the first feasible plan, the
 * best score and KPIs at every checkpoint (read from the best plan known at that moment), and the score
 * calculation speed. Writes JSON and prints a Markdown table.
 *
 * <p>Usage: {@code java -Xmx1g -jar benchmarks/target/regroup-benchmarks.jar OUT.json 30s,120s DAY.json...}
 */
public final class SolveBenchmark {

    /** The best plan known at a checkpoint. */
    public record Checkpoint(String at, String score, Kpis kpis) {
    }

    /**
     * @param firstFeasible first plan with no hard rule broken
     * @param allPlaced     first plan with no hard or medium rule broken: everyone placed, every group big enough
     */
    public record Run(String dataset, int students, int staff, int spaces, int blocks, String firstFeasible,
            String allPlaced, List<Checkpoint> checkpoints, long scoreCalculationSpeed, long moveEvaluationSpeed,
            long peakHeapMiB) {
    }

    public record Report(String machine, String java, int cores, String startedAt, List<Run> runs) {
    }

    private SolveBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: SolveBenchmark OUT.json 30s,120s DAY.json...");
            System.exit(2);
        }
        List<Duration> checkpoints = new ArrayList<>();
        for (String t : args[1].split(",")) {
            checkpoints.add(Duration.ofSeconds(Long.parseLong(t.replace("s", ""))));
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            runs.add(run(Path.of(args[i]), checkpoints));
            System.err.println("done: " + args[i]);
        }
        Report report = new Report(System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Instant.now().toString(), runs);
        Json.writeAtomically(Path.of(args[0]), report);
        System.out.print(markdown(report));
    }

    static Run run(Path file, List<Duration> checkpoints) {
        DayProblem problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
        DayPlan day = DayPlanBuilder.build(problem, file.toString());
        Duration longest = checkpoints.get(checkpoints.size() - 1);
        Map<Duration, DayPlan> bestAt = new LinkedHashMap<>();
        Duration[] allPlaced = new Duration[1];
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        DaySolver.Result result = DaySolver.solve(day, SolveOptions.of(longest), progress -> {
        }, (elapsed, plan) -> {
            if (allPlaced[0] == null && plan.getScore().isSolutionInitialized() && plan.getScore().hardScore() == 0
                    && plan.getScore().mediumScore() == 0) {
                allPlaced[0] = elapsed;
            }
            for (Duration c : checkpoints) {
                if (elapsed.compareTo(c) <= 0) {
                    bestAt.put(c, plan); // the latest best found before the checkpoint
                }
            }
        });
        List<Checkpoint> points = new ArrayList<>();
        for (Duration c : checkpoints) {
            DayPlan plan = c.equals(longest) ? result.plan() : bestAt.get(c);
            if (plan != null) {
                points.add(new Checkpoint(c.toSeconds() + "s", plan.getScore().toString(), KpiCalculator.compute(plan)));
            }
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
        return new Run(file.getFileName().toString(), day.getLearners().size(), day.getAdults().size(),
                day.getRooms().size(), day.getPeriods().size(),
                seconds(result.firstFeasible()), seconds(allPlaced[0]), points, result.scoreCalculationSpeed(), result.moveEvaluationSpeed(), peak);
    }

    private static String seconds(Duration d) {
        return d == null ? null : String.format("%.1fs", d.toMillis() / 1000.0);
    }

    static String markdown(Report r) {
        StringBuilder b = new StringBuilder();
        b.append("| day | students present | first feasible | everyone placed | at | score | placed | goal skills "
                + "| staff-led (got/needed) | catch-all | modalities per student | calc/s | peak heap |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run run : r.runs()) {
            for (Checkpoint c : run.checkpoints()) {
                Kpis k = c.kpis();
                b.append(String.format("| %s | %d | %s | %s | %s | `%s` | %.1f%% | %.1f%% | %d/%d | %d | %.2f | %d | %d MiB |%n",
                        run.dataset(), run.students(), run.firstFeasible(), run.allPlaced(), c.at(), c.score(),
                        100 * k.placedShare(), 100 * k.goalSkillShare(), k.staffLedDelivered(), k.staffLedRequired(),
                        k.catchAllStudentBlocks(), k.meanDistinctModalities(), run.scoreCalculationSpeed(),
                        run.peakHeapMiB()));
            }
        }
        return b.toString();
    }
}
