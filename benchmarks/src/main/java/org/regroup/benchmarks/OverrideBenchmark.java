package org.regroup.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.PlanDiff;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Alternatives;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Placement;
import org.regroup.solver.output.PlanAssembler;
import org.regroup.solver.replan.OverrideReplan;
import org.regroup.solver.replan.Pin;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.SolveOptions;

/**
 * How many other students a teacher's override moves (issue 13): the day is solved once; then, each from that plan,
 * random overrides — a random placed student-block, a random one of its alternatives (none breaks a hard rule) —
 * are re-planned the way the server does ({@link OverrideReplan}: earlier blocks kept, moves priced high) and compared
 * with the plan they revise. Reports, per override, the other students moved, whether anyone moved in an earlier
 * block, and the re-plan's score.
 *
 * <p>Usage: {@code java -cp benchmarks/target/regroup-benchmarks.jar org.regroup.benchmarks.OverrideBenchmark
 * [DAY.json=datasets/medium.json] [overrides=20] [solve=30s|Nsteps] [override=5s|Nsteps] [seed=1]
 * [OUT.json=benchmarks/results/overrides.json]}
 */
public final class OverrideBenchmark {

    /** One override: who and where, what it chose, and what the re-plan moved. */
    public record Run(String studentId, String blockId, String from, String to, int rank, String optionChange,
            String optionStudentCost, String optionGroupCost, int otherStudentsMoved,
            int studentBlocksMoved, boolean movedInAnEarlierBlock, boolean pinHeld, String before, String after) {
    }

    public record Report(String dataset, String solveLimit, String overrideLimit, long seed, String baseScore,
            List<Run> runs, double medianOthersMoved, int maxOthersMoved, int withEarlierMoves, int cores,
            String java) {
    }

    private OverrideBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "datasets/medium.json");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        SolveOptions solve = options(args.length > 2 ? args[2] : "30s");
        SolveOptions replan = options(args.length > 3 ? args[3] : "5s");
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        Path out = Path.of(args.length > 5 ? args[5] : "benchmarks/results/overrides.json");
        DayProblem day = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());

        DayPlan solved = DaySolver.solve(DayPlanBuilder.build(day, "day"), solve.withSeed(seed), p -> { }).plan();
        Plan base = PlanAssembler.assemble(solved);
        // Alternatives are read from the day as the server keeps it — rebuilt from the stored plan — as a teacher
        // sees them at the day's lasting address; the override's re-plan starts from the same.
        DayPlan stored = DayPlanBuilder.build(day, "stored");
        org.regroup.solver.output.PlanImporter.applyWhatFits(base, stored);
        Explainer.solutionManager().update(stored);
        solved = stored;
        System.out.printf("%s solved (%s): %s%n", file.getFileName(), args.length > 2 ? args[2] : "30s",
                base.score());
        List<String> blockIds = solved.getPeriods().stream().map(p -> p.getId()).toList();
        List<Placement> placed = solved.getPlacements().stream().filter(p -> p.getSession() != null
                && !p.getSession().isCatchAll()).toList();
        Random random = new Random(seed);
        List<Run> runs = new ArrayList<>();
        for (int tries = 0; runs.size() < count && tries < count * 10; tries++) {
            Placement seat = placed.get(random.nextInt(placed.size()));
            String student = seat.getLearner().getId();
            String block = seat.getPeriod().getId();
            List<Alternatives.Option> options = Alternatives.of(Explainer.solutionManager(), solved, student, block,
                    null);
            if (options.isEmpty()) {
                continue;
            }
            Alternatives.Option chosen = options.get(random.nextInt(options.size()));
            Pin pin = new Pin(student, block, chosen.session().getId(), "benchmark", null);
            DayPlan revised = DayPlanBuilder.build(day, "override");
            var school = revised.getConstraintWeightOverrides();
            OverrideReplan.prepare(base, revised, List.of(pin), block);
            String prepared = Explainer.solutionManager().update(new org.regroup.solver.model.DayPlanCloner()
                    .cloneSolution(revised)).toString();
            DayPlan after = OverrideReplan.rescored(DaySolver.solve(revised, replan.withSeed(seed), p -> { }).plan(),
                    school, Explainer.solutionManager());
            Plan plan = PlanAssembler.assemble(after);
            PlanDiff diff = PlanDiff.between(base, plan);
            String now = plan.students().stream().filter(s -> s.studentId().equals(student))
                    .flatMap(s -> s.blocks().stream()).filter(e -> e.blockId().equals(block)).findFirst()
                    .map(e -> e.sessionId()).orElse(null);
            Run run = new Run(student, block, seat.getSession().getId(), pin.sessionId(), chosen.rank(),
                    chosen.change().toString(), chosen.studentCost().toString(), chosen.groupCost().toString(),
                    diff.studentsMoved(student).size(), diff.moves().size(),
                    diff.movesIn(new HashSet<>(blockIds.subList(0, blockIds.indexOf(block)))),
                    pin.sessionId().equals(now), base.score(), plan.score());
            runs.add(run);
            System.out.printf("%2d. %s@%s → %s (alternative %d of %d, %s): %d other students moved%s, %s%n",
                    runs.size(), student, block, pin.sessionId(), chosen.rank(), options.size(), chosen.change(),
                    run.otherStudentsMoved(),
                    run.movedInAnEarlierBlock() ? ", SOMEONE MOVED IN AN EARLIER BLOCK" : "", plan.score());
            if (!plan.feasible()) {
                System.out.printf("    prepared %s; broken: %s%n", prepared, plan.violations());
            }
        }
        List<Integer> moved = runs.stream().map(Run::otherStudentsMoved).sorted().toList();
        double median = moved.isEmpty() ? 0 : moved.size() % 2 == 1 ? moved.get(moved.size() / 2)
                : (moved.get(moved.size() / 2 - 1) + moved.get(moved.size() / 2)) / 2.0;
        Report report = new Report(file.getFileName().toString(), args.length > 2 ? args[2] : "30s",
                args.length > 3 ? args[3] : "5s", seed,
                base.score(), runs, median, moved.isEmpty() ? 0 : moved.get(moved.size() - 1),
                (int) runs.stream().filter(Run::movedInAnEarlierBlock).count(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report);
        System.out.printf("%d overrides: other students moved median %.1f, max %d; with a move in an earlier block: "
                + "%d; pins held: %d of %d. Written to %s%n", runs.size(), median, report.maxOthersMoved(),
                report.withEarlierMoves(), runs.stream().filter(Run::pinHeld).count(), runs.size(), out);
    }

    /** "30s" (a time limit) or "2000steps" (a step limit, reproducible whatever the machine's load). */
    private static SolveOptions options(String value) {
        if (value.endsWith("steps")) {
            return SolveOptions.of(Duration.ofMinutes(10)).withStepCountLimit(Integer.parseInt(value.replace("steps",
                    "")));
        }
        return SolveOptions.of(Duration.ofMillis(Math.round(Double.parseDouble(value.replace("s", "")) * 1000)));
    }
}
