package org.regroup.benchmarks.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * The shapes suite's targets (issue 12), judged run by run — on every shape and every seed, never on medians: Regroup
 * places at least the share of student-blocks the witness and the greedy peer place, and breaks no hard rule wherever
 * the witness shows that none need be broken. The peers are deterministic; each Regroup run is compared with the
 * peer's run of the same seed (or its only one).
 */
final class ShapeTargets {

    static final String WITNESS = "witness";
    static final String GREEDY = "greedy";
    /** Placed shares are KPIs rounded to 4 decimals; equal ones must compare equal. */
    private static final double EPSILON = 1e-9;

    private ShapeTargets() {
    }

    static List<SuiteResult.Target> evaluate(SuiteResult r) {
        return List.of(placedAtLeast(r, WITNESS), placedAtLeast(r, GREEDY), feasibleWhereWitnessIs(r),
                goalSkillsAtLeastGreedy(r));
    }

    /** Every shape and seed: Regroup's goal-skill share ≥ greedy's (issue 17), on the student-blocks each placed. */
    static SuiteResult.Target goalSkillsAtLeastGreedy(SuiteResult r) {
        return judge(r, GREEDY, "every shape and seed: Regroup's goal-skill share ≥ greedy's", "≥ on every run",
                (regroup, other) -> true,
                (regroup, other) -> regroup.goalSkillShare() + EPSILON >= other.goalSkillShare(),
                (regroup, other) -> String.format(Locale.ROOT, "%.1f%% vs %.1f%%", 100 * regroup.goalSkillShare(),
                        100 * other.goalSkillShare()));
    }

    /** Every shape and seed: Regroup's placed share ≥ the peer's. */
    static SuiteResult.Target placedAtLeast(SuiteResult r, String peer) {
        return judge(r, peer, "every shape and seed: Regroup's placed share ≥ " + peer + "'s", "≥ on every run",
                (regroup, other) -> true,
                (regroup, other) -> regroup.placedShare() + EPSILON >= other.placedShare(),
                (regroup, other) -> String.format(Locale.ROOT, "%.1f%% vs %.1f%%", 100 * regroup.placedShare(),
                        100 * other.placedShare()));
    }

    /** Every shape and seed where the witness breaks no hard rule: neither does Regroup. */
    static SuiteResult.Target feasibleWhereWitnessIs(SuiteResult r) {
        return judge(r, WITNESS, "every shape and seed where the witness breaks no hard rule: Regroup breaks none",
                "0 hard on every such run", (regroup, witness) -> witness.hard() == 0,
                (regroup, witness) -> regroup.hard() == 0, (regroup, witness) -> regroup.score());
    }

    /**
     * Compares each Regroup run with the peer's run of the same seed, on the runs {@code applies} selects; met when
     * {@code holds} for all of them, not measured when there is none.
     */
    private static SuiteResult.Target judge(SuiteResult r, String peer, String name, String goal,
            BiPredicate<RunRecord.Checkpoint, RunRecord.Checkpoint> applies,
            BiPredicate<RunRecord.Checkpoint, RunRecord.Checkpoint> holds,
            BiFunction<RunRecord.Checkpoint, RunRecord.Checkpoint, String> describe) {
        double at = r.spec().longestLimit();
        int compared = 0;
        List<String> failed = new ArrayList<>();
        for (String day : r.spec().datasets().stream().map(Datasets::label).toList()) {
            List<RunRecord> peerRuns = SuiteStats.runs(r, day, peer);
            for (RunRecord regroup : SuiteStats.runs(r, day, Contenders.REGROUP)) {
                RunRecord other = peerRuns.stream().filter(x -> x.seed() == regroup.seed()).findFirst()
                        .orElse(peerRuns.isEmpty() ? null : peerRuns.get(0));
                RunRecord.Checkpoint theirs = other == null ? null : other.at(at);
                if (theirs == null) {
                    continue; // nothing to compare with
                }
                RunRecord.Checkpoint ours = regroup.at(at);
                if (ours != null && !applies.test(ours, theirs)) {
                    continue;
                }
                compared++;
                if (ours == null) {
                    failed.add(day + " seed " + regroup.seed() + ": no plan");
                } else if (!holds.test(ours, theirs)) {
                    failed.add(day + " seed " + regroup.seed() + ": " + describe.apply(ours, theirs));
                }
            }
        }
        if (compared == 0) {
            return new SuiteResult.Target(name, goal, "not measured", null, "no shape with both Regroup's and "
                    + peer + "'s runs" + (peer.equals(WITNESS) ? " (where the witness breaks no hard rule)" : ""));
        }
        String measured = (compared - failed.size()) + " of " + compared + " runs"
                + (failed.isEmpty() ? "" : "; not on " + String.join("; ", failed));
        return new SuiteResult.Target(name, goal, measured, failed.isEmpty(), failed.isEmpty() ? ""
                : "missed on " + failed.size() + " run(s)");
    }
}
