package org.regroup.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The issue's targets are judged from the records alone: these pin down how. */
class TargetsTest {

    private static final SuiteSpec SPEC = new SuiteSpec("t", List.of("small.json", "medium.json"),
            List.of("regroup", "cp-sat", "greedy", "static-tracking"), List.of(1L, 2L, 3L), List.of(10.0, 30.0),
            List.of(1000, 3000), 60, List.of(), 0);

    private final List<RunRecord> runs = new ArrayList<>();
    private final List<RunRecord> scaling = new ArrayList<>();

    @Test
    void regroupWithinHalfAPercentOfAProvenOptimumMeetsTheTarget() {
        run("small.json", "cp-sat", 1, Map.of("status", "OPTIMAL"), 2.0, at(30, 0, -1000, 0.5, 1.0));
        for (long seed = 1; seed <= 3; seed++) {
            run("small.json", "regroup", seed, Map.of(), 0.5, at(10, 0, -1004, 0.8, 1.0));
        }
        SuiteResult.Target t = Targets.optimumGap(result());
        assertThat(t.met()).isTrue();
        assertThat(t.measured()).contains("0.40%");
    }

    @Test
    void issueSeventeensGapIsOnePercentAtThirtySeconds() {
        run("small.json", "cp-sat", 1, Map.of("status", "OPTIMAL"), 2.0, at(30, 0, -1000, 0.5, 1.0));
        run("small.json", "regroup", 1, Map.of(), 0.5, at(10, 0, -1020, 0.8, 1.0), at(30, 0, -1008, 0.8, 1.0));
        SuiteResult.Target t = Targets.optimumGap(result(), 30, 0.01);
        assertThat(t.name()).isEqualTo("small: within 1% of CP-SAT's proven optimum at 30 s");
        assertThat(t.met()).isTrue();
        assertThat(t.measured()).contains("0.80%");
        assertThat(Targets.optimumGap(result()).met()).as("issue 3's: 0.5 % at 10 s").isFalse();
        assertThat(Targets.evaluate(result())).extracting(SuiteResult.Target::name)
                .contains("small: within 0.5% of CP-SAT's proven optimum at 10 s", t.name());
    }

    @Test
    void theMedianSeedDecidesNotTheBest() {
        run("small.json", "cp-sat", 1, Map.of("status", "OPTIMAL"), 2.0, at(30, 0, -1000, 0.5, 1.0));
        run("small.json", "regroup", 1, Map.of(), 0.5, at(10, 0, -1000, 0.8, 1.0));
        run("small.json", "regroup", 2, Map.of(), 0.5, at(10, 0, -1020, 0.8, 1.0));
        run("small.json", "regroup", 3, Map.of(), 0.5, at(10, 0, -1030, 0.8, 1.0));
        SuiteResult.Target t = Targets.optimumGap(result());
        assertThat(t.met()).isFalse();
        assertThat(t.measured()).contains("2.00%");
        assertThat(t.note()).contains("missed by 1.50%");
    }

    @Test
    void withoutAProvenOptimumTheGapIsNotMeasured() {
        run("small.json", "cp-sat", 1, Map.of("status", "FEASIBLE"), 2.0, at(30, 0, -1100, 0.5, 1.0));
        run("small.json", "regroup", 1, Map.of(), 0.5, at(10, 0, -1000, 0.8, 1.0));
        SuiteResult.Target t = Targets.optimumGap(result());
        assertThat(t.met()).isNull();
        assertThat(t.note()).contains("proved no optimum", "FEASIBLE");
    }

    @Test
    void aPlanThatLeavesStudentsUnplacedIsWorseWhateverItsSoftScore() {
        RunRecord.Checkpoint placesEveryone = at(10, 0, -5000, 0.8, 1.0);
        RunRecord.Checkpoint leavesSomeOut = new RunRecord.Checkpoint(10, "0hard/-10medium/-10soft", 0, -10, -10, 0.9,
                0.8, 1.0, 1, 1, 0, 0, 3);
        assertThat(SuiteStats.atLeast(placesEveryone, leavesSomeOut)).isTrue();
        assertThat(Targets.gap(leavesSomeOut, placesEveryone)).isInfinite();
    }

    @Test
    void feasibleSoonerComparesMedianTimesAndCountsNoFeasiblePlanAsMet() {
        run("medium.json", "regroup", 1, Map.of(), 0.5, at(30, 0, -1000, 0.8, 1.0));
        run("medium.json", "cp-sat", 1, Map.of(), 4.0, at(30, 0, -2000, 0.5, 1.0));
        SuiteResult.Target t = Targets.feasibleSooner(result(), "medium.json");
        assertThat(t.met()).isFalse();
        assertThat(t.measured()).contains("8.0×");

        runs.clear();
        run("medium.json", "regroup", 1, Map.of(), 0.5, at(30, 0, -1000, 0.8, 1.0));
        run("medium.json", "cp-sat", 1, Map.of(), null);
        assertThat(Targets.feasibleSooner(result(), "medium.json").met()).isTrue();
    }

