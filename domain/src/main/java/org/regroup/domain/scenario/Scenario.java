package org.regroup.domain.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.regroup.domain.StaffRole;

/**
 * A principal's what-if: a base day and named variants of it, each a list of changes, solved side by side and
 * compared on the same KPIs (docs/format.md, "Scenarios").
 *
 * @param format    always {@value #FORMAT}
 * @param version   always {@value #VERSION}
 * @param id        the scenario's id (for reports)
 * @param name      what the principal asks, in words
 * @param base      the base day: a day-problem file, relative to the scenario file
 * @param timeLimit how long each plan is solved, e.g. {@code "30s"} (the command line's default when absent)
 * @param variants  the variants, in the order the report shows them; the base is always solved too
 * @param fewest    optional: the fewest adults of a role that still honour every accommodation
 * @param costUnit  optional: the unit of the adults' {@code costPerDay} in reports ("EUR", "USD", "$"); reports say
 *                  "cost units" when absent rather than guess a currency
 */
public record Scenario(String format, Integer version, String id, String name, String base, String timeLimit,
        List<Variant> variants, FewestSearch fewest, String costUnit) {

    public static final String FORMAT = "regroup/scenario";
    public static final int VERSION = 1;
    /** The longest {@link #costUnit} read. */
    public static final int COST_UNIT_MAX = 16;

    @com.fasterxml.jackson.annotation.JsonCreator
    public Scenario {
        variants = orEmpty(variants);
    }

    /** A scenario without a cost unit. */
    public Scenario(String format, Integer version, String id, String name, String base, String timeLimit,
            List<Variant> variants, FewestSearch fewest) {
        this(format, version, id, name, base, timeLimit, variants, fewest, null);
    }

    /**
     * A named variant of the base day.
     *
     * @param name        how the report names it ("minus 2 aides")
     * @param description optional, one sentence for the report
     * @param changes     applied to the base day in order
     */
    public record Variant(String name, String description, List<Change> changes) {

        public Variant {
            changes = orEmpty(changes);
        }
    }

    /**
     * "What is the fewest aides that still honours every accommodation?": removes adults of {@code role} one by one
     * (in {@code order}, or the least-used in the base plan first) and bisects for the smallest number kept with every
     * accommodation met and no hard rule broken.
     *
     * @param role  whose number is searched (aide, tutor…)
     * @param order optional: the ids to remove first, first to last (default: least-used in the base plan first)
     */
    public record FewestSearch(StaffRole role, List<String> order) {

        public FewestSearch {
            order = order == null ? null : orEmpty(order);
        }
    }

    /**
     * Absent = empty; null entries are kept so that {@link ScenarioReader} reports them by position ({@code List.copyOf}
     * would fail inside Jackson instead). ({@code org.regroup.domain.Lists} is package-private.)
     */
    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
