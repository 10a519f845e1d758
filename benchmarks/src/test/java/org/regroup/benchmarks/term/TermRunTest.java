package org.regroup.benchmarks.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.benchmarks.peers.GreedyRegroupingPeer;
import org.regroup.benchmarks.peers.PeersTest;
import org.regroup.benchmarks.peers.StaticTrackingPeer;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.learning.LearningParameters;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.solve.SolveOptions;

/**
 * The term simulator on the bundled small school for a few days. Regroup's solves end by steps, never by the clock,
 * so the outcomes do not depend on how busy the machine is.
 */
class TermRunTest {

    private static final int DAYS = 6;
    private static DayProblem small;

    @BeforeAll
    static void read() {
        Path file = PeersTest.datasets().resolve("small.json");
        small = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
    }

    private static Policy regroup() {
        return new RegroupPolicy(SolveOptions.of(Duration.ofMinutes(10)).withStepCountLimit(200));
    }

    private static TermSeries run(String name, Policy policy, LearningParameters learning, double absence) {
        return new TermRun(small, name, policy, 1, DAYS, learning, absence).run(line -> {
        });
    }

    @Test
    void everyPolicyMeetsTheSameAbsentStudentsEveryDay() {
        List<TermSeries> runs = List.of(run("regroup", regroup(), LearningParameters.DEFAULTS, 0.2),
                run("greedy", new PeerPolicy(new GreedyRegroupingPeer(), Duration.ofMinutes(1)),
                        LearningParameters.DEFAULTS, 0.2),
                run("static-tracking", new PeerPolicy(new StaticTrackingPeer(), Duration.ofMinutes(1)),
                        LearningParameters.DEFAULTS, 0.2));
        List<Integer> absent = runs.get(0).days().stream().map(TermSeries.Day::absent).toList();
        assertThat(absent).hasSize(DAYS);
        assertThat(absent.stream().mapToInt(Integer::intValue).sum()).as("a fifth of 58 students away, 6 days")
                .isBetween(30, 110);
        for (TermSeries r : runs) {
            assertThat(r.days().stream().map(TermSeries.Day::absent).toList()).as(r.policy()).isEqualTo(absent);
            assertThat(r.masteredPerStudent()).hasSize(small.students().size()).allMatch(n -> n >= 0);
            // mastered standards are kept: the mean never falls
            List<Double> means = r.days().stream().map(TermSeries.Day::masteredMean).toList();
            for (int d = 1; d < means.size(); d++) {
                assertThat(means.get(d)).as(r.policy() + " day " + (d + 1)).isGreaterThanOrEqualTo(means.get(d - 1));
            }
            // the day's schedule really is the school's: five skill blocks of 45 minutes at most
            assertThat(r.days()).allSatisfy(d -> assertThat(d.skillMinutes().values().stream()
                    .mapToDouble(Double::doubleValue).sum()).isPositive().isLessThanOrEqualTo(5 * 45.0));
        }
        TermSeries regroup = runs.get(0);
        assertThat(regroup.days().get(0).planSeconds()).isPositive();
        assertThat(regroup.readyShare()).as("blocks on a truly ready standard").isGreaterThan(0.5);
    }

    @Test
    void studentsLearnNothingWhenNoMinuteCounts() {
        LearningParameters none = LearningParameters.DEFAULTS;
        for (String modality : LearningParameters.DEFAULTS.modalityEffect().keySet()) {
            none = none.with("effect." + modality, 0);
        }
        TermSeries r = run("greedy", new PeerPolicy(new GreedyRegroupingPeer(), Duration.ofMinutes(1)), none, 0);
        assertThat(r.masteredPerStudent()).containsOnly(0);
        assertThat(r.goalsReachedPerStudent()).as("estimates move on answers only, and no answer is of a mastered "
                + "standard").isLessThan(0.5);
    }

    @Test
    void fasterLearnersMasterMore() {
        Policy greedy = new PeerPolicy(new GreedyRegroupingPeer(), Duration.ofMinutes(1));
        TermSeries typical = run("greedy", greedy, LearningParameters.DEFAULTS, 0);
        TermSeries fast = run("greedy", greedy, LearningParameters.DEFAULTS.with("minutesToMaster", 90), 0);
        assertThat(fast.meanMastered()).isGreaterThan(typical.meanMastered() + 1);
        assertThat(fast.goalsReachedPerStudent()).isGreaterThan(typical.goalsReachedPerStudent());
    }

    @Test
    void theReportSaysItIsAModelAndShowsEveryPolicy() {
        List<TermSeries> runs = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            runs.add(new TermRun(small, "greedy", new PeerPolicy(new GreedyRegroupingPeer(), Duration.ofMinutes(1)),
                    seed, 3, LearningParameters.DEFAULTS, 0.05).run(line -> {
                    }));
            runs.add(new TermRun(small, "static-tracking", new PeerPolicy(new StaticTrackingPeer(),
                    Duration.ofMinutes(1)), seed, 3, LearningParameters.DEFAULTS, 0.05).run(line -> {
                    }));
        }
        List<String> policies = List.of("greedy", "static-tracking");
        TermResult result = new TermResult("./regroup simulate --term 3", "small.json", small.students().size(), 3,
                policies, List.of(1L, 2L), "5s", 0.05, List.of(), LearningParameters.DEFAULTS, "now", 1, 2, "test",
                TermResult.summarize(policies, runs), runs);
        String page = TermReport.page(result, TermCharts.element(TermCharts.masteryOverTime(result)),
                TermCharts.element(TermCharts.gapOverTime(result)),
                TermCharts.element(TermCharts.distribution(result)));
        assertThat(page).contains("This is a model, not evidence", "greedy", "static-tracking", "minutesToMaster",
                "<svg", "./regroup simulate --term 3");
        assertThat(page.split("<svg", -1)).hasSize(4);
        Interval greedy = result.summary().get(0).get(Figure.MASTERED_MEAN);
        assertThat(greedy.n()).isEqualTo(2);
        assertThat(greedy.low()).isLessThanOrEqualTo(greedy.mean());
        assertThat(greedy.high()).isGreaterThanOrEqualTo(greedy.mean());
        assertThat(result.overTime("greedy", TermSeries.Day::masteredMean)).hasSize(3);
    }

    @Test
    void intervalsUseStudentsT() {
        Interval i = Interval.of(List.of(1.0, 2.0, 3.0));
        assertThat(i.mean()).isEqualTo(2.0);
        assertThat(i.high() - i.mean()).isCloseTo(4.303 / Math.sqrt(3), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Interval.of(List.of(5.0)).low()).isEqualTo(5.0);
        assertThat(Interval.of(List.of(10.0, 11.0, 12.0)).above(Interval.of(List.of(1.0, 2.0, 3.0)))).isTrue();
        assertThat(Interval.of(List.of(10.0)).above(Interval.of(List.of(1.0)))).as("one seed: no interval").isFalse();
    }
}
