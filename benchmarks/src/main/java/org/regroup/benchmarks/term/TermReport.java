package org.regroup.benchmarks.term;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.regroup.domain.learning.LearningParameters;

/**
 * The report a principal reads: one HTML page that works offline (plots inline as SVG), the assumptions and the plain
 * statement that this is a model on the first screen, then each policy's figures with their intervals, the plots, and
 * how the run was made. Also writes the mastery plot as its own SVG file, for the README.
 */
final class TermReport {

    private TermReport() {
    }

    static void write(TermResult r, Path html, Path masterySvg) throws IOException {
        var mastery = TermCharts.masteryOverTime(r);
        atomically(masterySvg, TermCharts.document(mastery));
        atomically(html, page(r, TermCharts.element(mastery), TermCharts.element(TermCharts.gapOverTime(r)),
                TermCharts.element(TermCharts.distribution(r))));
    }

    static String page(TermResult r, String masteryPlot, String gapPlot, String distributionPlot) {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Term simulation: ")
                .append(esc(r.dataset())).append(", ").append(r.days()).append(" school days</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;"
                        + "color:#222;line-height:1.45}\n")
                .append("table{border-collapse:collapse;margin:.5rem 0 1.2rem}td,th{border:1px solid #ccc;"
                        + "padding:.25rem .5rem;text-align:left;vertical-align:top}td.n{text-align:right;"
                        + "white-space:nowrap}\n")
                .append(".model{background:#fff8e1;border-left:4px solid #f0ad4e;padding:.6rem 1rem}\n")
                .append("small{color:#555}svg{max-width:100%;height:auto}\n</style>\n</head>\n<body>\n");
        h.append("<h1>What the plans imply for learning over a term</h1>\n");
        h.append("<p class=\"model\"><strong>This is a model, not evidence.</strong> Simulated students learn under "
                + "the assumptions listed below (docs/learning-model.md says where each comes from). The figures show "
                + "what each way of planning implies <em>under those assumptions</em>, not what real students would "
                + "learn. A conclusion that changes when an assumption moves within its plausible range is not a "
                + "conclusion: change one with <code>--learning NAME=VALUE</code> and run again.</p>\n");
        h.append("<p>").append(esc(headline(r))).append("</p>\n");

        h.append("<h2>Assumptions</h2>\n<table>\n");
        row(h, "school", Path.of(r.dataset()).getFileName() + " (" + r.students() + " students)");
        row(h, "term", r.days() + " school days; each student absent on a day with chance "
                + pct(r.absence()) + " (the same absences for every policy)");
        row(h, "policies", String.join(", ", r.policies()) + " — " + policyWords(r.policies()));
        row(h, "seeds", r.seeds().size() + " (" + r.seeds() + "); intervals are 95 % over seeds");
        row(h, "planning", "Regroup: " + r.timeLimit() + " per day, starting from the day before; peers: as they "
                + "plan, afresh each day");
        row(h, "learning changed", r.learningChanges().isEmpty() ? "none: the defaults"
                : String.join(", ", r.learningChanges()));
        h.append("</table>\n<table>\n<tr><th>learning parameter</th><th>value</th><th>what it is</th></tr>\n");
        for (Map.Entry<String, Double> p : r.learning().values().entrySet()) {
            String meaning = LearningParameters.MEANINGS.getOrDefault(p.getKey(),
                    p.getKey().startsWith("effect.") ? "minute's effect in " + p.getKey().substring(7) : "");
            h.append("<tr><td><code>").append(esc(p.getKey())).append("</code></td><td class=\"n\">")
                    .append(new java.math.BigDecimal(p.getValue()).round(new java.math.MathContext(4))
                            .stripTrailingZeros().toPlainString()).append("</td><td>")
                    .append(esc(meaning)).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Results</h2>\n<table>\n<tr><th></th>");
        r.policies().forEach(p -> h.append("<th>").append(esc(p)).append("</th>"));
        h.append("</tr>\n");
        for (Figure f : Figure.values()) {
            h.append("<tr><td>").append(esc(f.label)).append("</td>");
            for (TermResult.PolicySummary s : r.summary()) {
                Interval i = s.get(f);
                h.append("<td class=\"n\">").append(String.format(Locale.ROOT, f.format, i.mean()));
                if (i.n() > 1) {
                    h.append(" <small>[").append(String.format(Locale.ROOT, f.format, i.low())).append(", ")
                            .append(String.format(Locale.ROOT, f.format, i.high())).append("]</small>");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        h.append("<p><small>Standards mastered: truly, by the model (the school only sees estimates). The quartiles "
                + "are fixed on the first day: the quarter of students furthest behind the median of their grade, and "
                + "the quarter furthest ahead. Goals are reached as the school's estimates see them, and renewed the "
                + "same day. Adult-led: a teacher or qualified adult teaching (small group, 1:1, seminar, project, "
                + "off site), not supervision of practice.</small></p>\n");
        h.append("<h2>Over the term</h2>\n").append(masteryPlot).append('\n').append(gapPlot).append('\n')
                .append(distributionPlot).append('\n');

        h.append("<h2>How this was run</h2>\n<table>\n");
        row(h, "command", r.command());
        row(h, "started", r.started());
        row(h, "took", String.format(Locale.ROOT, "%.0f s on %d threads; %s", r.seconds(), r.threads(),
                r.machine()));
        row(h, "data", "every run day by day is in the JSON beside this page");
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }

    /** One sentence on the main figure, saying where the intervals overlap (no difference can be claimed there). */
    static String headline(TermResult r) {
        StringBuilder s = new StringBuilder("Under these assumptions, over " + r.days() + " school days, students "
                + "mastered on average ");
        List<TermResult.PolicySummary> all = r.summary();
        for (int i = 0; i < all.size(); i++) {
            Interval m = all.get(i).get(Figure.MASTERED_MEAN);
            s.append(i == 0 ? "" : i == all.size() - 1 ? " and " : ", ")
                    .append(String.format(Locale.ROOT, "%.2f standards with %s", m.mean(), all.get(i).policy()));
        }
        s.append('.');
        if (all.size() > 1 && all.get(0).get(Figure.MASTERED_MEAN).n() < 2) {
            s.append(" With one seed there is no interval, so no difference can be claimed from this run.");
        } else if (all.size() > 1) {
            TermResult.PolicySummary first = all.get(0);
            for (TermResult.PolicySummary other : all.subList(1, all.size())) {
                Interval a = first.get(Figure.MASTERED_MEAN);
                Interval b = other.get(Figure.MASTERED_MEAN);
                s.append(' ').append(a.above(b) ? first.policy() + "'s interval lies above " + other.policy() + "'s"
                        : b.above(a) ? other.policy() + "'s interval lies above " + first.policy() + "'s"
                        : "The intervals of " + first.policy() + " and " + other.policy() + " overlap: no "
                        + "difference between them can be claimed from these runs").append('.');
            }
        }
        return s.toString();
    }

    private static String policyWords(List<String> policies) {
        StringBuilder s = new StringBuilder();
        for (String p : policies) {
            String words = p.startsWith("regroup") ? (p.contains(" · ") ? "Regroup with the staffing of a what-if "
                    + "variant" : "Regroup's daily regrouping")
                    : p.equals("greedy") ? "greedy regrouping (each block filled in order)"
                    : p.equals("static-tracking") ? "static tracking (fixed classes by grade and level)" : p;
            s.append(s.length() == 0 ? "" : "; ").append(p).append(": ").append(words);
        }
        return s.toString();
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static void atomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
