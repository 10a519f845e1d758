package org.regroup.benchmarks.suite;

import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.regroup.benchmarks.peers.PlanScorer;
import org.regroup.domain.plan.Kpis;

/**
 * One solver on one day with one seed: what the suite's JSON holds per run. Every plan is scored by Regroup's
 * Timefold rules and KPI code, whichever solver made it.
 *
 * @param dataset               file name, or {@code generated-N} for the scaling series
 * @param solver                {@code regroup}, {@code regroup-late-acceptance}, {@code cp-sat}, {@code greedy}, …
 * @param limitSeconds          the wall-clock budget the solver was given
 * @param firstPlanSeconds      when the solver had its first complete plan (any score); null when none
 * @param firstFeasibleSeconds  when it had its first plan breaking no hard rule; null when none
 * @param checkpoints           the best plan known at each time limit of the suite
 * @param timeline              each improvement: seconds and score (for the score-over-time plot)
 * @param scoreCalculationSpeed Timefold's score calculations per second (Regroup's configurations only)
 * @param peakHeapMiB           peak heap use of the run's JVM (garbage included)
 * @param liveHeapMiB           heap in use after a full collection at the end, the day model still held
 * @param facts                 solver-specific figures (CP-SAT status, objective and bound; peer counts)
 * @param error                 why the run produced no plan, or its plan could not be scored; null when fine
 */
public record RunRecord(String dataset, int students, int staff, int spaces, int blocks, String solver, long seed,
        double limitSeconds, Double firstPlanSeconds, Double firstFeasibleSeconds, List<Checkpoint> checkpoints,
        List<Point> timeline, Long scoreCalculationSpeed, long peakHeapMiB, long liveHeapMiB, double wallSeconds,
        Map<String, Object> facts, String error) {

    /**
     * The best plan known at a time limit, scored by Regroup's rules.
     *
     * @param goalSkillShare     share of placed skill work on a goal skill (students with goals)
     * @param staffLedShare      staff-led blocks delivered / needed by students with a staff-led minimum (null: none)
     * @param unmetAccommodation students with an accommodation not met
     */
    public record Checkpoint(double atSeconds, String score, long hard, long medium, long soft, double placedShare,
            double goalSkillShare, Double staffLedShare, int staffLedDelivered, int staffLedRequired,
            int unmetAccommodation, int catchAllStudentBlocks, double meanDistinctModalities) {

        static Checkpoint of(double atSeconds, PlanScorer.Scored scored) {
            HardMediumSoftScore s = scored.score();
            Kpis k = scored.kpis();
            Double staffLed = k.staffLedRequired() == 0 ? null : (double) k.staffLedDelivered() / k.staffLedRequired();
            return new Checkpoint(atSeconds, s.toString(), s.hardScore(), s.mediumScore(), s.softScore(),
                    k.placedShare(), k.goalSkillShare(), staffLed, k.staffLedDelivered(), k.staffLedRequired(),
                    k.studentsWithUnmetAccommodation(), k.catchAllStudentBlocks(), k.meanDistinctModalities());
        }
    }

    /** An improvement: when and how good. */
    public record Point(double seconds, long hard, long medium, long soft) {
    }

    public RunRecord {
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    /** The record of a deterministic solver's run standing for another seed (its facts say which run it is). */
    RunRecord asSeed(long otherSeed) {
        Map<String, Object> noted = new java.util.LinkedHashMap<>(facts);
        noted.put("sameRunAsSeed", seed);
        return new RunRecord(dataset, students, staff, spaces, blocks, solver, otherSeed, limitSeconds, firstPlanSeconds,
                firstFeasibleSeconds, checkpoints, timeline, scoreCalculationSpeed, peakHeapMiB, liveHeapMiB,
                wallSeconds, noted, error);
    }

    /** The checkpoint at {@code seconds}, or null when the run had no plan by then. */
    public Checkpoint at(double seconds) {
        return checkpoints.stream().filter(c -> c.atSeconds() == seconds).findFirst().orElse(null);
    }
}
