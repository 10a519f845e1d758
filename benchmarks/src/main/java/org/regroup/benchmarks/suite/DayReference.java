package org.regroup.benchmarks.suite;

import java.util.List;

/**
 * Plans kept from an earlier build of Regroup, scored by today's rules at every suite run, so that "better than we
 * were" is judged on today's rules and weights instead of on numbers measured under old ones ({@link References}).
 *
 * @param dataset the day's label (file name)
 * @param name    the reference's name: its directory under {@code benchmarks/references/<day>/}
 * @param plans   each kept plan's score and KPIs under today's rules, at the time it was found
 * @param error   why the plans could not be scored (they no longer fit the day, say); null when fine
 */
public record DayReference(String dataset, String name, List<RunRecord.Checkpoint> plans, String error) {

    public DayReference {
        plans = plans == null ? List.of() : List.copyOf(plans);
    }

    /** The median plan (by score: hard, then medium, then soft), or null when none was scored. */
    RunRecord.Checkpoint median() {
        return SuiteStats.median(plans);
    }
}
