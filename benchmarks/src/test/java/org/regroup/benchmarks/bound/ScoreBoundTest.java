package org.regroup.benchmarks.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regroup.benchmarks.peers.GreedyRegroupingPeer;
import org.regroup.benchmarks.peers.Peer;
import org.regroup.benchmarks.peers.PeersTest;
import org.regroup.benchmarks.peers.PlanScorer;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Placement;
import org.regroup.solver.solve.DaySolver;
import org.regroup.solver.solve.SolveOptions;
import org.regroup.benchmarks.peers.StaticTrackingPeer;

/**
 * No plan scores above the bound: Regroup's plan (ended by a step count, never by time), the greedy and the
 * static-tracking peers' plans on the bundled days, whenever they have 0 hard / 0 medium.
 */
public class ScoreBoundTest {

    private static final int STEPS = 400;
    private static final Map<String, DayProblem> PROBLEMS = new ConcurrentHashMap<>();

    static DayProblem problem(String name) {
        return PROBLEMS.computeIfAbsent(name, n -> {
            Path file = PeersTest.datasets().resolve(n + ".json");
            return DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
        });
    }

    static DayPlan regroup(DayProblem problem) {
        return DaySolver.solve(DayPlanBuilder.build(problem, "regroup"), SolveOptions.of(Duration.ofMinutes(10))
                .withStepCountLimit(STEPS).withSeed(1), p -> {
                }).plan();
    }

    @ParameterizedTest
    // part-time and quiet-heavy (115-134 students) hold too (docs/bound.md), measured with BoundMain: minutes each
    @ValueSource(strings = { "small", "shapes/tiny", "shapes/one-room" })
    void noPlanScoresAboveTheBound(String dataset) {
        DayProblem problem = problem(dataset);
        ScoreBound.Result bound = ScoreBound.of(DayPlanBuilder.build(problem, dataset));
        ScoreBound.Result alone = ScoreBound.of(DayPlanBuilder.build(problem, dataset), ScoreBound.Level.STUDENT_DAY);
        ScoreBound.Result plain = ScoreBound.of(DayPlanBuilder.build(problem, dataset), ScoreBound.Level.PLACEMENT);
        assertThat(plain.workable()).isTrue();
        // Each level adds to the one before (the capacity prices start at 0, where they give the student-day bound).
        assertThat(alone.soft()).isLessThanOrEqualTo(plain.soft());
        assertThat(bound.soft()).isLessThanOrEqualTo(alone.soft());
        assertThat(bound.penalty()).isCloseTo(bound.rules().stream().mapToDouble(ScoreBound.RuleBound::penalty)
                .sum() + bound.seatPrices(), org.assertj.core.data.Offset.offset(1e-6));

        List<HardMediumSoftScore> scores = new ArrayList<>();
        scores.add(regroup(problem).getScore());
        for (Peer peer : List.of(new GreedyRegroupingPeer(), new StaticTrackingPeer())) {
            Plan plan = peer.run(problem, DayPlanBuilder.build(problem, dataset), Duration.ofSeconds(5), 1L).last();
            if (plan != null) {
                scores.add(PlanScorer.score(problem, plan, dataset).score());
            }
        }
        for (HardMediumSoftScore score : scores) {
            for (ScoreBound.Result r : List.of(bound, alone, plain)) {
                assertThat(r.admits(score)).as("%s: %s against %s bound %s", dataset, score, r.level(), r.soft())
                        .isTrue();
            }
        }
        assertThat(scores).as("at least one workable plan, or the check says nothing")
                .anyMatch(s -> s.hardScore() == 0 && s.mediumScore() == 0);
    }

    /**
     * The choices the bound leaves out are only those no workable plan makes: every seat of a workable plan is among
     * its block's choices, and the block's cheapest choice costs no more than the seat the plan gave.
     */
    @ParameterizedTest
    @ValueSource(strings = { "small", "shapes/tiny" })
    void everySeatOfAWorkablePlanIsAChoice(String dataset) {
        DayPlan plan = regroup(problem(dataset));
        assertThat(plan.getScore().hardScore()).isZero();
        assertThat(plan.getScore().mediumScore()).isZero();
        BlockChoices choices = new BlockChoices(Weights.of(plan));
        Map<org.regroup.solver.model.Learner, List<Placement>> days = new java.util.HashMap<>();
        plan.getPlacements().forEach(p -> days.computeIfAbsent(p.getLearner(), l -> new ArrayList<>()).add(p));
        for (Placement p : plan.getPlacements()) {
            List<Choice> mine = choices.of(p, ScoreBound.mayTravel(p, days.get(p.getLearner())),
                    (period, s, m, f) -> 0);
            if (p.getSession() == null) {
                assertThat(mine).as(p.getId()).anyMatch(c -> !c.placed());
            } else {
                var s = p.getSession();
                assertThat(mine).as(p.getId()).anyMatch(c -> c.placed() && c.mode() == s.getMode()
                        && c.focus() == s.focusOf(p.getLearner()));
            }
        }
    }
}
