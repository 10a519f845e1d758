package org.regroup.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.plan.Kpis;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.kpi.KpiCalculator;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.DayPlanCloner;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.SolveOptions;

/**
 * Who gains and who pays when a soft weight changes (docs/model.md): solves a day with the school's weights and again
 * with one rule re-weighted, same seeds and time limit, and prints each plan's goal-skill share, placed share and
 * score, then every soft rule's points in both plans priced at the school's weights (the same yardstick for both), as
 * medians over the seeds.
 *
 * <p>Usage: {@code java -cp benchmarks/target/regroup-benchmarks.jar org.regroup.benchmarks.WeightTradeProbe DAY.json
 * "RULE=WEIGHT" SECONDS SEED[,SEED...]}
 */
public final class WeightTradeProbe {

    private WeightTradeProbe() {
    }

    public static void main(String[] args) {
        if (args.length < 4 || !args[1].contains("=")) {
            System.err.println("usage: WeightTradeProbe DAY.json \"RULE=WEIGHT\" SECONDS SEED[,SEED...]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String rule = args[1].substring(0, args[1].lastIndexOf('='));
        int weight = Integer.parseInt(args[1].substring(args[1].lastIndexOf('=') + 1));
        double seconds = Double.parseDouble(args[2]);
        List<Long> seeds = java.util.Arrays.stream(args[3].split(",")).map(Long::parseLong).toList();
        DayProblem problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());

        List<Outcome> before = new ArrayList<>();
        List<Outcome> after = new ArrayList<>();
        for (long seed : seeds) {
            before.add(solve(problem, file, null, 0, seconds, seed));
            after.add(solve(problem, file, rule, weight, seconds, seed));
        }
        System.out.printf(Locale.ROOT, "%s, %s s, seeds %s: \"%s\" at the school's weight vs %d%n%n",
                file.getFileName(), args[2], seeds, rule, weight);
        System.out.println("| | school's weights | re-weighted |\n|---|---|---|");
        java.util.function.Function<Outcome, String> goal = o -> percent(o.kpis().goalSkillShare());
        java.util.function.Function<Outcome, String> placed = o -> percent(o.kpis().placedShare());
        java.util.function.Function<Outcome, String> score = o -> "`" + o.atSchoolWeights() + "`";
        System.out.printf(Locale.ROOT, "| goal skills (per seed) | %s | %s |%n", perSeed(before, goal),
                perSeed(after, goal));
        System.out.printf(Locale.ROOT, "| placed (per seed) | %s | %s |%n", perSeed(before, placed),
                perSeed(after, placed));
        System.out.printf(Locale.ROOT, "| score at the school's weights (per seed) | %s | %s |%n%n",
                perSeed(before, score), perSeed(after, score));
        System.out.println("| rule (median soft points at the school's weights) | school's weights | re-weighted "
                + "| change |\n|---|---|---|---|");
        Map<String, Long> b = medians(before);
        Map<String, Long> a = medians(after);
        List<String> rules = new ArrayList<>(b.keySet());
        a.keySet().stream().filter(r -> !rules.contains(r)).forEach(rules::add);
        rules.sort((x, y) -> Long.compare(b.getOrDefault(x, 0L), b.getOrDefault(y, 0L)));
        for (String r : rules) {
            long x = b.getOrDefault(r, 0L);
            long y = a.getOrDefault(r, 0L);
            if (x != 0 || y != 0) {
                System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %+,d |%n", r, x, y, y - x);
            }
        }
    }

    private record Outcome(Kpis kpis, HardMediumSoftScore atSchoolWeights, Map<String, Long> softByRule) {
    }

    /** Solves with the school's weights, or with {@code rule} re-weighted; prices the plan at the school's weights. */
    private static Outcome solve(DayProblem problem, Path file, String rule, int weight, double seconds, long seed) {
        DayPlan day = DayPlanBuilder.build(problem, file.toString());
        ConstraintWeightOverrides<HardMediumSoftScore> school = day.getConstraintWeightOverrides();
        if (rule != null) {
            Map<String, HardMediumSoftScore> weights = new LinkedHashMap<>();
            school.getKnownConstraintNames().forEach(n -> weights.put(n, school.getConstraintWeight(n)));
            weights.put(rule, HardMediumSoftScore.ofSoft(weight));
            day.setConstraintWeightOverrides(ConstraintWeightOverrides.of(weights));
        }
        DayPlan best = DaySolver.solve(day, SolveOptions.of(Duration.ofMillis((long) (seconds * 1000)))
                .withSeed(seed), p -> { }).plan();
        DayPlan priced = new DayPlanCloner().cloneSolution(best);
        priced.setConstraintWeightOverrides(school);
        ScoreAnalysis<HardMediumSoftScore> analysis = Explainer.solutionManager().analyze(priced);
        Map<String, Long> soft = new TreeMap<>();
        analysis.constraintMap().forEach((ref, c) -> soft.put(ref.constraintName(), (long) c.score().softScore()));
        return new Outcome(KpiCalculator.compute(priced), analysis.score(), soft);
    }

    private static Map<String, Long> medians(List<Outcome> runs) {
        Map<String, List<Long>> all = new TreeMap<>();
        runs.forEach(o -> o.softByRule().forEach((r, v) -> all.computeIfAbsent(r, k -> new ArrayList<>()).add(v)));
        Map<String, Long> medians = new TreeMap<>();
        all.forEach((r, vs) -> medians.put(r, vs.stream().sorted().toList().get(vs.size() / 2)));
        return medians;
    }

    /** One figure per seed, joined by " / ". */
    private static String perSeed(List<Outcome> runs, java.util.function.Function<Outcome, String> figure) {
        return String.join(" / ", runs.stream().map(figure).toList());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