    @Test
    void heuristicsMustTrailOnEveryDayByThePoints() {
        run("small.json", "regroup", 1, Map.of(), 0.5, at(30, 0, -1000, 0.80, 1.0));
        run("small.json", "greedy", 1, Map.of(), 0.1, at(30, -5, -3000, 0.45, 0.85));
        run("medium.json", "regroup", 1, Map.of(), 0.5, at(30, 0, -1000, 0.70, 1.0));
        run("medium.json", "greedy", 1, Map.of(), 0.1, at(30, -5, -3000, 0.50, 0.80));
        SuiteResult.Target goal = Targets.versusHeuristic(result(), "greedy", "goal", 30,
                RunRecord.Checkpoint::goalSkillShare);
        assertThat(goal.met()).isFalse(); // medium: +20 points only
        assertThat(goal.measured()).contains("small.json: 80.0% vs 45.0% (+35.0)", "medium.json: 70.0% vs 50.0% (+20.0)");
        SuiteResult.Target staffLed = Targets.versusHeuristic(result(), "greedy", "staff-led", 10,
                RunRecord.Checkpoint::staffLedShare);
        assertThat(staffLed.met()).isTrue();
    }

    @Test
    void goalSkillsMustReachGreedysOnEveryDayWithEveryonePlacedInProperGroups() {
        run("small.json", "regroup", 1, Map.of(), 0.5, at(30, 0, -1000, 0.90, 1.0));
        run("small.json", "greedy", 1, Map.of(), 0.1, at(30, -42, -3000, 0.88, 1.0));
        run("medium.json", "regroup", 1, Map.of(), 0.5, at(30, 0, -1000, 0.89, 1.0));
        run("medium.json", "greedy", 1, Map.of(), 0.1, at(30, -7, -3000, 0.87, 1.0));
        SuiteResult.Target t = Targets.goalSkillsAtLeastGreedy(result());
        assertThat(t.met()).isTrue();
        assertThat(t.measured()).contains("small.json: 90.0% (0hard/0medium) vs 88.0% (0hard/-42medium)");

        runs.clear(); // a higher share bought with an undersized group does not count
        run("small.json", "regroup", 1, Map.of(), 0.5, at(30, -2, -1000, 0.95, 1.0));
        run("small.json", "greedy", 1, Map.of(), 0.1, at(30, -42, -3000, 0.88, 1.0));
        assertThat(Targets.goalSkillsAtLeastGreedy(result()).met()).isFalse();

        runs.clear();
        run("small.json", "regroup", 1, Map.of(), 0.5, at(30, 0, -1000, 0.83, 1.0));
        run("small.json", "greedy", 1, Map.of(), 0.1, at(30, -42, -3000, 0.88, 1.0));
        assertThat(Targets.goalSkillsAtLeastGreedy(result()).met()).isFalse();
    }

    @Test
    void scalingComparesThreeThousandWithOneThousandStudents() {
        scaling.add(scalingRun(1000, 2.0, 400));
        scaling.add(scalingRun(3000, 7.0, 900));
        SuiteResult r = result();
        assertThat(Targets.scalingTime(r).met()).isFalse();
        assertThat(Targets.scalingTime(r).measured()).contains("3.5×");
        assertThat(Targets.scalingHeap(r).met()).isTrue();
    }

    @Test
    void scalingReadsTheMedianRunOfEachSizeAndTheLargestHeap() {
        scaling.add(scalingRun(1000, 1, 2.0, 400));
        scaling.add(scalingRun(1000, 2, 1.5, 400));
        scaling.add(scalingRun(1000, 3, 2.1, 400));
        scaling.add(scalingRun(3000, 1, 5.5, 900));
        scaling.add(scalingRun(3000, 2, 6.5, 1100)); // one slow run (6.5 / 2.0 = 3.25×) does not decide it
        scaling.add(scalingRun(3000, 3, 5.8, 900));
        SuiteResult r = result();
        assertThat(Targets.scalingTime(r).met()).isTrue();
        assertThat(Targets.scalingTime(r).measured()).contains("1,000: 2.00 s, 3,000: 5.80 s: 2.9×")
                .contains("medians of 3 and 3 runs");
        assertThat(Targets.scalingHeap(r).met()).isFalse(); // every run must stay under 1 GiB
        assertThat(Targets.scalingHeap(r).measured()).contains("peak 1100 MiB");

        scaling.set(1, new RunRecord("generated-1000", 1000, 10, 10, 6, "regroup", 2, 60, null, null, List.of(),
                List.of(), 1000L, 400, 200, 60, Map.of(), null));
        assertThat(Targets.scalingTime(result()).met()).isFalse(); // a run with no feasible plan is not skipped
    }

