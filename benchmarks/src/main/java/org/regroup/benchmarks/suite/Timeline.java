package org.regroup.benchmarks.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a run's score-over-time readable: Regroup improves thousands of times a minute, and a point per improvement
 * made the full suite's JSON and plots megabytes. Kept: the first and last points, every change of the hard or
 * medium level, and otherwise a point only 5 % or more later than the last one kept (about 50 points per decade of
 * time). The scores of kept points are unchanged; only intermediate improvements are dropped.
 */
final class Timeline {

    static final double SPACING = 1.05;

    private Timeline() {
    }

    static List<RunRecord.Point> thin(List<RunRecord.Point> all) {
        if (all.size() <= 2) {
            return all;
        }
        List<RunRecord.Point> kept = new ArrayList<>();
        RunRecord.Point last = null;
        for (int i = 0; i < all.size(); i++) {
            RunRecord.Point p = all.get(i);
            boolean levelChanged = last != null && (p.hard() != last.hard() || p.medium() != last.medium());
            if (last == null || i == all.size() - 1 || levelChanged || p.seconds() >= last.seconds() * SPACING) {
                kept.add(p);
                last = p;
            }
        }
        return kept;
    }

    static RunRecord thinned(RunRecord r) {
        return new RunRecord(r.dataset(), r.students(), r.staff(), r.spaces(), r.blocks(), r.solver(), r.seed(),
                r.limitSeconds(), r.firstPlanSeconds(), r.firstFeasibleSeconds(), r.checkpoints(), thin(r.timeline()),
                r.scoreCalculationSpeed(), r.peakHeapMiB(), r.liveHeapMiB(), r.wallSeconds(), r.facts(), r.error());
    }
}
