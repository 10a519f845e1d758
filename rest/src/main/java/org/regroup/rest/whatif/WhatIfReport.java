package org.regroup.rest.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.regroup.domain.plan.Violation;
import org.regroup.solver.whatif.Comparison;
import org.regroup.solver.whatif.FewestResult;
import org.regroup.solver.whatif.VariantResult;
import org.regroup.solver.whatif.VersusBase;

/**
 * A what-if comparison for a principal: a table on the terminal, and an HTML page with the table, one chart per
 * figure and, per variant, who gains and who loses. Students appear by id only: the report is meant to be shared.
 */
public final class WhatIfReport {

    /**
     * The page's own Content-Security-Policy when served: its inline styles and nothing else (the server's default
     * policy forbids inline styles, which left the report unstyled in a browser).
     */
    public static final String SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private WhatIfReport() {
    }

    // ---- words shared by the table and the page ----

    /** One sentence per variant: feasibility, then what got better and what got worse, with the people involved. */
    static String verdict(VariantResult base, Comparison.Row row) {
        VariantResult v = row.result();
        List<String> better = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        for (Metric m : Metric.ALL) {
            int verdict = m.verdict(base, v);
            if (verdict != 0) {
                (verdict > 0 ? better : worse).add(m.label + " " + m.delta(base, v));
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

    static String fewestInWords(FewestResult f) {
        String role = f.role().name().toLowerCase(Locale.ROOT) + "s";
        if (f.fewest() == null) {
            return "Even with all " + f.inBase() + " " + role + " the plan does not honour every accommodation, so no "
                    + "smaller number will.";
        }
        StringBuilder s = new StringBuilder("Fewest " + role + " that still honour every accommodation: "
                + f.fewest() + " of " + f.inBase());
        if (f.fewest() < f.inBase()) {
            s.append(" (without ").append(String.join(", ", f.removalOrder().subList(0, f.inBase() - f.fewest())))
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
                breaks.add("the plan is not workable: it breaks " + rules(fewer));
            }
            s.append(" With one fewer, ").append(String.join(" and ", breaks)).append('.');
        }
        return s.toString();
    }

    /**
     * Feasible and workable as docs/format.md defines them: "a workable plan", "feasible, NOT workable: it breaks
     * Student not placed (×5)", "NOT feasible: it breaks Group over size cap (×2), …".
     */
    static String standing(VariantResult r) {
        if (r.workable()) {
            return "a workable plan";
        }
        return (r.feasible() ? "feasible, NOT workable: it breaks " : "NOT feasible: it breaks ") + rules(r);
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
        for (var part : List.of(java.util.Map.entry("blocks", v.blocks()), java.util.Map.entry("staff", v.staff()),
                java.util.Map.entry("spaces", v.spaces()), java.util.Map.entry("students", v.students()))) {
            if (!part.getValue().isEmpty()) {
                parts.add(part.getKey() + " " + String.join(", ", part.getValue()));
            }
        }
        return String.join("; ", parts);
    }

    /** "Group over size cap (×2), Student not placed (×5)". */
    static String rules(VariantResult r) {
        return r.brokenRules().entrySet().stream().map(e -> e.getKey() + " (×" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String cell(Metric m, VariantResult r) {
        String v = m.format(m.of(r));
        return m == Metric.STAFF_LED ? v + "/" + r.kpis().staffLedRequired() : v;
    }

    // ---- terminal ----

    /** Hard rules listed per plan on the terminal; the JSON data and the HTML page have them all. */
    private static final int TEXT_VIOLATIONS = 10;

    /** The comparison as a fixed-width table and one line per variant, for the command line. */
    public static String text(Comparison c) {
        List<VariantResult> all = new ArrayList<>();
        all.add(c.base());
        c.variants().forEach(r -> all.add(r.result()));
        List<String> header = new ArrayList<>(List.of("", "feasible", "workable"));
        Metric.ALL.forEach(m -> header.add(m.label));
        header.add("need staff-led, get less");
        header.add("newly unmet");
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (int i = 0; i < all.size(); i++) {
            VariantResult r = all.get(i);
            List<String> row = new ArrayList<>(List.of(r.name(), r.feasible() ? "yes" : "NO", r.workable() ? "yes" : "NO"));
            for (Metric m : Metric.ALL) {
                String delta = i == 0 ? "" : m.delta(c.base(), r);
                row.add(cell(m, r) + (delta.isEmpty() ? "" : " (" + delta + ")"));
            }
            VersusBase d = i == 0 ? null : c.variants().get(i - 1).versusBase();
            row.add(d == null ? "" : String.valueOf(d.studentsLosingStaffLedTime()));
            row.add(d == null ? "" : String.valueOf(d.newlyUnmet().size()));
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
        out.append('\n');
        c.variants().forEach(row -> out.append("- ").append(verdict(c.base(), row)).append('\n'));
        if (c.fewest() != null) {
            out.append("- ").append(fewestInWords(c.fewest())).append('\n');
        }
        for (VariantResult r : all) {
            List<String> broken = hardViolations(r, TEXT_VIOLATIONS);
            if (!broken.isEmpty()) {
                out.append('\n').append(r.name()).append(" breaks these hard rules (its staff-led and 1:1 time in "
                        + "them meets no accommodation):\n");
                broken.forEach(line -> out.append("  ").append(line).append('\n'));
            }
        }
        out.append('\n').append(timing(c)).append('\n');
        return out.toString();
    }

    // ---- HTML ----

    /** A self-contained page (inline CSS and SVG, no script) that a principal can read and print. */
    public static String html(Comparison c) {
        Html h = new Html();
        List<VariantResult> all = new ArrayList<>();
        all.add(c.base());
        c.variants().forEach(r -> all.add(r.result()));
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .text(title(c)).raw("</title>\n<style>\n").raw(STYLE).raw("</style>\n</head>\n<body>\n<main>\n");
        h.raw("<h1>").text(title(c)).raw("</h1>\n<p class=\"meta\">");
        h.text(timing(c)
                + " Students are shown by id. Each plan is searched separately, so differences of a point or two "
                + "can come from the search rather than the change.");
        h.raw("</p>\n<h2>In short</h2>\n<ul>\n");
        c.variants().forEach(row -> h.raw("<li>").text(verdict(c.base(), row)).raw("</li>\n"));
        if (c.fewest() != null) {
            h.raw("<li>").text(fewestInWords(c.fewest())).raw("</li>\n");
        }
        h.raw("</ul>\n<h2>Side by side</h2>\n<table>\n<thead><tr><th scope=\"col\">figure</th>");
        all.forEach(r -> h.raw("<th scope=\"col\">").text(r.name()).raw("</th>"));
        h.raw("</tr></thead>\n<tbody>\n<tr><th scope=\"row\">feasible plan<br><small>no hard rule broken</small></th>");
        all.forEach(r -> h.raw(r.feasible() ? "<td>yes</td>" : "<td class=\"worse\">no</td>"));
        h.raw("</tr>\n<tr><th scope=\"row\">workable plan<br><small>feasible, and every student placed in a "
                + "properly sized group</small></th>");
        all.forEach(r -> h.raw(r.workable() ? "<td>yes</td>" : "<td class=\"worse\">no</td>"));
        h.raw("</tr>\n");
        for (Metric m : Metric.ALL) {
            h.raw("<tr><th scope=\"row\">").text(m.label).raw("<br><small>").text(m.meaning).raw("</small></th>");
            for (int i = 0; i < all.size(); i++) {
                VariantResult r = all.get(i);
                int verdict = i == 0 ? 0 : m.verdict(c.base(), r);
                String delta = i == 0 ? "" : m.delta(c.base(), r);
                h.raw(verdict > 0 ? "<td class=\"better\">" : verdict < 0 ? "<td class=\"worse\">" : "<td>")
                        .text(cell(m, r));
                if (!delta.isEmpty()) {
                    h.raw(" <small>").text((verdict > 0 ? "▲ " : verdict < 0 ? "▼ " : "") + delta).raw("</small>");
                }
                h.raw("</td>");
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n<p class=\"meta\">▲ better than the base, ▼ worse. Staff utilization has no better "
                + "side: higher means fewer adults without a group.</p>\n<h2>Each figure</h2>\n<div class=\"charts\">\n");
        for (Metric m : Metric.ALL) {
            chart(h, m, all);
        }
        h.raw("</div>\n");
        groupSizes(h, all);
        brokenRules(h, all);
        h.raw("<h2>Who gains, who loses</h2>\n");
        for (Comparison.Row row : c.variants()) {
            people(h, row);
        }
        if (c.fewest() != null) {
            fewest(h, c.fewest());
        }
        h.raw("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** "Each plan solved for 30 s, 2 at a time; the comparison took 61 s and the fewest search 40 s (…)". */
    static String timing(Comparison c) {
        return "Each plan solved for " + seconds(c.timeLimit().toMillis()) + ", " + c.cores()
                + " at a time; the comparison took " + seconds(c.wallTime().toMillis())
                + (c.fewest() == null ? "" : " and the fewest search " + seconds(c.fewest().searchedFor().toMillis())
                        + " (each of its tries stops at its first workable plan)") + ".";
    }

    private static String title(Comparison c) {
        return "What if: " + (c.name() != null ? c.name() : c.scenarioId() != null ? c.scenarioId() : "scenario");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.0f s", millis / 1000.0);
    }

    /** A horizontal bar per plan; the base's bar is grey, others green or red when better or worse. */
    private static void chart(Html h, Metric m, List<VariantResult> all) {
        double max = all.stream().mapToDouble(m::of).max().orElse(0);
        double scale = max <= 0 ? 0 : 220 / max;
        int rowHeight = 22;
        int height = all.size() * rowHeight + 8;
        // role=img hides the bars' own text from screen readers: the label says the same in words.
        String alt = m.label + ": " + all.stream().map(r -> r.name() + " " + cell(m, r))
                .collect(Collectors.joining("; "));
        h.raw("<figure><figcaption>").text(m.label).raw("</figcaption>\n<svg role=\"img\" aria-label=\"").text(alt)
                .raw("\" width=\"420\" height=\"").raw(String.valueOf(height)).raw("\" viewBox=\"0 0 420 ")
                .raw(String.valueOf(height)).raw("\">\n");
        for (int i = 0; i < all.size(); i++) {
            VariantResult r = all.get(i);
            int verdict = i == 0 ? 0 : m.verdict(all.get(0), r);
            String fill = i == 0 ? "#888" : verdict > 0 ? "#2a7d3b" : verdict < 0 ? "#b3261e" : "#4a6fa5";
            int y = 4 + i * rowHeight;
            h.raw("<text x=\"0\" y=\"").raw(String.valueOf(y + 14)).raw("\" font-size=\"11\">").text(clip(r.name()))
                    .raw("</text><rect x=\"140\" y=\"").raw(String.valueOf(y + 3)).raw("\" width=\"")
                    .raw(String.format(Locale.ROOT, "%.1f", Math.max(1, m.of(r) * scale))).raw("\" height=\"14\" fill=\"")
                    .raw(fill).raw("\"/><text x=\"")
                    .raw(String.format(Locale.ROOT, "%.1f", 146 + Math.max(1, m.of(r) * scale)))
                    .raw("\" y=\"").raw(String.valueOf(y + 14)).raw("\" font-size=\"11\">").text(cell(m, r))
                    .raw("</text>\n");
        }
        h.raw("</svg></figure>\n");
    }

    /** Sessions, mean and largest group per modality, per plan. */
    private static void groupSizes(Html h, List<VariantResult> all) {
        java.util.Set<String> modalities = new java.util.TreeSet<>();
        all.forEach(r -> modalities.addAll(r.kpis().groupSizes().keySet()));
        h.raw("<h2>Group sizes</h2>\n<table>\n<thead><tr><th scope=\"col\">modality</th>");
        all.forEach(r -> h.raw("<th scope=\"col\">").text(r.name()).raw("</th>"));
        h.raw("</tr></thead>\n<tbody>\n");
        for (String m : modalities) {
            h.raw("<tr><th scope=\"row\">").text(m).raw("</th>");
            for (VariantResult r : all) {
                var g = r.kpis().groupSizes().get(m);
                h.raw("<td>").text(g == null ? "–" : String.format(Locale.ROOT, "%d groups, mean %.1f, max %d",
                        g.sessions(), g.mean(), g.max())).raw("</td>");
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
    }

    private static String clip(String name) {
        return name.length() <= 22 ? name : name.substring(0, 21) + "…";
    }

    private static void people(Html h, Comparison.Row row) {
        VersusBase d = row.versusBase();
        h.raw("<h3>").text(row.result().name()).raw("</h3>\n");
        if (row.result().description() != null) {
            h.raw("<p>").text(row.result().description()).raw("</p>\n");
        }
        h.raw("<ul>\n<li>Students who need staff-led time and get less of it: ");
        h.text(d.loseStaffLedTime().isEmpty() ? "nobody" : d.loseStaffLedTime().stream()
                .map(s -> s.studentId() + " (" + s.base() + "→" + s.variant() + " blocks, needs " + s.need() + ")")
                .collect(Collectors.joining(", ")));
        h.raw("</li>\n<li>Accommodations that become unmet: ");
        h.text(d.newlyUnmet().isEmpty() ? "none" : d.newlyUnmet().stream()
                .map(a -> a.studentId() + " (" + String.join(", ", a.what()) + ")").collect(Collectors.joining(", ")));
        h.raw("</li>\n<li>Accommodations that become met: ");
        h.text(d.newlyMet().isEmpty() ? "none" : d.newlyMet().stream()
                .map(a -> a.studentId() + " (" + String.join(", ", a.what()) + ")").collect(Collectors.joining(", ")));
        h.raw("</li>\n<li>Adults whose day changes (blocks with a group): ");
        h.text(d.adultLoads().isEmpty() ? "none" : d.adultLoads().stream()
                .map(l -> l.staffId() + " " + (l.base() == null ? "new" : l.base()) + "→"
                        + (l.variant() == null ? "gone" : l.variant()))
                .collect(Collectors.joining(", ")));
        h.raw("</li>\n<li>Requests dropped because the variant removes whom or when they name: ");
        h.text(d.droppedRequests().isEmpty() ? "none" : d.droppedRequests().stream()
                .map(q -> q.id() + " (" + q.studentId() + ", " + q.priority().name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + ", asked by " + q.requestedBy() + ")").collect(Collectors.joining(", ")));
        h.raw("</li>\n</ul>\n");
    }

    /** Each plan's broken hard rules with the ids involved; none is printed when every plan is feasible. */
    private static void brokenRules(Html h, List<VariantResult> all) {
        if (all.stream().allMatch(r -> r.hardViolations().isEmpty())) {
            return;
        }
        h.raw("<h2>Broken hard rules</h2>\n<p class=\"meta\">Staff-led and 1:1 time in these sessions meets no "
                + "accommodation in the figures above.</p>\n");
        for (VariantResult r : all) {
            if (r.hardViolations().isEmpty()) {
                continue;
            }
            h.raw("<h3>").text(r.name()).raw("</h3>\n<table>\n<thead><tr><th scope=\"col\">rule</th>"
                    + "<th scope=\"col\">what</th><th scope=\"col\">involved</th></tr></thead>\n<tbody>\n");
            for (Violation v : r.hardViolations()) {
                h.raw("<tr><th scope=\"row\">").text(v.rule()).raw("</th><td class=\"words\">").text(v.message())
                        .raw("</td><td class=\"words\">").text(involved(v)).raw("</td></tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
    }

    private static void fewest(Html h, FewestResult f) {
        h.raw("<h2>Fewest ").text(f.role().name().toLowerCase(Locale.ROOT) + "s").raw("</h2>\n<p>")
                .text(fewestInWords(f)).raw("</p>\n<table>\n<thead><tr><th scope=\"col\">kept</th>"
                        + "<th scope=\"col\">workable</th><th scope=\"col\">students with an unmet accommodation</th>"
                        + "<th scope=\"col\">every accommodation honoured</th></tr></thead>\n<tbody>\n");
        f.tried().stream().sorted((a, b) -> Integer.compare(b.kept(), a.kept())).forEach(t -> h.raw("<tr><td>")
                .text(String.valueOf(t.kept())).raw("</td><td>").text(t.workable() ? "yes" : "no").raw("</td><td>")
                .text(String.valueOf(t.unmetStudents())).raw("</td><td>")
                .text(t.honoursEveryAccommodation() ? "yes" : "no")
                .text(t.note() == null ? "" : " (" + t.note() + ")").raw("</td></tr>\n"));
        h.raw("</tbody>\n</table>\n");
    }

    private static final String STYLE = """
            body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111;
                   max-width: 70rem; margin: 1.5rem auto; padding: 0 1rem; }
            h1 { font-size: 18pt; margin-bottom: .2rem; }
            .meta { color: #444; font-size: 9pt; }
            table { border-collapse: collapse; margin: .5rem 0 1rem; }
            th, td { border: 1px solid #999; padding: 4pt 7pt; text-align: right; vertical-align: top; }
            th[scope=row], thead th:first-child { text-align: left; }
            th small { font-weight: normal; color: #555; }
            td.better { background: #e3f3e6; }
            td.worse { background: #fbe4e2; }
            td.words { text-align: left; }
            .charts { display: flex; flex-wrap: wrap; gap: 1rem; }
            figure { margin: 0; break-inside: avoid; }
            figcaption { font-weight: bold; font-size: 10pt; }
            @media print { body { margin: 0; max-width: none; } td.better, td.worse { background: none; } }
            """;

    /** Builds the page; every text is escaped. */
    private static final class Html {
        private final StringBuilder out = new StringBuilder(16_384);

        Html raw(String s) {
            out.append(s);
            return this;
        }

        Html text(String s) {
            for (int i = 0; s != null && i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(ch);
                }
            }
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
