package org.regroup.benchmarks.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.benchmarks.peers.PeerRun;
import org.regroup.benchmarks.peers.PlanScorer;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.SolveOptions;

/**
 * The peer on the bundled small day, scored the way the benchmark suite scores every peer: its plan imported onto a
 * fresh day and scored by Regroup's Timefold rules. One solve serves every test here, bounded by work, not by the
 * clock: Regroup's start plan by a step count, CP-SAT by its deterministic time on one worker with a fixed seed, so
 * the outcome is the same on a loaded machine as on an idle one.
 */
class CpSatPeerTest {

    /** Local-search steps of Regroup's seeded start plan: enough to place everyone on the small day. */
    static final int START_STEPS = 300;
    /**
     * CP-SAT's deterministic time (hint completion, then the search): about twice what its first solution (the
     * hinted plan) takes; 5 to 25 wall-clock seconds here, idle to busy.
     */
    static final double DETERMINISTIC_SECONDS = 5.0;

    private static DayProblem problem;
    private static CpSatPeer.Result result;

    @BeforeAll
    static void solveSmallDay() {
        Path file = Path.of("../datasets/small.json");
        problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
        DayPlan day = DayPlanBuilder.build(problem, file.toString());
        // Warm start from Regroup's plan: CP-SAT alone needs its LNS workers and many seconds to place everyone
        // (docs/cpsat.md); the rules checked here are the model's, whichever plan the search starts from.
        DayPlan start = regroupPlan(problem);
        HardMediumSoftScore startScore = start.getScore();
        assertThat(startScore.hardScore() == 0 && startScore.mediumScore() == 0)
                .as("Regroup's start plan after %d steps places everyone and breaks no hard rule: %s", START_STEPS,
                        startScore)
                .isTrue();
        result = CpSatPeer.solve(problem, day, CpSatPeer.Search.deterministic(DETERMINISTIC_SECONDS), 1, start);
    }

    /** Regroup's plan for the day, seeded and ended by a step count (the time limit only guards against a hang). */
    static DayPlan regroupPlan(DayProblem problem) {
        return DaySolver.solve(DayPlanBuilder.build(problem, "cp-sat start"), SolveOptions.of(
                CpSatPeer.Search.GUARD).withSeed(1).withStepCountLimit(START_STEPS), progress -> {
                }).plan();
    }

    /** CP-SAT's last plan, or a failure that says what CP-SAT reported instead of a NullPointerException. */
    private static Plan lastPlan() {
        Plan plan = result.run().last();
        assertThat(plan).as("CP-SAT found no plan: %s", searchFacts(result.run())).isNotNull();
        return plan;
    }

    /** What a run's facts say about its search (not the long rule lists). */
    static Map<String, Object> searchFacts(PeerRun run) {
        Map<String, Object> facts = new TreeMap<>(run.facts());
        facts.keySet().removeIf(k -> k.startsWith("rule"));
        return facts;
    }

    /** Each improvement is reported no earlier than the one before and scores strictly better by Timefold's rules. */
    static void assertEachImprovementBetter(PeerRun run) {
        var improvements = run.improvements();
        for (int i = 1; i < improvements.size(); i++) {
            assertThat(improvements.get(i).elapsed()).isGreaterThanOrEqualTo(improvements.get(i - 1).elapsed());
            HardMediumSoftScore before = HardMediumSoftScore.parseScore(improvements.get(i - 1).plan().score());
            HardMediumSoftScore after = HardMediumSoftScore.parseScore(improvements.get(i).plan().score());
            assertThat(after).isGreaterThan(before);
        }
    }

    @Test
    void itsPlanImportsAndBreaksNoHardRule() {
        Plan plan = lastPlan();
        DayPlan imported = imported(plan);
        HardMediumSoftScore score = imported.getScore();
        assertThat(score.hardScore()).as("hard score of %s", score).isZero();
        assertThat(score.mediumScore()).as("everyone fits on the small day: %s", score).isZero();
        assertThat(result.run().facts()).containsKeys("status", "objective", "bestObjectiveBound", "numVariables",
                "numConstraints", "modelBuildMillis", "rulesExact", "rulesApproximated", "rulesNotModelled");
        // A workable start plan: the model admits only workable plans and its objective is their soft penalty.
        assertThat(result.run().facts().get("scope")).isEqualTo("WORKABLE");
        assertThat((long) result.run().facts().get("bestObjectiveBound")).isLessThanOrEqualTo(-score.softScore());
    }

    /** Often the hinted plan is the only one here; the tiny day's search reports many (CpSatOptimalityTest). */
    @Test
    void everyImprovementIsBetterThanTheOneBefore() {
        assertThat(result.run().improvements()).as("CP-SAT found no plan: %s", searchFacts(result.run()))
                .isNotEmpty();
        assertEachImprovementBetter(result.run());
    }

    /** The model's own objective, rule by rule, is Timefold's score of the imported plan: the model has not drifted. */
    @Test
    void modelScoresItsPlanExactlyAsTimefoldDoes() {
        DayPlan imported = imported(lastPlan());
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
