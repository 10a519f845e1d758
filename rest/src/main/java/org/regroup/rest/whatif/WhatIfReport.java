package org.regroup.rest.whatif;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.regroup.domain.Staff;
import org.regroup.domain.plan.Violation;
import org.regroup.rest.pages.Pages;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.whatif.Comparison;
import org.regroup.solver.whatif.FewestResult;
import org.regroup.solver.whatif.VariantResult;
import org.regroup.solver.whatif.VersusBase;

/**
 * A what-if comparison for a principal: a table on the terminal, and an HTML page (template
 * {@code whatif/report.jte}, built from {@link WhatIfPage}) with the table, one chart per figure and, per variant,
 * who gains and who loses. Students appear by id only (the report is meant to be shared); adults by name and id.
 *
 * <p>The words here are the report's one vocabulary: a plan is <em>workable</em> or says which rules it breaks, in
 * words, wherever its verdict is shown; a change says which way it went (the arrow follows the sign) and whether
 * that is better or worse for the figure.
 */
public final class WhatIfReport {

    /** The page's own Content-Security-Policy when served (the meta element has the same, without frame-ancestors). */
    public static final String SECURITY_POLICY = Pages.CSP + "; frame-ancestors 'none'";

    /** Hard rules listed per plan on the terminal; the JSON data and the HTML page have them all. */
    private static final int TEXT_VIOLATIONS = 10;

    /** The medium rules, those that make a feasible plan not workable, each counted in words. */
    private static final Map<String, String[]> MEDIUM_IN_WORDS = Map.of(
            Rules.UNPLACED, new String[] {"student-block without a seat", "student-blocks without a seat"},
            Rules.STAFF_LED_MINIMUM, new String[] {"student with too few staff-led blocks",
                    "students with too few staff-led blocks"},
            Rules.ONE_TO_ONE_MINUTES, new String[] {"student with too little 1:1 time",
                    "students with too little 1:1 time"},
            Rules.GROUP_UNDER_MINIMUM, new String[] {"group below its minimum size", "groups below their minimum size"});

    private WhatIfReport() {
    }

    // ---- words shared by the table and the page ----

    /** One sentence per variant: its standing, then what got better and what got worse, with the people involved. */
    static String verdict(VariantResult base, Comparison.Row row, String costUnit) {
        VariantResult v = row.result();
        List<String> better = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        for (Metric m : Metric.ALL) {
            int verdict = m.verdict(base, v);
            if (verdict != 0) {
                (verdict > 0 ? better : worse).add(m.label + " " + m.delta(base, v, costUnit) + " ("
                        + m.direction(base, v).substring(2) + ")");
            }
        }
        StringBuilder s = new StringBuilder(v.name()).append(": ");
        s.append(standing(v));
        if (better.isEmpty() && worse.isEmpty()) {
            s.append("; no figure changes");
        }
        if (!better.isEmpty()) {
            s.append("; better on ").append(String.join(", ", better));
        }
        if (!worse.isEmpty()) {
            s.append("; worse on ").append(String.join(", ", worse));
        }
        VersusBase d = row.versusBase();
        if (d.studentsLosingStaffLedTime() > 0) {
            s.append("; ").append(d.studentsLosingStaffLedTime()).append(" student")
                    .append(d.studentsLosingStaffLedTime() == 1 ? " who needs" : "s who need").append(" staff-led time get")
                    .append(d.studentsLosingStaffLedTime() == 1 ? "s" : "").append(" less of it");
            long below = d.loseStaffLedTime().stream().filter(VersusBase.StaffLedChange::belowNeed).count();
            s.append(below == 0 ? (d.studentsLosingStaffLedTime() == 1 ? " (still at least their minimum)"
                    : " (all still at least their minimum)") : " (" + below + " below their minimum)");
        }
        if (!d.droppedRequests().isEmpty()) {
            s.append("; ").append(d.droppedRequests().size()).append(" request")
                    .append(d.droppedRequests().size() == 1 ? " is" : "s are").append(" dropped");
        }
        if (!d.newlyUnmet().isEmpty()) {
            s.append("; ").append(d.newlyUnmet().size()).append(" student")
                    .append(d.newlyUnmet().size() == 1 ? "'s accommodation becomes" : "s' accommodations become")
                    .append(" unmet");
        }
        return s.append('.').toString();
    }

    /** The base's line: its standing in the same words as each variant's. */
    static String baseVerdict(VariantResult base) {
        return base.name() + ": " + standing(base) + ".";
    }

