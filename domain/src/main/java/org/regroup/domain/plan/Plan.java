package org.regroup.domain.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A solved day: the documented, versioned output format ({@code docs/format.md},
 * {@code docs/schema/plan.schema.json}). Per block the sessions; per student the day; who could not be placed and
 * why; the score as Timefold writes it (e.g. {@code 0hard/0medium/-1234soft}) and the KPIs.
 */
public record Plan(String format, int version, String problemId, LocalDate date, String score, boolean feasible,
        Kpis kpis, List<BlockPlan> blocks, List<StudentDay> students, List<Unplaced> unplaced) {

    public static final String FORMAT = "regroup/plan";
    public static final int VERSION = 1;
}
