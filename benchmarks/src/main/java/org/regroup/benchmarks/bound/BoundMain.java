package org.regroup.benchmarks.bound;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.SolveOptions;

/**
 * Prints, per day, the score bound (and the looser bounds of its first two levels), Regroup's score after a number
 * of local-search steps (seed 1, so the figures do not depend on the machine's speed) and the gap between them:
 * {@code gap % = 100 × (bound − soft) / |bound|}, where {@code bound} is {@link ScoreBound.Result#soft()} and
 * {@code soft} Regroup's soft score; when the bound is 0 the denominator is {@code max(1, |soft|)}. The gap is
 * printed only for a plan with 0 hard / 0 medium (the bound says nothing about others).
 *
 * <p>Usage: {@code BoundMain [--steps N] [--rules] DAY.json...} (default 2000 steps).
 */
public final class BoundMain {

    private BoundMain() {
    }

    public static void main(String[] args) {
        int steps = 2000;
        boolean rules = false;
        List<Path> days = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--rules" -> rules = true;
                default -> days.add(Path.of(args[i]));
            }
        }
        if (days.isEmpty()) {
            System.err.println("usage: BoundMain [--steps N] [--rules] DAY.json...");
            System.exit(2);
        }
        System.out.printf("%-26s %8s %10s %10s %10s %26s %8s%n", "day", "students", "per-block", "student-day",
                "bound", "regroup", "gap %");
        for (Path file : days) {
            DayProblem problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
            ScoreBound.Result plain = ScoreBound.of(DayPlanBuilder.build(problem, "bound"),
                    ScoreBound.Level.PLACEMENT);
            ScoreBound.Result alone = ScoreBound.of(DayPlanBuilder.build(problem, "bound"),
                    ScoreBound.Level.STUDENT_DAY);
            ScoreBound.Result bound = ScoreBound.of(DayPlanBuilder.build(problem, "bound"));
            HardMediumSoftScore score = DaySolver.solve(DayPlanBuilder.build(problem, file.toString()),
                    SolveOptions.of(Duration.ofMinutes(10)).withStepCountLimit(steps).withSeed(1), p -> {
                    }).plan().getScore();
            boolean workable = score.hardScore() == 0 && score.mediumScore() == 0;
            System.out.printf(Locale.ROOT, "%-26s %8d %10s %10s %10s %26s %8s%n", file.getFileName(),
                    bound.students(), shown(plain), shown(alone), shown(bound), score, workable && bound.workable()
                            ? String.format(Locale.ROOT, "%.1f", bound.gapPercent(score.softScore())) : "-");
            if (rules) {
                for (ScoreBound.RuleBound r : bound.rules()) {
                    System.out.printf(Locale.ROOT, "    %-55s %-12s %10.1f%n", r.rule(),
                            r.relaxed() ? "relaxed" : r.how().name().toLowerCase(Locale.ROOT), -r.penalty());
                }
                System.out.printf(Locale.ROOT, "    %-55s %-12s %10.1f%n", "(seat prices, net)", "lagrangian",
                        -bound.seatPrices());
            }
        }
    }

    private static String shown(ScoreBound.Result r) {
        return r.workable() ? Long.toString(r.soft()) : "none";
    }
}