    /**
     * "Fewest aides that are workable with every accommodation met: 9 of 11 (without …)", or why there is no
     * answer — in the words of the figures beside it, so that "0 unmet" and this sentence cannot contradict.
     */
    static String fewestInWords(FewestResult f, Names names) {
        String role = f.role().name().toLowerCase(Locale.ROOT) + "s";
        if (f.fewest() == null) {
            VariantResult all = f.oneFewer();
            String why;
            if (all == null) {
                why = "the plan with all of them was not found";
            } else if (all.unmetStudents() > 0) {
                why = all.unmetStudents() + " student" + (all.unmetStudents() == 1 ? "'s accommodation goes"
                        : "s' accommodations go") + " unmet" + (all.workable() ? "" : " and " + notWorkable(all));
            } else {
                why = "every accommodation is met, but " + notWorkable(all);
            }
            return "With all " + f.inBase() + " " + role + " the plan is not workable with every accommodation met: "
                    + why + ". Fewer " + role + " will not do better, so the search stopped there.";
        }
        StringBuilder s = new StringBuilder("Fewest " + role + " with a workable plan and every accommodation met: "
                + f.fewest() + " of " + f.inBase());
        if (f.fewest() < f.inBase()) {
            s.append(" (without ").append(names.all(f.removalOrder().subList(0, f.inBase() - f.fewest())))
                    .append(')');
        }
        s.append('.');
        VariantResult fewer = f.oneFewer();
        f.tried().stream().filter(t -> t.kept() == f.fewest() - 1 && t.note() != null).findFirst()
                .ifPresent(t -> s.append(" With one fewer, ").append(t.note()).append('.'));
        if (fewer != null) {
            List<String> breaks = new ArrayList<>();
            if (fewer.unmetStudents() > 0) {
                breaks.add(fewer.unmetStudents() + " student" + (fewer.unmetStudents() == 1
                        ? "'s accommodation goes" : "s' accommodations go") + " unmet");
            }
            if (!fewer.workable()) {
                breaks.add(notWorkable(fewer));
            }
            s.append(" With one fewer, ").append(String.join(" and ", breaks)).append('.');
        }
        return s.toString();
    }

    /**
     * Feasible and workable as docs/format.md defines them, with why not in words: "a workable plan", "feasible, NOT
     * workable: 1 group below its minimum size", "NOT feasible: it breaks Group over size cap (×2)".
     */
    static String standing(VariantResult r) {
        if (r.workable()) {
            return "a workable plan";
        }
        return (r.feasible() ? "feasible, NOT workable: " : "NOT feasible: ") + brokenInWords(r);
    }

    /** "the plan is not workable: 1 group below its minimum size". */
    private static String notWorkable(VariantResult r) {
        return "the plan is not workable: " + brokenInWords(r);
    }

    /**
     * What a plan breaks, hard rules first: "it breaks Group over size cap (×2); 1 group below its minimum size".
     * A plan that is not workable though no rule is listed (not yet scored) says so.
     */
    static String brokenInWords(VariantResult r) {
        List<String> hard = new ArrayList<>();
        List<String> medium = new ArrayList<>();
        r.brokenRules().forEach((rule, count) -> {
            String[] words = MEDIUM_IN_WORDS.get(rule);
            if (words != null) {
                medium.add(count + " " + words[count == 1 ? 0 : 1]);
            } else {
                hard.add(rule + " (×" + count + ")");
            }
        });
        List<String> parts = new ArrayList<>();
        if (!hard.isEmpty()) {
            parts.add("it breaks " + String.join(", ", hard));
        }
        parts.addAll(medium);
        return parts.isEmpty() ? "its score breaks a rule (" + r.score() + ")" : String.join("; ", parts);
    }

    /** The hard rules a plan breaks, one line each with the ids involved, at most {@code limit} of them. */
    static List<String> hardViolations(VariantResult r, int limit) {
        List<Violation> hard = r.hardViolations();
        List<String> lines = new ArrayList<>();
        hard.stream().limit(limit).forEach(v -> lines.add(v.rule() + ": " + v.message() + " (" + involved(v) + ")"));
        if (hard.size() > limit) {
            lines.add("… and " + (hard.size() - limit) + " more in the JSON data");
        }
        return lines;
    }

    /** "blocks B2; staff T1; spaces R1; students S01, S02" (ids only: the report is meant to be shared). */
    static String involved(Violation v) {
        List<String> parts = new ArrayList<>();
        for (var part : List.of(Map.entry("blocks", v.blocks()), Map.entry("staff", v.staff()),
                Map.entry("spaces", v.spaces()), Map.entry("students", v.students()))) {
            if (!part.getValue().isEmpty()) {
                parts.add(part.getKey() + " " + String.join(", ", part.getValue()));
            }
        }
        return String.join("; ", parts);
    }

    static String cell(Metric m, VariantResult r, String costUnit) {
        String v = m.format(m.of(r), costUnit);
        return m == Metric.STAFF_LED ? v + "/" + r.kpis().staffLedRequired() : v;
    }

    /** The scenario's cost unit, else "cost units": no currency is guessed. */
    static String costUnit(Comparison c) {
        return c.costUnit() == null || c.costUnit().isBlank() ? Metric.DEFAULT_COST_UNIT : c.costUnit().strip();
    }

