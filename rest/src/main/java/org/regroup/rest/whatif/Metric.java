package org.regroup.rest.whatif;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.regroup.solver.whatif.VariantResult;

/**
 * The figures a what-if compares, each with which way is better, in one place for the table, the report and its
 * charts.
 */
enum Metric {
    PLACED("placed", "share of student-blocks placed", Better.HIGHER, Kind.PERCENT, r -> r.kpis().placedShare()),
    GOAL_SKILL("goal-skill share", "skill work on a student's goals", Better.HIGHER, Kind.PERCENT,
            r -> r.kpis().goalSkillShare()),
    STAFF_LED("staff-led blocks", "staff-led blocks delivered to students who need them", Better.HIGHER, Kind.COUNT,
            r -> r.kpis().staffLedDelivered()),
    UNMET("unmet accommodations", "students with an accommodation not met", Better.LOWER, Kind.COUNT,
            r -> r.kpis().studentsWithUnmetAccommodation()),
    CATCH_ALL("catch-all", "student-blocks in the catch-all", Better.LOWER, Kind.COUNT,
            r -> r.kpis().catchAllStudentBlocks()),
    UTILIZATION("staff utilization", "blocks adults lead a group, of blocks they work", Better.NEITHER, Kind.PERCENT,
            r -> r.kpis().staffUtilization()),
    COST("staff cost/day", "sum of the adults' cost per day", Better.LOWER, Kind.MONEY, VariantResult::staffCostPerDay);

    enum Better { HIGHER, LOWER, NEITHER }

    enum Kind { PERCENT, COUNT, MONEY }

    static final List<Metric> ALL = List.of(values());

    final String label;
    final String meaning;
    final Better better;
    final Kind kind;
    private final ToDoubleFunction<VariantResult> value;

    Metric(String label, String meaning, Better better, Kind kind, ToDoubleFunction<VariantResult> value) {
        this.label = label;
        this.meaning = meaning;
        this.better = better;
        this.kind = kind;
        this.value = value;
    }

    double of(VariantResult r) {
        return value.applyAsDouble(r);
    }

    String format(double v) {
        return switch (kind) {
            case PERCENT -> String.format(Locale.ROOT, "%.1f%%", v * 100);
            case COUNT -> String.format(Locale.ROOT, "%.0f", v);
            case MONEY -> String.format(Locale.ROOT, "%,.0f", v);
        };
    }

    /** The change from the base in the metric's unit ("+1.2 pts", "-3", "+250"); empty when there is none. */
    String delta(VariantResult base, VariantResult variant) {
        double d = of(variant) - of(base);
        if (Math.abs(d) < 1e-9) {
            return "";
        }
        return switch (kind) {
            case PERCENT -> String.format(Locale.ROOT, "%+.1f pts", d * 100);
            case COUNT -> String.format(Locale.ROOT, "%+.0f", d);
            case MONEY -> String.format(Locale.ROOT, "%+,.0f", d);
        };
    }

    /** +1 better than the base, -1 worse, 0 the same or a figure with no better side. */
    int verdict(VariantResult base, VariantResult variant) {
        double d = of(variant) - of(base);
        if (Math.abs(d) < 1e-9 || better == Better.NEITHER) {
            return 0;
        }
        return (d > 0) == (better == Better.HIGHER) ? 1 : -1;
    }
}
