package org.regroup.rest.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.regroup.domain.plan.Violation;
import org.regroup.solver.whatif.Comparison;
import org.regroup.solver.whatif.FewestResult;
import org.regroup.solver.whatif.VariantResult;
import org.regroup.solver.whatif.VersusBase;

/**
 * What the what-if page shows, worked out here so that the template ({@code whatif/report.jte}) only lays it out and
 * escapes it. Every judgement is in words or symbols as well as colour.
 */
public record WhatIfPage(String title, String meta, List<String> inShort, List<String> planNames, List<Row> rows,
        String legend, List<Chart> charts, List<Row> groupSizes, List<Broken> broken, List<People> people,
        Fewest fewest) {

    /** Said of a variant planned again from scratch. */
    static final String FROM_SCRATCH = "planned from scratch";

    /** Width of the longest bar, in SVG units. */
    static final int BAR_WIDTH = 220;

    /** A table row: a figure and its cell for each plan. */
    public record Row(String label, String meaning, List<Cell> cells) {
    }

    /**
     * One plan's figure; {@code change} says the difference from the base, which way (▲ ▼ following the sign) and
     * whether that is better or worse; {@code css} only colours what the words already say.
     */
    public record Cell(String value, String change, String css) {
    }

    /** A bar chart of one figure, its scale said in words ({@code scale}) as well as drawn. */
    public record Chart(String label, String alt, String scale, int height, List<Bar> bars) {
    }

    /** One plan's bar: its length from the chart's floor, and its value and change as text beside it. */
    public record Bar(String name, int y, String width, String fill, String text, String textX) {
    }

    /** An adult: the name when the day gives one, and the id. */
    public record Adult(String name, String id) {
    }

    /** An adult whose day changes: blocks with a group in the base and the variant. */
    public record Load(Adult adult, String change) {
    }

    /** Who gains and who loses in one variant. */
    public record People(String name, String description, String moved, String loseStaffLed, String unmet,
            String met, List<Load> loads, String dropped) {
    }

    /** A plan's broken hard rules. */
    public record Broken(String name, List<Violation> violations) {

        public String involved(Violation v) {
            return WhatIfReport.involved(v);
        }
    }

    /** The fewest-adults answer: in words, who would go, and each count tried. */
    public record Fewest(String heading, String inWords, List<Adult> without, List<List<String>> tried) {
    }

    public static WhatIfPage of(Comparison c) {
        String unit = WhatIfReport.costUnit(c);
        WhatIfReport.Names names = WhatIfReport.Names.of(c);
        List<VariantResult> all = new ArrayList<>();
        all.add(c.base());
        c.variants().forEach(r -> all.add(r.result()));
        String meta = WhatIfReport.timing(c) + " Students are shown by id, adults by name and id. Costs are in " + unit
                + ".";
        List<String> inShort = new ArrayList<>();
        inShort.add(WhatIfReport.baseVerdict(c.base()));
        c.variants().forEach(row -> inShort.add(WhatIfReport.verdict(c.base(), row, unit)));
        if (c.fewest() != null) {
            inShort.add(WhatIfReport.fewestInWords(c.fewest(), names));
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("feasible plan", "no hard rule broken", all.stream().map(r -> r.feasible()
                ? new Cell("yes", "", "") : new Cell("no", WhatIfReport.brokenInWords(r), "worse")).toList()));
        rows.add(new Row("workable plan", "feasible, and every student placed in a properly sized group with the "
                + "staff-led and 1:1 time they are owed", all.stream().map(r -> r.workable() ? new Cell("yes", "", "")
                        : new Cell("no", WhatIfReport.brokenInWords(r), "worse")).toList()));
        for (Metric m : Metric.ALL) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                VariantResult r = all.get(i);
                int verdict = i == 0 ? 0 : m.verdict(c.base(), r);
                cells.add(new Cell(WhatIfReport.cell(m, r, unit), i == 0 ? "" : m.change(c.base(), r, unit),
                        verdict > 0 ? "better" : verdict < 0 ? "worse" : ""));
            }
            rows.add(new Row(m == Metric.COST ? m.label + " (" + unit + ")" : m.label, m.meaning, cells));
        }
        List<Cell> moved = new ArrayList<>(List.of(new Cell("–", "", "")));
        c.variants().forEach(row -> moved.add(new Cell(String.valueOf(row.versusBase().movedStudentBlocks()),
                row.versusBase().fromBasePlan() ? "" : FROM_SCRATCH, "")));
        rows.add(new Row("moved from the base plan", "student-blocks with another adult, skill, modality or space",
                moved));
        String legend = "▲ higher than the base, ▼ lower; \"better\" or \"worse\" says which that is for the figure "
                + "(fewer unmet accommodations, catch-all blocks and costs are better). Staff utilization has no "
                + "better side: higher means fewer adults without a group. Shading repeats the words.";
        List<Chart> charts = Metric.ALL.stream().map(m -> chart(m, all, unit)).toList();
        List<Broken> broken = all.stream().filter(r -> !r.hardViolations().isEmpty())
                .map(r -> new Broken(r.name(), r.hardViolations())).toList();
        List<People> people = c.variants().stream().map(row -> people(row, c.base(), names)).toList();
        return new WhatIfPage(WhatIfReport.title(c), meta, inShort, all.stream().map(VariantResult::name).toList(),
                rows, legend, charts, groupSizes(all), broken, people, fewest(c.fewest(), names));
    }

    /**
     * Bars measured from a floor just below the smallest value, not from zero, so that 89.8 % and 91.3 % look
     * different; the floor is said in words under the chart, and every bar has its value and change beside it.
     */
    static Chart chart(Metric m, List<VariantResult> all, String unit) {
        double min = all.stream().mapToDouble(m::of).min().orElse(0);
        double max = all.stream().mapToDouble(m::of).max().orElse(0);
        double floor = floor(min, max);
        double span = max - floor;
        int rowHeight = 22;
        VariantResult base = all.get(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            VariantResult r = all.get(i);
            int verdict = i == 0 ? 0 : m.verdict(base, r);
            String fill = i == 0 ? "#767676" : verdict > 0 ? "#2a7d3b" : verdict < 0 ? "#b3261e" : "#4a6fa5";
            double width = span <= 0 ? 1 : Math.max(1, (m.of(r) - floor) / span * BAR_WIDTH);
            String change = i == 0 ? "base" : m.change(base, r, unit);
            String text = WhatIfReport.cell(m, r, unit) + (change.isEmpty() ? " (same)" : " (" + change + ")");
            int y = 4 + i * rowHeight;
            bars.add(new Bar(clip(r.name()), y, number(width), fill, text, number(146 + width)));
        }
        String scale = span <= 0 ? "Every plan has the same value."
                : floor == 0 ? "Bars start at zero." : "Bars start at " + m.format(floor, unit)
                        + ", not at zero, so that the differences show.";
        String alt = m.label + ": " + bars.stream().map(b -> b.name() + " " + b.text())
                .collect(Collectors.joining("; ")) + ". " + scale;
        return new Chart(m == Metric.COST ? m.label + " (" + unit + ")" : m.label, alt, scale,
                all.size() * rowHeight + 8, bars);
    }

    /**
     * A round number below {@code min} by about half the values' spread, so that the smallest bar is still visible
     * and the differences take most of the chart; zero when the values start near it (counts of a few) or are all
     * equal.
     */
    static double floor(double min, double max) {
        double spread = max - min;
        if (spread <= 0 || min <= spread * 2) {
            return 0;
        }
        double step = Math.pow(10, Math.floor(Math.log10(spread)));
        return Math.max(0, Math.floor((min - spread / 2) / step) * step);
    }

    private static List<Row> groupSizes(List<VariantResult> all) {
        Set<String> modalities = new TreeSet<>();
        all.forEach(r -> modalities.addAll(r.kpis().groupSizes().keySet()));
        List<Row> rows = new ArrayList<>();
        for (String modality : modalities) {
            rows.add(new Row(modality, "", all.stream().map(r -> {
                var g = r.kpis().groupSizes().get(modality);
                return new Cell(g == null ? "–" : String.format(Locale.ROOT, "%d groups, mean %.1f, max %d",
                        g.sessions(), g.mean(), g.max()), "", "");
            }).toList()));
        }
        return rows;
    }

    private static People people(Comparison.Row row, VariantResult base, WhatIfReport.Names names) {
        VersusBase d = row.versusBase();
        int studentBlocks = base.kpis().presentStudentBlocks();
        String moved = d.movedStudentBlocks() + " of " + studentBlocks + (d.fromBasePlan() ? ""
                : " (" + FROM_SCRATCH + ": starting from the base plan left it not workable, so some of these moves "
                        + "are another search's choices)");
        String lose = d.loseStaffLedTime().isEmpty() ? "nobody" : d.loseStaffLedTime().stream()
                .map(s -> s.studentId() + " (" + s.base() + "→" + s.variant() + " blocks, needs " + s.need() + ")")
                .collect(Collectors.joining(", "));
        String unmet = d.newlyUnmet().isEmpty() ? "none" : d.newlyUnmet().stream()
                .map(a -> a.studentId() + " (" + String.join(", ", a.what()) + ")").collect(Collectors.joining(", "));
        String met = d.newlyMet().isEmpty() ? "none" : d.newlyMet().stream()
                .map(a -> a.studentId() + " (" + String.join(", ", a.what()) + ")").collect(Collectors.joining(", "));
        List<Load> loads = d.adultLoads().stream().map(l -> new Load(adult(l.staffId(), names),
                (l.base() == null ? "new" : String.valueOf(l.base())) + "→"
                        + (l.variant() == null ? "gone" : String.valueOf(l.variant())))).toList();
        String dropped = d.droppedRequests().isEmpty() ? "none" : d.droppedRequests().stream()
                .map(q -> q.id() + " (" + q.studentId() + ", " + q.priority().name().toLowerCase(Locale.ROOT)
                        .replace('_', '-') + ", asked by " + q.requestedBy() + ")").collect(Collectors.joining(", "));
        return new People(row.result().name(), row.result().description(), moved, lose, unmet, met, loads, dropped);
    }

    private static Fewest fewest(FewestResult f, WhatIfReport.Names names) {
        if (f == null) {
            return null;
        }
        List<Adult> without = f.fewest() == null || f.fewest() >= f.inBase() ? List.of()
                : f.removalOrder().subList(0, f.inBase() - f.fewest()).stream().map(id -> adult(id, names)).toList();
        List<List<String>> tried = f.tried().stream().sorted((a, b) -> Integer.compare(b.kept(), a.kept()))
                .map(t -> List.of(String.valueOf(t.kept()), t.workable() ? "yes" : "no",
                        String.valueOf(t.unmetStudents()),
                        (t.honoursEveryAccommodation() ? "yes" : "no") + (t.note() == null ? "" : " (" + t.note() + ")")))
                .toList();
        return new Fewest("Fewest " + f.role().name().toLowerCase(Locale.ROOT) + "s",
                WhatIfReport.fewestInWords(f, names), without, tried);
    }

    private static Adult adult(String id, WhatIfReport.Names names) {
        return new Adult(names.name(id), id);
    }

    private static String clip(String name) {
        return name.length() <= 22 ? name : name.substring(0, 21) + "…";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
