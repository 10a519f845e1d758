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
    COST("staff cost per day", "sum of the adults' cost per day", Better.LOWER, Kind.MONEY,
            VariantResult::staffCostPerDay);

    enum Better { HIGHER, LOWER, NEITHER }

    enum Kind { PERCENT, COUNT, MONEY }

    static final List<Metric> ALL = List.of(values());

    /** What a cost is counted in when the scenario does not say: no currency is guessed. */
    static final String DEFAULT_COST_UNIT = "cost units";

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

    /** "91.3%", "12", "11,000 EUR". */
    String format(double v, String costUnit) {
        return switch (kind) {
            case PERCENT -> String.format(Locale.ROOT, "%.1f%%", v * 100);
            case COUNT -> String.format(Locale.ROOT, "%.0f", v);
            case MONEY -> String.format(Locale.ROOT, "%,.0f %s", v, costUnit);
        };
    }

    /** The change from the base in the metric's unit ("+1.2 pts", "-3", "-360 EUR"); empty when there is none. */
    String delta(VariantResult base, VariantResult variant, String costUnit) {
        double d = of(variant) - of(base);
        if (same(d)) {
            return "";
        }
        return switch (kind) {
            case PERCENT -> String.format(Locale.ROOT, "%+.1f pts", d * 100);
            case COUNT -> String.format(Locale.ROOT, "%+.0f", d);
            case MONEY -> String.format(Locale.ROOT, "%+,.0f %s", d, costUnit);
        };
    }

    /** Which way the figure moved, the arrow following the sign: "▲ higher", "▼ lower"; empty when the same. */
    String direction(VariantResult base, VariantResult variant) {
        double d = of(variant) - of(base);
        return same(d) ? "" : d > 0 ? "▲ higher" : "▼ lower";
    }

    /** "better", "worse", or empty when the same or the figure has no better side. */
    String judgement(VariantResult base, VariantResult variant) {
        int v = verdict(base, variant);
        return v > 0 ? "better" : v < 0 ? "worse" : "";
    }

    /**
     * The whole change in words: "-360 EUR ▼ lower, better", "+1.5 pts ▲ higher, worse", "+2.0 pts ▲ higher"
     * (no better side); empty when there is none.
     */
    String change(VariantResult base, VariantResult variant, String costUnit) {
        String delta = delta(base, variant, costUnit);
        if (delta.isEmpty()) {
            return "";
        }
        String judgement = judgement(base, variant);
        return delta + " " + direction(base, variant) + (judgement.isEmpty() ? "" : ", " + judgement);
    }

    /** +1 better than the base, -1 worse, 0 the same or a figure with no better side. */
    int verdict(VariantResult base, VariantResult variant) {
        double d = of(variant) - of(base);
        if (same(d) || better == Better.NEITHER) {
            return 0;
        }
        return (d > 0) == (better == Better.HIGHER) ? 1 : -1;
    }

    /** Equal as the report shows them: a change smaller than the last digit printed is no change. */
    private boolean same(double d) {
        return Math.abs(d) < (kind == Kind.PERCENT ? 0.0005 : 0.5);
    }
}