    @Test
    void theReportGivesEveryWorkablePlanItsGapToTheDaysBound(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out)
            throws Exception {
        run("small.json", "regroup", 1, Map.of(), 0.5, at(10, 0, -1200, 0.8, 1.0));
        run("small.json", "greedy", 1, Map.of(), 0.5, at(10, -3, -900, 0.8, 1.0));
        SuiteResult r = new SuiteResult("t", "test", "now", 1, SuiteResult.Machine.current(), SPEC, runs, scaling,
                null, List.of(), List.of(new DayBound("small.json", "CAPACITY", -1000L, 2.0, null)), List.of());

        String md = java.nio.file.Files.readString(SuiteReport.write(r, out, "test"));

        assertThat(md).contains("Bound on the soft score of any workable plan: **-1000**", "| gap to bound |",
                "`0hard/0medium/-1200soft` | 20.0% |");
        assertThat(md).as("a plan breaking a medium rule has no gap: the bound says nothing of it")
                .contains("`0hard/-3medium/-900soft` |  |");
        assertThat(new DayBound("d", "CAPACITY", null, 0, "overran").gapPercent(0, 0, -5)).isNull();
    }

    @Test
    void scoreSpeedIsTheMedianOfRegroupsRunsOnLarge() {
        for (long speed : new long[] {12_000, 31_000, 35_000}) {
            runs.add(new RunRecord("large.json", 10, 2, 2, 3, "regroup", speed, 30, 1.0, 1.0,
                    List.of(at(30, 0, -1000, 0.8, 1.0)), List.of(), speed, 100, 10, 30, Map.of(), null));
        }
        SuiteResult.Target t = Targets.scoreSpeed(result());
        assertThat(t.met()).isTrue();
        assertThat(t.measured()).contains("31,000/s (median of 3 runs)");

        runs.removeIf(x -> x.scoreCalculationSpeed() > 30_000);
        runs.add(new RunRecord("large.json", 10, 2, 2, 3, "regroup", 4, 30, 1.0, 1.0,
                List.of(at(30, 0, -1000, 0.8, 1.0)), List.of(), 10_000L, 100, 10, 30, Map.of(), null));
        t = Targets.scoreSpeed(result());
        assertThat(t.met()).isFalse();
        assertThat(t.note()).contains("2.7× short"); // median of 10,000 and 12,000: 11,000
    }

    @Test
    void regroupAtThirtySecondsMustBeAtLeastTheStartingBuildsMedianKeptPlan() {
        for (long seed = 1; seed <= 3; seed++) {
            run("large.json", "regroup", seed, Map.of(), 1.0, at(10, 0, -1200 - seed, 0.8, 1.0),
                    at(30, 0, -1100 - seed, 0.8, 1.0));
        }
        DayReference start = new DayReference("large.json", Targets.START_REFERENCE, List.of(
                at(120, 0, -1150, 0.8, 1.0), at(120, 0, -1090, 0.8, 1.0), at(120, 0, -1101, 0.8, 1.0)), null);
        SuiteResult.Target t = Targets.aheadOfTheStart(result(List.of(start)));
        assertThat(t.met()).as("Regroup's median -1102 vs the start's median -1101").isFalse();
        assertThat(t.measured()).contains("Regroup 0hard/0medium/-1102soft at 30 s",
                "the start's 0hard/0medium/-1101soft at 120 s");

        start = new DayReference("large.json", Targets.START_REFERENCE, List.of(at(120, 0, -1102, 0.8, 1.0)), null);
        assertThat(Targets.aheadOfTheStart(result(List.of(start))).met()).as("equal is enough").isTrue();

        SuiteResult.Target unscored = Targets.aheadOfTheStart(result(List.of(new DayReference("large.json",
                Targets.START_REFERENCE, List.of(), "plan.json.gz does not fit the day"))));
        assertThat(unscored.met()).isNull();
        assertThat(unscored.note()).contains("does not fit the day");
        assertThat(Targets.aheadOfTheStart(result()).met()).as("no reference kept").isNull();
    }

    private SuiteResult result() {
        return result(List.of());
    }

    private SuiteResult result(List<DayReference> references) {
        return new SuiteResult("t", "test", "now", 1, null, SPEC, runs, scaling, null, List.of(), List.of(),
                references);
    }

    private void run(String day, String solver, long seed, Map<String, Object> facts, Double feasible,
            RunRecord.Checkpoint... checkpoints) {
        runs.add(new RunRecord(day, 10, 2, 2, 3, solver, seed, 30, feasible, feasible, List.of(checkpoints), List.of(),
                null, 100, 10, 30, facts, null));
    }

    private static RunRecord scalingRun(int students, double feasible, long heap) {
        return scalingRun(students, 1, feasible, heap);
    }

    private static RunRecord scalingRun(int students, long seed, double feasible, long heap) {
        return new RunRecord("generated-" + students, students, 10, 10, 6, "regroup", seed, 60, feasible, feasible,
                List.of(at(60, 0, -1, 0.7, 1.0)), List.of(), 1000L, heap, heap / 2, 60, Map.of(), null);
    }

    private static RunRecord.Checkpoint at(double seconds, long medium, long soft, double goal, double staffLed) {
        return new RunRecord.Checkpoint(seconds, "0hard/" + medium + "medium/" + soft + "soft", 0, medium, soft, 1.0,
                goal, staffLed, 10, 10, 0, 0, 3);
    }
}
