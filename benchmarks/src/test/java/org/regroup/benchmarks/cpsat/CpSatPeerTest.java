package org.regroup.benchmarks.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.benchmarks.peers.PlanScorer;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.model.DayPlan;

/**
 * The peer on the bundled small day, scored the way the benchmark suite scores every peer: its plan imported onto a
 * fresh day and scored by Regroup's Timefold rules. One 20-second solve serves every test here.
 */
class CpSatPeerTest {

    private static DayProblem problem;
    private static CpSatPeer.Result result;

    @BeforeAll
    static void solveSmallDay() {
        Path file = Path.of("../datasets/small.json");
        problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
        DayPlan day = DayPlanBuilder.build(problem, file.toString());
        // Warm start from Regroup's plan: on 2 shared cores CP-SAT alone does not place everyone in 20 s
        // (docs/cpsat.md); the rules checked here are the model's, whichever plan the search starts from.
        result = CpSatPeer.solve(problem, day, Duration.ofSeconds(20), 1, Start.REGROUP_PLAN);
    }

    @Test
    void itsPlanImportsAndBreaksNoHardRule() {
        Plan plan = result.run().last();
        assertThat(plan).isNotNull();
        DayPlan imported = imported(plan);
        HardMediumSoftScore score = imported.getScore();
        assertThat(score.hardScore()).as("hard score of %s", score).isZero();
        assertThat(score.mediumScore()).as("everyone fits on the small day: %s", score).isZero();
        assertThat(result.run().facts()).containsKeys("status", "objective", "bestObjectiveBound", "numVariables",
                "numConstraints", "modelBuildMillis", "rulesExact", "rulesApproximated", "rulesNotModelled");
    }

    @Test
    void everyImprovementIsBetterThanTheOneBefore() {
        var improvements = result.run().improvements();
        for (int i = 1; i < improvements.size(); i++) {
            assertThat(improvements.get(i).elapsed()).isGreaterThanOrEqualTo(improvements.get(i - 1).elapsed());
            HardMediumSoftScore before = HardMediumSoftScore.parseScore(improvements.get(i - 1).plan().score());
            HardMediumSoftScore after = HardMediumSoftScore.parseScore(improvements.get(i).plan().score());
            assertThat(after).isGreaterThan(before);
        }
    }

    /** The model's own objective, rule by rule, is Timefold's score of the imported plan: the model has not drifted. */
    @Test
    void modelScoresItsPlanExactlyAsTimefoldDoes() {
        DayPlan imported = imported(result.run().last());
        Map<String, Long> timefold = new TreeMap<>();
        Explainer.solutionManager().analyze(imported, ScoreAnalysisFetchPolicy.FETCH_MATCH_COUNT)
                .constraintAnalyses().forEach(c -> {
                    HardMediumSoftScore s = c.score();
                    long points = -(s.hardScore() + s.mediumScore() + s.softScore());
                    if (points != 0) {
                        timefold.put(c.constraintName(), points);
                    }
                });
        Map<String, Long> model = new TreeMap<>();
        result.modelPoints().forEach((rule, points) -> {
            if (points != 0) {
                model.put(rule, points);
            }
        });
        assertThat(model).isEqualTo(timefold);
        assertThat(result.best().score()).isEqualTo(imported.getScore().toString());
        assertThat(result.run().facts().get("rulesApproximated")).isEqualTo(Map.of());
    }

    private static DayPlan imported(Plan plan) {
        DayPlan fresh = PlanScorer.imported(problem, plan, "cp-sat plan");
        return fresh;
    }
}
