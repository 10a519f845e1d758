package org.regroup.benchmarks.suite;

import org.regroup.benchmarks.bound.ScoreBound;

/**
 * The bound on a day's soft score (docs/bound.md): no plan with 0 hard / 0 medium scores above {@code soft}. Computed
 * once per day, in a JVM of its own, beside the runs; the report gives every workable plan's gap to it.
 *
 * @param level   the bound's level ({@link ScoreBound.Level}); a looser one when the tightest overran its budget
 * @param soft    the bound; null when none was computed ({@code error} says why) or no plan can be workable
 * @param seconds how long it took
 */
public record DayBound(String dataset, String level, Long soft, double seconds, String error) {

    /** The gap of a workable plan's soft score to the bound, in % of the bound; null without a bound. */
    public Double gapPercent(long hard, long medium, long softScore) {
        return soft == null || hard != 0 || medium != 0 ? null : ScoreBound.gapPercent(soft, softScore);
    }
}
