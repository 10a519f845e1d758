package org.regroup.domain.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A solved day: the documented, versioned output format ({@code docs/format.md},
 * {@code docs/schema/plan.schema.json}). Per block the sessions; per student the day; who could not be placed and
 * why; every other rule the plan breaks; the score as Timefold writes it (e.g. {@code 0hard/0medium/-1234soft}),
 * whether it is feasible and workable, and the KPIs.
 *
 * @param feasible   no hard rule broken
 * @param workable   feasible, and no medium rule broken either (every present student placed in a properly sized
 *                   group); null in version 1 plans, which did not say
 * @param violations every hard and medium rule broken, but unplaced student-blocks ({@code unplaced}); version 2
 */
public record Plan(String format, int version, String problemId, LocalDate date, String score, boolean feasible,
        Boolean workable, Kpis kpis, List<BlockPlan> blocks, List<StudentDay> students, List<Unplaced> unplaced,
        List<Violation> violations) {

    public static final String FORMAT = "regroup/plan";
    /** The version Regroup writes. */
    public static final int VERSION = 2;
    /** The versions Regroup reads: version 1 plans (stored, or written by other tools) mean what they always did. */
    public static final Set<Integer> READABLE_VERSIONS = Set.of(1, 2);

    public Plan {
        // A plan leaves empty lists out; read back, they are empty again (a block nobody attends has no sessions).
        blocks = blocks == null ? List.of() : blocks;
        students = students == null ? List.of() : students;
        unplaced = unplaced == null ? List.of() : unplaced;
        violations = violations == null ? List.of() : List.copyOf(violations);
    }
}