    /** Adults' names by id, from the base day and every variant's (a hire is only in its variant). */
    static final class Names {
        private final Map<String, String> byId = new HashMap<>();

        static Names of(Comparison c) {
            Names names = new Names();
            List<VariantResult> all = new ArrayList<>();
            all.add(c.base());
            c.variants().forEach(r -> all.add(r.result()));
            for (VariantResult r : all) {
                if (r.problem() != null) {
                    for (Staff s : r.problem().staff()) {
                        if (s.name() != null && !s.name().isBlank()) {
                            names.byId.putIfAbsent(s.id(), s.name());
                        }
                    }
                }
            }
            return names;
        }

        /** The name, or null when the day gives none. */
        String name(String id) {
            return byId.get(id);
        }

        /** "Ms Diaz (A10)", or the id alone. */
        String of(String id) {
            String name = byId.get(id);
            return name == null ? id : name + " (" + id + ")";
        }

        String all(List<String> ids) {
            return ids.stream().map(this::of).collect(Collectors.joining(", "));
        }
    }

    // ---- terminal ----

    /** The comparison as a fixed-width table and one line per plan, for the command line. */
    public static String text(Comparison c) {
        String unit = costUnit(c);
        Names names = Names.of(c);
        List<VariantResult> all = new ArrayList<>();
        all.add(c.base());
        c.variants().forEach(r -> all.add(r.result()));
        List<String> header = new ArrayList<>(List.of("", "feasible", "workable"));
        Metric.ALL.forEach(m -> header.add(m.label));
        header.add("need staff-led, get less");
        header.add("newly unmet");
        header.add("moved");
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (int i = 0; i < all.size(); i++) {
            VariantResult r = all.get(i);
            List<String> row = new ArrayList<>(List.of(r.name(), r.feasible() ? "yes" : "NO", r.workable() ? "yes" : "NO"));
            for (Metric m : Metric.ALL) {
                String change = i == 0 ? "" : m.delta(c.base(), r, unit);
                String judgement = i == 0 ? "" : m.judgement(c.base(), r);
                row.add(cell(m, r, unit) + (change.isEmpty() ? "" : " (" + change
                        + (judgement.isEmpty() ? "" : ", " + judgement) + ")"));
            }
            VersusBase d = i == 0 ? null : c.variants().get(i - 1).versusBase();
            row.add(d == null ? "" : String.valueOf(d.studentsLosingStaffLedTime()));
            row.add(d == null ? "" : String.valueOf(d.newlyUnmet().size()));
            row.add(d == null ? "" : d.movedStudentBlocks() + (d.fromBasePlan() ? "" : " (from scratch)"));
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                out.append(i == 0 ? String.format("%-" + widths[i] + "s", cell)
                        : "  " + String.format("%" + widths[i] + "s", cell));
            }
            out.append('\n');
        }
        out.append('\n').append("- ").append(baseVerdict(c.base())).append('\n');
        c.variants().forEach(row -> out.append("- ").append(verdict(c.base(), row, unit)).append('\n'));
        if (c.fewest() != null) {
            out.append("- ").append(fewestInWords(c.fewest(), names)).append('\n');
        }
        for (VariantResult r : all) {
            List<String> broken = hardViolations(r, TEXT_VIOLATIONS);
            if (!broken.isEmpty()) {
                out.append('\n').append(r.name()).append(" breaks these hard rules (its staff-led and 1:1 time in "
                        + "them meets no accommodation):\n");
                broken.forEach(line -> out.append("  ").append(line).append('\n'));
            }
        }
        out.append('\n').append(timing(c)).append(" Costs are in ").append(unit).append(". \"moved\": student-blocks "
                + "that differ from the base plan (each variant starts from it; one that is then not workable is "
                + "planned again from scratch, and the better kept).\n");
        return out.toString();
    }

    // ---- HTML ----

    /** A self-contained page (inline CSS and SVG, no script) that a principal can read and print. */
    public static String html(Comparison c) {
        return Pages.render("whatif/report.jte", Map.of("page", WhatIfPage.of(c)));
    }

    /** "Each plan solved for 30 s, 2 at a time; the comparison took 61 s and the fewest search 40 s (…)". */
    static String timing(Comparison c) {
        return "Each plan solved for " + seconds(c.timeLimit().toMillis()) + ", " + c.cores()
                + " at a time, each variant starting from the base plan; the comparison took "
                + seconds(c.wallTime().toMillis())
                + (c.fewest() == null ? "" : " and the fewest search " + seconds(c.fewest().searchedFor().toMillis())
                        + " (each of its tries stops at its first workable plan)") + ".";
    }

    static String title(Comparison c) {
        return "What if: " + (c.name() != null ? c.name() : c.scenarioId() != null ? c.scenarioId() : "scenario");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.0f s", millis / 1000.0);
    }
}
